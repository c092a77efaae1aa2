import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { page } from "../support/readBuilt.ts";
import { fixtureSite } from "../support/paths.ts";

const articleIds = readdirSync(path.join(fixtureSite, "articles"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

describe("the Pagefind index", () => {
  const entry = JSON.parse(readFileSync(path.join(fixtureSite, "pagefind/pagefind-entry.json"), "utf8")) as {
    languages: Record<string, { page_count: number }>;
  };

  it("is written into the build output, not public/", () => {
    expect(existsSync(path.join(fixtureSite, "pagefind/pagefind.js"))).toBe(true);
    expect(existsSync(path.resolve("public/pagefind"))).toBe(false);
  });

  it("holds exactly the published articles, as Chinese", () => {
    expect(Object.keys(entry.languages)).toEqual(["zh-cn"]);
    expect(entry.languages["zh-cn"]?.page_count).toBe(articleIds.length);
    expect(articleIds).not.toContain("charlie-draft");
  });
});

describe("what an article page gives the indexer", () => {
  const $ = page("articles/reader-toc/");
  const body = $("[data-pagefind-body]");

  it("declares the page Chinese", () => {
    expect($("html").attr("lang")).toMatch(/^zh/);
  });

  it("indexes the article element only, never the sidebar, navigation or footer", () => {
    expect(body).toHaveLength(1);
    expect(body.is("article")).toBe(true);
    for (const outside of [".sidebar", ".related", ".site-footer", ".site-header", "form"]) {
      expect(body.find(outside), outside).toHaveLength(0);
    }
    // A navigation block inside the article (the folded table of contents) is marked ignored.
    const indexedNav = body
      .find("nav")
      .filter((_, el) => $(el).closest("[data-pagefind-ignore]").length === 0);
    expect(indexedNav).toHaveLength(0);
  });

  it("keeps the byline and tags out of the searchable text", () => {
    const ignored = body.find("[data-pagefind-ignore]");
    expect(ignored.find(".article-meta")).toHaveLength(1);
    expect(ignored.find(".tag-list")).toHaveLength(1);
    expect(body.find("h1").closest("[data-pagefind-ignore]")).toHaveLength(0);
  });

  it("carries title, date, author, excerpt and tags as metadata; tag, author and year as filters; date for sorting", () => {
    expect(body.attr("data-pagefind-meta")).toBe(
      "title[data-title], date[data-date], author[data-author], excerpt[data-excerpt], tags[data-tags]",
    );
    expect(body.attr("data-title")).toBe("夜班公交里的城市");
    expect(body.attr("data-date")).toBe("2023-12-15");
    expect(body.attr("data-author")).toBe("林间");
    expect(body.attr("data-excerpt")).toContain("一篇有多个小标题的文章");
    expect(body.attr("data-tags")).toBe("城市、Linux");
    expect(body.attr("data-pagefind-filter")).toBe("author[data-author], year[data-year]");
    expect(body.attr("data-year")).toBe("2023");
    expect(body.attr("data-pagefind-sort")).toBe("date[data-date]");
    const tags = body
      .find('[data-pagefind-filter="tag"]')
      .map((_, el) => $(el).text())
      .get();
    expect(tags).toEqual(["城市", "Linux"]);
  });
});

describe("pages that are not searched", () => {
  for (const file of ["", "page/2/", "search/", "404.html", "tags/城市/"]) {
    it(`${file || "/"} has no data-pagefind-body`, () => {
      expect(page(file)("[data-pagefind-body]")).toHaveLength(0);
    });
  }
});

describe("the search box before any interaction", () => {
  for (const [file, id] of [
    ["", "sidebar-search"],
    ["articles/reader-toc/", "sidebar-search"],
  ] as const) {
    it(`on ${file || "/"} is a labelled GET form to /search/ and loads no script`, () => {
      const $ = page(file);
      const form = $("form[role=search]").first();
      expect(form.attr("action")).toBe("/search/");
      expect(form.attr("method")).toBe("get");
      const input = form.find(`input#${id}`);
      expect(input.attr("type")).toBe("search");
      expect(input.attr("name")).toBe("q");
      expect($(`label[for=${id}]`).text()).toBe("搜索文章");
      // No script file, no module, no Pagefind asset: only the small inline loader.
      expect($("script[src]")).toHaveLength(0);
      expect($('script[type="module"]')).toHaveLength(0);
      expect($('link[href*="pagefind"]')).toHaveLength(0);
      const inline = $("script:not([type])")
        .map((_, el) => $(el).text())
        .get()
        .filter((text) => text.includes("searchBundle"));
      expect(inline).toHaveLength(1);
      expect(inline[0]!.length).toBeLessThan(2000);
      const bundle = /searchBundle = "([^"]+)"/.exec(inline[0]!)?.[1];
      expect(bundle).toMatch(/^\/_astro\/.+\.js$/);
      expect(existsSync(path.join(fixtureSite, bundle!))).toBe(true);
    });
  }

  it("the /search/ page loads its script at once and says what happens without JavaScript", () => {
    const $ = page("search/");
    expect($('script[type="module"][src]').length).toBeGreaterThan(0);
    expect($("noscript").text()).toContain("JavaScript");
    expect($("[data-search-app] select[name=tag]")).toHaveLength(1);
  });
});
