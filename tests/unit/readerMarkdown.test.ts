import { createMarkdownProcessor } from "@astrojs/markdown-remark";
import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import { markdownOptions } from "../../src/lib/markdown/markdownOptions.ts";
import { ARTICLE_IMAGE_SIZES, rehypeArticleImages } from "../../src/lib/markdown/rehypeArticleImages.ts";
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import rehypeStringify from "rehype-stringify";

// The site's own processor options, as the build and MDX use them.
const processor = await createMarkdownProcessor({
  ...markdownOptions("https://example.com"),
  syntaxHighlight: false,
});
const render = async (md: string) => load((await processor.render(md)).code);

describe("footnotes", () => {
  it("are headed 脚注 (visible) and link back with Chinese labels", async () => {
    const $ = await render("正文[^a]，再引一次[^a]，另一条[^b]。\n\n[^a]: 出处。\n\n[^b]: 说明。");
    const heading = $("#footnote-label");
    expect(heading.text()).toBe("脚注");
    expect(heading.attr("class")).not.toContain("sr-only");
    const back = $("[data-footnote-backref]")
      .toArray()
      .map((el) => $(el).attr("aria-label"));
    expect(back).toEqual(["返回正文：脚注 1", "返回正文：脚注 1 的第 2 处引用", "返回正文：脚注 2"]);
    expect($.html()).not.toMatch(/Footnotes|Back to reference/);
  });
});

describe("rehypeArticleImages", () => {
  const run = (markdown: string) =>
    load(
      String(
        unified()
          .use(remarkParse)
          .use(remarkRehype)
          .use(rehypeArticleImages)
          .use(rehypeStringify)
          .processSync(markdown),
      ),
    );

  it("loads the first image at once with high priority and the others lazily, all with sizes", () => {
    const $ = run("文字\n\n![一](a.jpg)\n\n文字 ![二](b.jpg)\n\n- ![三](c.jpg)");
    const images = $("img")
      .toArray()
      .map((el) => $(el));
    expect(images.map((img) => img.attr("loading"))).toEqual(["eager", "lazy", "lazy"]);
    expect(images.map((img) => img.attr("fetchpriority"))).toEqual(["high", undefined, undefined]);
    for (const img of images) expect(img.attr("sizes")).toBe(ARTICLE_IMAGE_SIZES);
  });

  it("leaves an article without images alone", () => {
    expect(run("没有图片").html()).toBe("<html><head></head><body><p>没有图片</p></body></html>");
  });
});
