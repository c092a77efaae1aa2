import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { page } from "../support/readBuilt.ts";
import { fixtureSite } from "../support/paths.ts";

// The fixture site is built with TZ=America/Los_Angeles (tests/support/buildFixtureSite.ts):
// every date below must still be the Shanghai date.

function allHtmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory()
      ? allHtmlFiles(path.join(dir, d.name))
      : d.name.endsWith(".html")
        ? [path.join(dir, d.name)]
        : [],
  );
}

describe("every page", () => {
  const files = allHtmlFiles(fixtureSite).map((f) => path.relative(fixtureSite, f));

  it("is Simplified Chinese, with one h1 and a title", () => {
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const $ = page(file);
      expect($("html").attr("lang"), file).toBe("zh-CN");
      expect($("h1"), file).toHaveLength(1);
      expect($("title").text().trim(), file).not.toBe("");
    }
  });

  it("loads no script and nothing from another origin", () => {
    for (const file of files.filter((f) => !f.startsWith("search/"))) {
      const $ = page(file);
      expect($("script[src]").length, file).toBe(0);
      const external = $("[src], link[href]")
        .toArray()
        .map((el) => $(el).attr("src") ?? $(el).attr("href") ?? "")
        .filter((url) => /^(https?:)?\/\//.test(url) && !url.startsWith("https://example.com"));
      expect(external, file).toEqual([]);
    }
  });
});

describe("index", () => {
  const $ = page("/");
  const titles = $(".article-card__title")
    .toArray()
    .map((el) => $(el).text().trim());

  it("lists published articles newest first after the pinned one, ten to nineteen on the home page", () => {
    expect(titles.length).toBeGreaterThanOrEqual(10);
    expect(titles.length).toBeLessThan(20);
    expect(titles[0]).toBe("置顶黄昏的港口：一组照片"); // pinned: true (tests/build/series.test.ts)
    expect(titles[1]).toBe("强调与删除线的测试文章"); // 2025-03-01, the newest published
    expect(titles[2]).toBe("正文自带一级标题");
  });

  it("shows each entry's date (Shanghai) and an excerpt cut with “…”", () => {
    const first = $(".article-card:not(.article-card--pinned)").first();
    expect(first.find("time").text()).toBe("2025-03-01");
    const listed = $(".article-card").filter((_, el) => $(el).text().includes("列表分页文章第 11 篇"));
    const excerpt = listed.find(".article-card__excerpt").text();
    expect(excerpt.endsWith("…")).toBe(true);
    expect(
      [...new Intl.Segmenter("zh", { granularity: "grapheme" }).segment(excerpt)].length,
    ).toBeLessThanOrEqual(76);
  });

  it("uses the description as the excerpt when there is one", () => {
    const card = $(".article-card").filter((_, el) => $(el).text().includes("正文自带一级标题"));
    expect(card.find(".article-card__excerpt").text()).toBe(
      "这篇文章的正文以自己的一级标题开头，页面上只能有一个 h1。",
    );
  });

  it("pages on to older pages numbered from the oldest, ten articles each", () => {
    // Every published fixture article has a page. (Counted, not written down: fixtures are
    // added by several features.) Pages below the home page hold ten each, numbered from the
    // oldest (/page/1/); the home page holds the rest, ten to nineteen (see paginate).
    const published = readdirSync(path.join(fixtureSite, "articles")).length;
    const below = Math.max(0, Math.floor(published / 10) - 1);
    expect(below).toBeGreaterThan(0);
    expect($(".article-card").length).toBe(published - below * 10);
    expect($('a[rel="next"]').attr("href")).toBe(`/page/${below}/`);
    // The home page's dates run from its oldest card to its newest, the pinned one included
    // (it comes first whatever its date).
    const days = $(".article-card time")
      .toArray()
      .map((el) => $(el).text())
      .sort();
    const long = (day: string) => day.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, "$1年$2月$3日");
    expect($(".pagination__status").text()).toBe(`${long(days[0]!)} 至 ${long(days.at(-1)!)}`);
    expect($(".pagination__status").text()).toMatch(
      /^\d{4}年\d{1,2}月\d{1,2}日 至 \d{4}年\d{1,2}月\d{1,2}日$/,
    );
    const $1 = page("page/1/");
    expect($1(".article-card").length).toBe(10);
    expect($1("h1").text()).toBe("文章 · 第 1 页");
    expect($1('a[rel="prev"]').attr("href")).toBe(below === 1 ? "/" : "/page/2/");
    expect($1('a[rel="next"]')).toHaveLength(0);
    // The oldest published article is on page 1, the last card.
    expect($1(".article-card time").last().text() <= $1(".article-card time").first().text()).toBe(true);
    expect(existsSync(path.join(fixtureSite, "page/0/index.html"))).toBe(false);
    expect(existsSync(path.join(fixtureSite, `page/${below + 1}/index.html`))).toBe(false);
  });
});

