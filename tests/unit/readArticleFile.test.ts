import { describe, expect, it } from "vitest";
import { NotUtf8Error, articlesDirOf, parseArticleBytes } from "../../src/lib/content/readArticleFile.ts";

const utf8 = (text: string) => new TextEncoder().encode(text);

describe("parseArticleBytes", () => {
  it("splits frontmatter and body, trims the Markdown and numbers prose lines as in the file", () => {
    const article = parseArticleBytes(
      utf8('---\ntitle: "标题"\ndate: 2025-03-01\n---\n\n正文\n```\n<script>\n```\n尾\n'),
      "a.md",
    );
    expect(article.frontmatter).toBe('title: "标题"\ndate: 2025-03-01\n');
    expect(article.fieldLines.get("date")).toBe(3);
    expect(article.markdown).toBe("正文\n```\n<script>\n```\n尾");
    expect(article.prose.map((l) => [l.line, l.text])).toEqual([
      [5, ""],
      [6, "正文"],
      [10, "尾"],
      [11, ""],
    ]);
  });

  it("refuses a file that is not UTF-8, naming it", () => {
    const gbk = new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xd6, 0xd0, 0xce, 0xc4]);
    expect(() => parseArticleBytes(gbk, "content/articles/gbk.md")).toThrow(NotUtf8Error);
    expect(() => parseArticleBytes(gbk, "content/articles/gbk.md")).toThrow(
      /^content\/articles\/gbk\.md:1: file: .*UTF-8/,
    );
  });

  it("reads a file without frontmatter as all body", () => {
    const article = parseArticleBytes(utf8("只有正文"), "b.md");
    expect([article.frontmatter, article.markdown, article.bodyLine]).toEqual([undefined, "只有正文", 1]);
  });
});

describe("articlesDirOf", () => {
  it("defaults to content/articles and follows ARTICLES_DIR", () => {
    expect(articlesDirOf({})).toBe(`${process.cwd()}/content/articles`);
    expect(articlesDirOf({ ARTICLES_DIR: "/tmp/x" })).toBe("/tmp/x");
  });
});
