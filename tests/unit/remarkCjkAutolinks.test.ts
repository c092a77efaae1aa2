import { describe, expect, it } from "vitest";
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import remarkRehype from "remark-rehype";
import rehypeStringify from "rehype-stringify";
import { remarkCjkAutolinks } from "../../src/lib/markdown/remarkCjkAutolinks.ts";

const render = (md: string) =>
  String(
    unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(remarkCjkAutolinks)
      .use(remarkRehype)
      .use(rehypeStringify)
      .processSync(md),
  );

describe("remarkCjkAutolinks", () => {
  it("ends a bare URL at the Chinese text that follows it", () => {
    expect(render("可在 http://www.example.com/src/latest.tar.gz处取得。")).toBe(
      '<p>可在 <a href="http://www.example.com/src/latest.tar.gz">http://www.example.com/src/latest.tar.gz</a>处取得。</p>',
    );
  });

  it("ends a www. link at full-width punctuation", () => {
    expect(render("见 www.example.com，谢谢")).toBe(
      '<p>见 <a href="http://www.example.com">www.example.com</a>，谢谢</p>',
    );
  });

  it("leaves written links, and URLs followed by a space, alone", () => {
    expect(render("[中文链接](https://example.com/路径)")).toBe(
      '<p><a href="https://example.com/%E8%B7%AF%E5%BE%84">中文链接</a></p>',
    );
    expect(render("https://example.com/a 之后")).toBe(
      '<p><a href="https://example.com/a">https://example.com/a</a> 之后</p>',
    );
  });
});