describe("publish rule", () => {
  it("publishes no draft and no future-dated article anywhere", () => {
    expect(existsSync(path.join(fixtureSite, "articles/charlie-draft"))).toBe(false);
    expect(existsSync(path.join(fixtureSite, "articles/delta-future"))).toBe(false);
    for (const file of allHtmlFiles(fixtureSite)) {
      const html = page(path.relative(fixtureSite, file)).html();
      expect(html, file).not.toContain("一篇草稿");
      expect(html, file).not.toContain("定时发布的文章");
    }
  });
});

describe("article page", () => {
  const $ = page("articles/alpha-emphasis/");

  it("shows title, author, Shanghai date and reading time", () => {
    expect($("h1").text()).toBe("强调与删除线的测试文章");
    expect($(".article-meta__author").text()).toContain("测试作者");
    expect($(".article-meta time").first().text()).toBe("2025年3月1日");
    expect($(".article-meta time").first().attr("datetime")).toBe("2025-03-01T00:00:00+08:00");
    expect($(".article-meta__reading").text()).toMatch(/约 \d+ 分钟 · [\d,]+ 字/);
  });

  it("renders CJK emphasis next to Chinese punctuation", () => {
    const strong = $(".prose strong")
      .toArray()
      .map((el) => $(el).text());
    expect(strong).toEqual(["“引号”", "句号。"]);
    expect($(".prose del").text()).toBe("删除，");
    expect($(".prose").text()).not.toContain("**");
  });

  it("keeps a datetime with offset on its Shanghai day", () => {
    const $b = page("articles/bravo-own-heading/");
    expect($b(".article-meta time").first().text()).toBe("2025年2月10日");
  });

  it("drops a leading # heading that repeats the title and demotes other # headings", () => {
    const $b = page("articles/bravo-own-heading/");
    expect($b("h1")).toHaveLength(1);
    expect($b(".prose h2").first().text()).toBe("另一个一级标题");
  });

  it("renders MDX with its component and CJK emphasis", () => {
    const $m = page("articles/echo-mdx/");
    expect($m(".prose .callout__title").text()).toBe("编者按");
    expect($m(".prose aside.callout").attr("role")).toBe("note");
    expect($m(".prose strong").first().text()).toBe("“引号”");
  });

  it("uses the default author when none is given", () => {
    expect(page("articles/echo-mdx/")(".article-meta__author").text()).toContain("观止编辑部");
  });
});

describe("sidebar", () => {
  const $ = page("articles/list-05/");

  it("has a labelled search form that works without JavaScript", () => {
    const form = $('.sidebar form[role="search"]');
    expect(form.attr("action")).toBe("/search/");
    const input = form.find('input[type="search"][name="q"]');
    expect(form.find(`label[for="${input.attr("id")}"]`).text()).toBe("搜索文章");
  });

  it("lists 相关文章 with excerpt and yyyy-MM-dd date", () => {
    const section = $('section[aria-label="相关文章"]');
    expect(section.find("h2").text()).toBe("相关文章");
    const items = section.find("li");
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThanOrEqual(5);
    items.each((_, li) => {
      expect($(li).find(".related__excerpt").text()).toMatch(/…$/);
      expect($(li).find("time").text()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect($(li).find("a").attr("href")).toMatch(/^\/articles\/[^/]+\/$/);
    });
    expect(section.text()).not.toContain("列表分页文章第 05 篇"); // never itself
  });
});

describe("tag pages", () => {
  it("have working Chinese URLs, and show up to nineteen articles without paging", () => {
    // Eleven articles: one page (the first page holds ten to nineteen, see paginate; how tag
    // and author pages page is the index's code, tested there and in tests/unit/site/routeKeys).
    const $ = page("tags/分页/");
    expect($("h1").text()).toBe("标签：分页");
    expect($(".article-card").length).toBe(11);
    expect($("nav.pagination")).toHaveLength(0);
    expect(existsSync(path.join(fixtureSite, "tags/分页/page/1/index.html"))).toBe(false);
  });
});
