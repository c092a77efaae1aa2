import { readdirSync } from "node:fs";
import path from "node:path";
import { FileSystemConfigLoader, HtmlValidate } from "html-validate";
import { describe, expect, it } from "vitest";
import { fixtureSite } from "../support/paths.ts";

// Every built page of the fixture site against html-validate's recommended and document rules,
// configured in .htmlvalidate.mjs (found from the page's folder upwards, as the CLI finds it).
const htmlValidate = new HtmlValidate(new FileSystemConfigLoader());
const pages = readdirSync(fixtureSite, { recursive: true, encoding: "utf8" })
  .filter((file) => file.endsWith(".html"))
  .sort();

describe("valid HTML", () => {
  it("has pages to check", () => {
    expect(pages).toContain("index.html");
    expect(pages).toContain("404.html");
    expect(pages.filter((file) => file.startsWith("articles/")).length).toBeGreaterThan(10);
  });

  it.each(pages)("%s passes html-validate", async (file) => {
    const report = await htmlValidate.validateFile(path.join(fixtureSite, file));
    const problems = report.results.flatMap((result) =>
      result.messages.map(
        (message) => `${file}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`,
      ),
    );
    expect(problems, `see https://html-validate.org/rules/<rule>.html`).toEqual([]);
  });
});
