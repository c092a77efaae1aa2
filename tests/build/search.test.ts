import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { SITE } from "../../src/config.ts";
import { buildSearchIndex } from "../../src/features/search/build/pagefindIntegration.ts";
import { SEARCH } from "../../src/features/search/query/settings.ts";
import { page } from "../support/readBuilt.ts";
import { fixtureSite, repoRoot } from "../support/paths.ts";

const articleIds = readdirSync(path.join(fixtureSite, "articles"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

describe("the Pagefind index", () => {
  const { parts } = JSON.parse(readFileSync(path.join(fixtureSite, "pagefind/parts.json"), "utf8")) as {
    parts: string[];
  };
  const entries = parts.map(
    (part) =>
      JSON.parse(readFileSync(path.join(fixtureSite, "pagefind", part, "pagefind-entry.json"), "utf8")) as {
        languages: Record<string, { page_count: number }>;
      },
  );

  it("is written into the build output, not public/", () => {
    expect(existsSync(path.join(fixtureSite, "pagefind/pagefind.js"))).toBe(true);
    expect(existsSync(path.resolve("public/pagefind"))).toBe(false);
  });

  it("holds exactly the published articles, as Chinese", () => {
    for (const entry of entries) expect(Object.keys(entry.languages)).toEqual(["zh-cn"]);
    const pages = entries.reduce((sum, entry) => sum + (entry.languages["zh-cn"]?.page_count ?? 0), 0);
    expect(pages).toBe(articleIds.length);
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
  for (const file of ["", "page/1/", "search/", "404.html", "tags/城市/"]) {
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

describe("the index is a pure function of the articles (issue 17)", () => {
  // The fixture's article pages, copied without their index, indexed again from nothing.
  const work = mkdtempSync(path.join(os.tmpdir(), "search-index-"));
  const site = path.join(work, "site");
  const cache = path.join(work, "cache");
  cpSync(fixtureSite, site, { recursive: true, filter: (source) => !source.includes(`${path.sep}pagefind`) });
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const build = () => buildSearchIndex({ siteDir: site, lang: SITE.lang, root: repoRoot, cacheDir: cache });
  const files = (dir: string) =>
    Object.fromEntries(
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => {
          const file = path.join(entry.parentPath, entry.name);
          return [path.relative(dir, file), createHash("sha256").update(readFileSync(file)).digest("hex")];
        }),
    );

  it("writes the same file names and bytes as the build did, from nothing", async () => {
    const stats = await build();
    expect(stats.reused).toBe(false);
    expect(stats.indexed).toBe(articleIds.length);
    const built = files(path.join(fixtureSite, "pagefind"));
    expect(Object.keys(built).length).toBeGreaterThan(articleIds.length);
    expect(files(path.join(site, "pagefind"))).toEqual(built);
  }, 300_000);

  it("reuses its cached index when no page changed, and rebuilds one that was tampered with", async () => {
    const before = files(path.join(site, "pagefind"));
    const again = await build();
    expect(again.reused).toBe(true);
    expect(again.partsBuilt).toBe(0);
    expect(files(path.join(site, "pagefind"))).toEqual(before);

    // A corrupt cache (a truncated fragment of one part) is detected and rebuilt, never published.
    const [cached] = readdirSync(path.join(cache, "index")).map((key) => path.join(cache, "index", key));
    const fragment = readdirSync(path.join(cached!, "fragment"))[0]!;
    writeFileSync(path.join(cached!, "fragment", fragment), "");
    const repaired = await build();
    expect(repaired.partsBuilt).toBe(1);
    expect(files(path.join(site, "pagefind"))).toEqual(before);
  }, 300_000);

  it("is written in parts by span of years, listed newest first, each holding its years' articles", () => {
    const listed = JSON.parse(readFileSync(path.join(site, "pagefind/parts.json"), "utf8")) as {
      parts: string[];
      years: string[];
      pages: number[];
    };
    // The fixture's articles are dated 2023–2025; SEARCH.index.yearsPerPart is 3.
    expect(SEARCH.index.yearsPerPart).toBe(3);
    const years = articleIds.map((id) => page(`articles/${id}/`)("[data-pagefind-body]").attr("data-year"));
    const inSpan = (first: number, last: number) =>
      years.filter((year) => Number(year) >= first && Number(year) <= last).length;
    expect(listed).toEqual({
      parts: ["2025-2027", "2022-2024"],
      years: ["2025", "2024", "2023"],
      pages: [inSpan(2025, 2027), inSpan(2022, 2024)],
    });
    for (const part of listed.parts) {
      const partEntry = JSON.parse(
        readFileSync(path.join(site, "pagefind", part, "pagefind-entry.json"), "utf8"),
      ) as {
        languages: Record<string, { page_count: number }>;
      };
      const [first, last] = part.split("-").map(Number);
      expect(partEntry.languages["zh-cn"]?.page_count, part).toBe(inSpan(first!, last!));
    }
    // The loader and highlighter the pages import, also at the top.
    for (const shared of ["pagefind.js", "pagefind-highlight.js"])
      expect(readFileSync(path.join(site, "pagefind", shared))).toEqual(
        readFileSync(path.join(site, "pagefind", listed.parts[0]!, shared)),
      );
  });

  it("gives each year of a span with more pages than maxPagesPerPart a part of its own", async () => {
    const year = (id: string) => page(`articles/${id}/`)("[data-pagefind-body]").attr("data-year")!;
    const count = (years: string[]) => articleIds.filter((id) => years.includes(year(id))).length;
    const split = path.join(work, "split");
    cpSync(site, split, { recursive: true, filter: (source) => !source.includes(`${path.sep}pagefind`) });
    // One page fewer than the 2022–2024 span holds: that span is split, 2025–2027 is not.
    await buildSearchIndex({
      siteDir: split,
      lang: SITE.lang,
      root: repoRoot,
      maxPagesPerPart: count(["2022", "2023", "2024"]) - 1,
    });
    const listed = JSON.parse(readFileSync(path.join(split, "pagefind/parts.json"), "utf8")) as {
      parts: string[];
      pages: number[];
    };
    expect(listed.parts).toEqual(["2025-2027", "2024", "2023"]);
    expect(listed.pages).toEqual([count(["2025"]), count(["2024"]), count(["2023"])]);
    for (const part of ["2024", "2023"]) {
      const entry = JSON.parse(
        readFileSync(path.join(split, "pagefind", part, "pagefind-entry.json"), "utf8"),
      ) as {
        languages: Record<string, { page_count: number }>;
      };
      expect(entry.languages["zh-cn"]?.page_count, part).toBe(count([part]));
    }
  }, 300_000);

  it("follows a changed article: only its years' part is indexed again, and the change is in it", async () => {
    const before = await build();
    const untouched = (all: Record<string, string>) =>
      Object.fromEntries(Object.entries(all).filter(([file]) => !file.startsWith("2022-2024/")));
    const filesBefore = files(path.join(site, "pagefind"));
    const file = path.join(site, "articles/reader-toc/index.html"); // dated 2023
    const html = readFileSync(file, "utf8");
    writeFileSync(file, html.replace("</h1>", "独一无二的新词语</h1>"));
    const changed = await build();
    expect(changed.partsBuilt).toBe(1);
    expect(changed.key).not.toBe(before.key);
    expect(untouched(files(path.join(site, "pagefind")))).toEqual(untouched(filesBefore));
    const fragments = readdirSync(path.join(site, "pagefind/2022-2024/fragment")).map((name) =>
      gunzipSync(readFileSync(path.join(site, "pagefind/2022-2024/fragment", name))).toString("utf8"),
    );
    expect(fragments.some((text) => text.includes("独一无二"))).toBe(true);
    writeFileSync(file, html);
    const restored = await build();
    expect(restored.key).toBe(before.key);
    expect(restored.reused).toBe(true);
    expect(files(path.join(site, "pagefind"))).toEqual(filesBefore);
  }, 300_000);
});
