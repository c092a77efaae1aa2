import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { page } from "../support/readBuilt.ts";
import { fixtureSite } from "../support/paths.ts";

// Issue 16 item 4 on the built fixture site: reader-photo.md is pinned (an old article, so it would
// otherwise be on the last index page); series-walk-*.md are the three parts of 老城步行笔记, whose
// seriesOrder differs from their date order (part 2 was written first).

const PINNED = "/articles/reader-photo/";
const SERIES = ["series-walk-gates", "series-walk-lanes", "series-walk-market"];
const SERIES_HREF = `/series/${encodeURIComponent("老城步行笔记")}/`;

/** Every index page, from the home page on, with the hrefs of its cards in order. */
function indexPages(): { path: string; hrefs: string[]; pinnedMarks: string[] }[] {
  const pages = [];
  for (let current = "/"; current;) {
    const $ = page(current);
    pages.push({
      path: current,
      hrefs: $(".article-card__title a")
        .toArray()
        .map((el) => $(el).attr("href")!),
      pinnedMarks: $(".article-card__title .pinned-mark")
        .toArray()
        .map((el) => $(el).parent().find("a").attr("href")!),
    });
    current = $('a[rel="next"]').attr("href") ?? "";
  }
  return pages;
}

describe("置顶 (pinned: true)", () => {
  const pages = indexPages();

  it("puts the pinned article first on the home page with one 置顶 mark", () => {
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0]!.hrefs[0]).toBe(PINNED);
    const $ = page("/");
    const mark = $(".article-card").first().find(".pinned-mark");
    expect(mark.text()).toBe("置顶");
    expect(pages.flatMap((p) => p.pinnedMarks)).toEqual([PINNED]);
  });

  it("lists it once across all index pages, and every published article exactly once", () => {
    const all = pages.flatMap((p) => p.hrefs);
    expect(all.filter((href) => href === PINNED)).toHaveLength(1);
    expect(new Set(all).size).toBe(all.length);
    const articleDirs = readFileSync(path.join(fixtureSite, "sitemap-0.xml"), "utf8").match(
      /\/articles\/[^<]+/g,
    )!;
    expect(all.sort()).toEqual(articleDirs.map((loc) => loc).sort());
  });

  it("keeps the rest of the home page newest first", () => {
    const $ = page("/");
    const days = $(".article-card")
      .toArray()
      .slice(1)
      .map((el) => $(el).find("time").attr("datetime")!);
    expect(days.length).toBeGreaterThan(1);
    expect([...days].sort().reverse()).toEqual(days);
  });

  it("is not marked or moved on tag pages", () => {
    const $ = page("tags/摄影/");
    expect($(".article-card").length).toBeGreaterThan(0);
    expect($(".pinned-mark")).toHaveLength(0);
  });
});

describe("专题 (series: …, seriesOrder: …)", () => {
  it("has a page listing the parts in seriesOrder, not date order", () => {
    const $ = page(SERIES_HREF);
    expect($("h1").text()).toBe("系列：老城步行笔记");
    expect($(".listing__summary").text()).toContain("本系列共 3 篇");
    expect(
      $(".article-card__title a")
        .toArray()
        .map((el) => $(el).attr("href")),
    ).toEqual(SERIES.map((id) => `/articles/${id}/`));
  });

  for (const [index, id] of SERIES.entries()) {
    it(`shows ${id} its place in a 本系列共 3 篇 box with links to the other parts`, () => {
      const $ = page(`articles/${id}/`);
      const box = $("nav.series-box");
      expect(box).toHaveLength(1);
      expect(box.attr("data-pagefind-ignore")).toBeDefined();
      expect(box.find("h2 a").attr("href")).toBe(SERIES_HREF);
      expect(box.find(".series-box__summary").text().trim()).toBe(`本系列共 3 篇，这是第 ${index + 1} 篇。`);
      const items = box.find("ol > li").toArray();
      expect(items).toHaveLength(3);
      items.forEach((li, n) => {
        const link = $(li).find("a");
        if (n === index) {
          expect($(li).attr("aria-current")).toBe("page");
          expect(link).toHaveLength(0);
        } else {
          expect(link.attr("href")).toBe(`/articles/${SERIES[n]}/`);
        }
      });
    });
  }

  it("gives no series box to an article outside a series", () => {
    expect(page("articles/reader-toc/")("nav.series-box")).toHaveLength(0);
  });

  it("lists every series on /series/, and both pages are in the sitemap", () => {
    const $ = page("series/");
    expect($(".series-index a").attr("href")).toBe(SERIES_HREF);
    expect($(".series-index__count").text()).toBe("3 篇");
    const sitemap = readFileSync(path.join(fixtureSite, "sitemap-0.xml"), "utf8");
    expect(sitemap).toContain(`<loc>https://example.com${SERIES_HREF}</loc>`);
    expect(sitemap).toContain("<loc>https://example.com/series/</loc>");
  });
});
