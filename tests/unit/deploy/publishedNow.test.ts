import { describe, expect, it } from "vitest";
import { publishedNow } from "../../../src/features/deploy/publishedNow.ts";
import { formatGithubAnnotation } from "../../../src/lib/content/formatGithubAnnotation.ts";

const article = (id: string, frontmatter: string) => ({
  id,
  text: `---\ntitle: ${id}\n${frontmatter}\n---\n正文\n`,
});

describe("publishedNow (the hourly check, before npm ci)", () => {
  // 2026-03-01 00:00 in Shanghai is 2026-02-28 16:00 UTC.
  const articles = [
    article("old", "date: 2025-06-18"),
    article("draft", "date: 2025-06-18\ndraft: true"),
    article("day", "date: 2026-03-01"),
    article("evening", 'date: "2026-03-01T20:30:00+08:00" # scheduled'),
  ];

  it("lets through what the publish rule does, reading date-only values in the site's zone", () => {
    expect(publishedNow(articles, new Date("2026-02-28T15:59:59Z"), "Asia/Shanghai")).toEqual(["old"]);
    expect(publishedNow(articles, new Date("2026-02-28T16:00:00Z"), "Asia/Shanghai")).toEqual(["old", "day"]);
    expect(publishedNow(articles, new Date("2026-03-01T12:30:00Z"), "Asia/Shanghai")).toEqual([
      "old",
      "day",
      "evening",
    ]);
  });

  it("answers undefined (build to be sure) for what it cannot read", () => {
    const now = new Date("2026-03-01T00:00:00Z");
    expect(publishedNow([article("a", "date: next tuesday")], now, "Asia/Shanghai")).toBeUndefined();
    expect(
      publishedNow([article("a", "date: 2025-01-01\ndraft: yes")], now, "Asia/Shanghai"),
    ).toBeUndefined();
    expect(publishedNow([{ id: "a", text: "no frontmatter" }], now, "Asia/Shanghai")).toBeUndefined();
  });
});

describe("formatGithubAnnotation", () => {
  it("writes a workflow command on the file and line, escaped", () => {
    expect(
      formatGithubAnnotation({
        file: "content/articles/a,b:c.md",
        line: 3,
        field: "date",
        message: "日期在将来 — 100%\n第二行",
        severity: "warning",
      }),
    ).toBe("::warning file=content/articles/a%2Cb%3Ac.md,line=3,title=date::日期在将来 — 100%25%0A第二行");
  });
});
