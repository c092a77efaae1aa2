import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { page } from "../support/readBuilt.ts";
import { fixtureSite } from "../support/paths.ts";

const relatedOf = (id: string) => {
  const $ = page(`articles/${id}/`);
  return $('section[aria-label="相关文章"] li')
    .toArray()
    .map((li) => ({
      href: $(li).find("a").attr("href"),
      title: $(li).find("a").text().trim(),
      reason: $(li).find("a").attr("title") ?? "",
    }));
};

describe("相关文章 in the built site", () => {
  it("finds the article about the same subject although no tag is shared", () => {
    const [first] = relatedOf("related-tea-harvest");
    expect(first?.href).toBe("/articles/related-tea-market/");
    expect(first?.reason).toContain("共同关键词");
  });

  it("puts the author's pinned article first and says so", () => {
    const [first, second] = relatedOf("related-tea-market");
    expect(first?.href).toBe("/articles/list-01/");
    expect(first?.reason).toBe("作者推荐");
    expect(second?.href).toBe("/articles/related-tea-harvest/");
  });

  it("never recommends a draft or a scheduled article", () => {
    const ids = readdirSync(`${fixtureSite}/articles`);
    expect(ids.length).toBeGreaterThan(10);
    const lists = ids.map((id) => ({ id, items: relatedOf(id) }));
    // The loop below must meet what it checks: a sidebar on (nearly) every article, each entry
    // a link with a title, else a selector that finds nothing would pass it.
    const withList = lists.filter((list) => list.items.length > 0);
    expect(withList.length, "articles showing 相关文章").toBeGreaterThanOrEqual(ids.length - 2);
    for (const { id, items } of lists) {
      for (const item of items) {
        expect(item.href, id).toMatch(/^\/articles\/[^/]+\/$/);
        expect(item.title, id).not.toBe("");
        expect(item.href).not.toContain("charlie-draft");
        expect(item.href).not.toContain("delta-future");
        expect(item.href).not.toBe(`/articles/${id}/`);
      }
    }
  });
});
