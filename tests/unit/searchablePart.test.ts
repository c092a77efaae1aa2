import { describe, expect, it } from "vitest";
import { ARTICLE_BODY_END } from "../../src/lib/articleBodyEnd.ts";
import { searchablePart } from "../../src/features/search/build/searchablePart.ts";

const page = (body: string) =>
  `<!doctype html><html lang="zh-CN"><head><style>body{}</style></head><body><header>站点</header>` +
  `<main><article class="article" data-pagefind-body data-title="标题"><h1>标题</h1>` +
  `<div class="prose">${body}</div>${ARTICLE_BODY_END}</article></main>` +
  `<aside>相关文章</aside></body></html>`;

describe("searchablePart", () => {
  it("keeps only the searchable article, in a Chinese document", () => {
    const part = searchablePart(page("<p>正文</p>"), "zh-CN")!;
    expect(part).toMatch(/^<!doctype html><html lang="zh-CN">/);
    expect(part).toContain('<article class="article" data-pagefind-body data-title="标题"><h1>标题</h1>');
    expect(part).toContain("<p>正文</p>");
    for (const outside of ["body{}", "站点", "相关文章"]) expect(part).not.toContain(outside);
  });

  it("is not cut short by an </article> or a fake end marker in the body", () => {
    const part = searchablePart(page(`<p>前</p></article>${ARTICLE_BODY_END}</article><p>后</p>`), "zh-CN")!;
    expect(part).toContain("<p>后</p>");
    expect(part).not.toContain("相关文章");
  });

  it("skips pages that are not searchable", () => {
    expect(searchablePart("<html><body><p>列表</p></body></html>", "zh-CN")).toBeUndefined();
  });
});
