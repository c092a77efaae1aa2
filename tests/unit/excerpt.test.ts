import { describe, expect, it } from "vitest";
import { articleExcerpt, cutExcerpt, markdownToPlainText } from "../../src/lib/excerpt.ts";

describe("markdownToPlainText", () => {
  it("keeps the prose and drops Markdown syntax, headings, code and tables", () => {
    const md = [
      "# 标题不进摘要",
      "",
      "第一段有**粗体**、*斜体*、~~删除~~和[链接](https://example.com)，还有 `code`。",
      "",
      "```python",
      "print('不读代码')",
      "```",
      "",
      "| 表 | 格 |",
      "| --- | --- |",
      "",
      "> 引用里的话",
      "",
      "- 列表项",
      "",
      "![图片说明](./a.png)",
    ].join("\n");
    expect(markdownToPlainText(md)).toBe("第一段有粗体、斜体、删除和链接，还有 code。 引用里的话 列表项");
  });

  it("joins wrapped Chinese lines without a space and English lines with one", () => {
    expect(markdownToPlainText("中文换行\n不加空格")).toBe("中文换行不加空格");
    expect(markdownToPlainText("English wraps\nwith a space")).toBe("English wraps with a space");
  });

  it("drops MDX imports and JSX tags but keeps their text", () => {
    const mdx = 'import Callout from "./Callout.astro";\n\n<Callout title="x">组件里的文字</Callout>';
    expect(markdownToPlainText(mdx)).toBe("组件里的文字");
  });
});

describe("cutExcerpt", () => {
  it("leaves short text alone, without an ellipsis", () => {
    expect(cutExcerpt("短句。", 75)).toBe("短句。");
  });

  it("cuts at the limit and adds “…”", () => {
    const text = "一".repeat(100);
    expect(cutExcerpt(text, 75)).toBe(`${"一".repeat(75)}…`);
  });

  it("never splits an emoji or a combined character", () => {
    const family = "👨‍👩‍👧";
    const text = `${"字".repeat(74)}${family}${"尾".repeat(5)}`;
    expect(cutExcerpt(text, 75)).toBe(`${"字".repeat(74)}${family}…`);
  });

  it("drops punctuation just before the cut", () => {
    expect(cutExcerpt(`${"字".repeat(74)}，后面还有`, 75)).toBe(`${"字".repeat(74)}…`);
  });
});

describe("articleExcerpt", () => {
  it("prefers the description", () => {
    expect(articleExcerpt({ description: "作者写的摘要。", body: "正文" }, 75)).toBe("作者写的摘要。");
  });
  it("else cuts the body", () => {
    expect(articleExcerpt({ body: `## 小标题\n\n${"文".repeat(80)}` }, 75)).toBe(`${"文".repeat(75)}…`);
  });
});
