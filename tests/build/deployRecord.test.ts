import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { incompleteBecause } from "../../src/features/deploy/buildRecord.ts";
import { headersFile } from "../../src/features/deploy/headersFile.ts";
import { listSiteFiles } from "../../src/features/deploy/listSiteFiles.ts";
import { fixtureArticles, fixtureSite, repoRoot } from "../support/paths.ts";

const record = () => JSON.parse(readFileSync(path.join(fixtureSite, "_build.json"), "utf8")) as unknown;

describe("what the build writes for hosts and for npm run deploy", () => {
  it("writes _headers from the policy", () => {
    expect(readFileSync(path.join(fixtureSite, "_headers"), "utf8")).toBe(headersFile());
  });

  it("records every file it wrote and the articles it published", async () => {
    const files = (await listSiteFiles(fixtureSite)).filter((file) => file.path !== "_build.json");
    expect(files.length).toBeGreaterThan(50);
    expect(incompleteBecause(record(), files)).toBeUndefined();
    const published = files.filter((file) => /^articles\/[^/]+\/index\.html$/.test(file.path)).length;
    expect(published).toBeGreaterThan(5);
    expect((record() as { published: { count: number } }).published.count).toBe(published);
  });
});

describe("scripts/publish-due.ts (the hourly CI check)", () => {
  const due = (articles: string) =>
    execFileSync(process.execPath, ["scripts/publish-due.ts", path.join(fixtureSite, "_build.json")], {
      cwd: repoRoot,
      env: { ...process.env, ARTICLES_DIR: articles, GITHUB_OUTPUT: "" },
      encoding: "utf8",
    });

  it("needs no build when the live site has every article due now (drafts and scheduled ones left out)", () => {
    expect(due(fixtureArticles)).toMatch(/^build=false/);
  });

  it("builds when an article's time has come", () => {
    const articles = mkdtempSync(path.join(tmpdir(), "due-"));
    try {
      cpSync(fixtureArticles, articles, { recursive: true });
      writeFileSync(path.join(articles, "now-due.md"), "---\ntitle: 到点了\ndate: 2020-01-01\n---\n正文。\n");
      expect(due(articles)).toMatch(/^build=true \(\d+ articles are due now/);
    } finally {
      rmSync(articles, { recursive: true, force: true });
    }
  });
});
