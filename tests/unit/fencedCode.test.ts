import { describe, expect, it } from "vitest";
import { fencedBlocks, fencedLines, replaceFencedCode } from "../../src/lib/markdown/fencedCode.ts";
import { proseLines } from "../../src/lib/content/proseLines.ts";
import { readingStats } from "../../src/lib/readingStats.ts";
import { markdownToPlainText } from "../../src/lib/excerpt.ts";
import { countArticleTerms } from "../../src/lib/related/countArticleTerms.ts";

const lines = (text: string) => text.split("\n");

describe("fencedBlocks", () => {
  it("finds backtick and tilde fences, indented up to three spaces", () => {
    expect(fencedBlocks(lines("a\n```js\nx\n```\nb\n   ~~~\ny\n   ~~~\nc"))).toEqual([
      { start: 1, end: 3 },
      { start: 5, end: 7 },
    ]);
  });

  it("closes only on the same character, at least as long, with nothing after it", () => {
    expect(fencedLines(lines("````\n```\n~~~~\n```` x\n````\nprose"))).toEqual([
      true,
      true,
      true,
      true,
      true,
      false,
    ]);
  });

  it("runs an unclosed fence to the end, and reads ``` with a backtick after it as inline code", () => {
    expect(fencedLines(lines("a\n```\nx\ny"))).toEqual([false, true, true, true]);
    expect(fencedLines(lines("```a` b``\nprose"))).toEqual([false, false]);
  });

  it("keeps blocks back to back apart", () => {
    expect(fencedBlocks(lines("```\na\n```\n```\nb\n```"))).toEqual([
      { start: 0, end: 2 },
      { start: 3, end: 5 },
    ]);
    expect(replaceFencedCode("```\na\n```\n```\nb\n```", (block) => `[${block.length}]`)).toBe("[9]\n[9]");
  });
});

describe("one detector for every reader of code", () => {
  // Indented by two spaces and closed by a longer fence: the old per-module regexes disagreed here.
  const body = "开头的话。\n\n  ````sh\n代码里的汉字\n````\n\n结尾。";

  it("is what excerpts, reading time, related terms and the content checks all leave out", () => {
    expect(markdownToPlainText(body)).toBe("开头的话。 结尾。");
    expect(readingStats(body, { hanCharsPerMinute: 400, latinWordsPerMinute: 200 }).hanChars).toBe(6);
    expect(proseLines(body, 1).map((l) => l.line)).toEqual([1, 2, 6, 7]);
    const segment = (text: string) => [...text.matchAll(/\p{Script=Han}{2}/gu)].map((m) => m[0]);
    const counts = countArticleTerms({ title: "", body }, segment, 1, 0.5);
    expect(counts.counts[counts.terms.indexOf("代码")]).toBe(0.5);
  });
});
