import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import { page } from "../support/readBuilt.ts";
import { fixtureArticles, fixtureSite } from "../support/paths.ts";

// Reader features of issue 5, checked on the built fixture site. The fixtures reader-toc.md
// (four headings, a second author, an updated date) and reader-escaping.md (a title with
// </script>, quotes and &) were written for these tests.

const ESCAPING_TITLE = '当标题里出现 </script> 与 "引号" & 符号';

function files(dir: string, ext: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory()
      ? d.name === "pagefind"
        ? []
        : files(path.join(dir, d.name), ext)
      : d.name.endsWith(ext)
        ? [path.relative(fixtureSite, path.join(dir, d.name))]
        : [],
  );
}
const htmlFiles = files(fixtureSite, ".html");
/**
 * The fixture articles that must be published: every file but the draft and the scheduled one
 * (named so in tests/fixtures/articles). Loops below assert they met these pages, so that a build
 * that wrote nothing cannot pass them.
 */
const PUBLISHED_IDS = readdirSync(fixtureArticles)
  .filter((name) => /\.mdx?$/.test(name))
  .map((name) => name.replace(/\.mdx?$/, ""))
  .filter((id) => !["charlie-draft", "delta-future"].includes(id))
  .sort();
const PUBLISHED = PUBLISHED_IDS.length;
const articlePages = htmlFiles.filter((f) => /^articles\/[^/]+\/index\.html$/.test(f));

describe("the built fixture site", () => {
  it("has a page for every published fixture article, and list pages besides", () => {
    expect(PUBLISHED).toBeGreaterThan(15);
    expect(articlePages.map((f) => f.split("/")[1]).sort()).toEqual(PUBLISHED_IDS);
    expect(htmlFiles.length).toBeGreaterThan(PUBLISHED + 10);
  });
});
const xml = (file: string) => load(readFileSync(path.join(fixtureSite, file), "utf8"), { xml: true });

/** The built file a root-relative URL is served from, or undefined when it would be a 404. */
function builtFile(url: string): string | undefined {
  const pathname = decodeURIComponent(new URL(url, "https://example.com").pathname);
  const candidates = [pathname, path.join(pathname, "index.html")];
  return candidates.map((p) => path.join(fixtureSite, p)).find((p) => existsSync(p) && !p.endsWith("/"));
}

function jsonLd(urlPath: string): Record<string, unknown>[] {
  const $ = page(urlPath);
  return $('script[type="application/ld+json"]')
    .toArray()
    .map((el) => JSON.parse($(el).text()) as Record<string, unknown>);
}

describe("RSS feed", () => {
  const $ = xml("rss.xml");
  const items = $("channel > item").toArray();

  it("is RSS 2.0 with the site's title, language and a self link", () => {
    expect($("rss").attr("version")).toBe("2.0");
    expect($("channel > title").text()).toBe("观止评论的文章");
    expect($("channel > language").text()).toBe("zh-CN");
    expect($("channel > atom\\:link").attr("href")).toBe("https://example.com/rss.xml");
  });

  it("carries every published article, newest first, and no draft", () => {
    expect(items).toHaveLength(PUBLISHED);
    expect($(items[0]).find("title").text()).toBe("强调与删除线的测试文章");
    const dates = items.map((item) => Date.parse($(item).find("pubDate").text()));
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
    expect($.xml()).not.toContain("一篇草稿");
    expect($.xml()).not.toContain("定时发布的文章");
  });

  it("has each article's full HTML with absolute links, author and tags", () => {
    const item = items.map((el) => $(el)).find((el) => el.find("title").text() === "夜班公交里的城市")!;
    expect(item.find("link").text()).toBe("https://example.com/articles/reader-toc/");
    expect(item.find("dc\\:creator").text()).toBe("林间");
    expect(
      item
        .find("category")
        .toArray()
        .map((c) => $(c).text()),
    ).toEqual(["城市", "Linux"]);
    const body = load(item.find("content\\:encoded").text());
    expect(body("h2").length).toBe(3);
    expect(body("p").last().text()).toContain("让城市第二天照常运转的人");
    expect(body('a:contains("另一篇文章")').attr("href")).toBe(
      "https://example.com/articles/alpha-emphasis/",
    );
    expect($("content\\:encoded").length).toBeGreaterThan(0);
    for (const el of $("content\\:encoded").toArray()) {
      const html = load($(el).text());
      const urls = html("[href], [src]")
        .toArray()
        .map((node) => html(node).attr("href") ?? html(node).attr("src") ?? "");
      for (const url of urls) expect(url).toMatch(/^https?:\/\//);
      expect(html("script").length).toBe(0);
    }
  });

  it("keeps a title with </script>, quotes and & intact", () => {
    expect(items.some((item) => $(item).find("title").text() === ESCAPING_TITLE)).toBe(true);
  });

  it("is announced in the head of every page", () => {
    for (const file of htmlFiles) {
      const link = page(file)('link[rel="alternate"][type="application/rss+xml"]');
      expect(link.attr("href"), file).toBe("https://example.com/rss.xml");
    }
  });
});

describe("JSON Feed", () => {
  interface JsonFeed {
    version: string;
    feed_url: string;
    language: string;
    items: {
      id: string;
      url: string;
      title: string;
      content_html: string;
      authors: { name: string }[];
      tags: string[];
    }[];
  }
  const feed = JSON.parse(readFileSync(path.join(fixtureSite, "feed.json"), "utf8")) as JsonFeed;
  const rssTitles = xml("rss.xml")("item > title")
    .toArray()
    .map((el) => xml("rss.xml")(el).text());

  it("is JSON Feed 1.1 with the same articles as the RSS feed, in the same order", () => {
    expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
    expect(feed.feed_url).toBe("https://example.com/feed.json");
    expect(feed.language).toBe("zh-CN");
    expect(feed.items.map((item) => item.title)).toEqual(rssTitles);
    expect(feed.items.map((item) => item.title)).toContain(ESCAPING_TITLE);
  });

  it("has each article's full HTML with absolute links, author and tags", () => {
    const item = feed.items.find((i) => i.url === "https://example.com/articles/reader-toc/")!;
    expect(item.authors).toEqual([{ name: "林间" }]);
    expect(item.tags).toEqual(["城市", "Linux"]);
    const body = load(item.content_html);
    expect(body("h2")).toHaveLength(3);
    expect(body('a:contains("另一篇文章")').attr("href")).toBe(
      "https://example.com/articles/alpha-emphasis/",
    );
  });

  it("is announced in the head of every page", () => {
    for (const file of htmlFiles) {
      expect(page(file)('link[rel="alternate"][type="application/feed+json"]').attr("href"), file).toBe(
        "https://example.com/feed.json",
      );
    }
  });
});

describe("sitemap and robots.txt", () => {
  const index = xml("sitemap-index.xml");
  const sitemaps = index("sitemap > loc")
    .toArray()
    .map((el) => new URL(index(el).text()).pathname.slice(1));
  const urls = sitemaps.flatMap((file) => {
    const $ = xml(file);
    return $("url")
      .toArray()
      .map((el) => ({ loc: $(el).find("loc").text(), lastmod: $(el).find("lastmod").text() }));
  });

  it("robots.txt points crawlers at the sitemap index", () => {
    const robots = readFileSync(path.join(fixtureSite, "robots.txt"), "utf8");
    expect(robots).toContain("Sitemap: https://example.com/sitemap-index.xml");
  });

  it("lists every built page that exists, and no 404, draft or scheduled article", () => {
    expect(sitemaps.length).toBeGreaterThan(0);
    for (const { loc } of urls) {
      expect(loc.startsWith("https://example.com/"), loc).toBe(true);
      expect(builtFile(loc), loc).toBeDefined();
    }
    const locs = urls.map((u) => u.loc);
    expect(locs).toContain("https://example.com/articles/reader-toc/");
    expect(locs).toContain("https://example.com/tags/%E5%9F%8E%E5%B8%82/");
    expect(locs).toContain("https://example.com/archive/");
    expect(locs.some((l) => /404|charlie-draft|delta-future/.test(l))).toBe(false);
    expect(locs.filter((l) => l.includes("/articles/"))).toHaveLength(PUBLISHED);
  });

  it("gives articles a lastmod from updated, else date", () => {
    const lastmod = (id: string) => urls.find((u) => u.loc.endsWith(`/articles/${id}/`))?.lastmod;
    expect(new Date(lastmod("reader-toc")!).toISOString()).toBe("2024-01-19T16:00:00.000Z"); // updated: 2024-01-20
    expect(new Date(lastmod("alpha-emphasis")!).toISOString()).toBe("2025-02-28T16:00:00.000Z"); // date: 2025-03-01
  });
});

describe("SEO metadata", () => {
  it("gives every page a title, description, canonical URL and sharing cards", () => {
    for (const file of htmlFiles.filter((f) => f !== "404.html")) {
      const $ = page(file);
      expect($('meta[name="description"]').attr("content"), file).toBeTruthy();
      expect($('link[rel="canonical"]').attr("href"), file).toMatch(/^https:\/\/example\.com\//);
      expect($('meta[property="og:title"]').attr("content"), file).toBeTruthy();
      expect($('meta[property="og:url"]').attr("content"), file).toBe(
        $('link[rel="canonical"]').attr("href"),
      );
      expect($('meta[name="twitter:card"]').attr("content"), file).toMatch(/^summary(_large_image)?$/);
    }
  });

  it("keeps the 404 page out of search engines, with no canonical URL", () => {
    const $ = page("404.html");
    expect($('link[rel="canonical"]')).toHaveLength(0);
    expect($('meta[property="og:url"]')).toHaveLength(0);
    expect($('meta[name="robots"]').attr("content")).toBe("noindex");
  });

  it("marks an article page up as an article, with time, author and tags", () => {
    const $ = page("articles/reader-toc/");
    expect($('link[rel="canonical"]').attr("href")).toBe("https://example.com/articles/reader-toc/");
    expect($('meta[property="og:type"]').attr("content")).toBe("article");
    expect($('meta[property="article:published_time"]').attr("content")).toBe("2023-12-15T21:00:00+08:00");
    expect($('meta[property="article:modified_time"]').attr("content")).toBe("2024-01-20T00:00:00+08:00");
    expect($('meta[property="article:author"]').attr("content")).toBe("林间");
    expect(
      $('meta[property="article:tag"]')
        .toArray()
        .map((el) => $(el).attr("content")),
    ).toEqual(["城市", "Linux"]);
  });

  it("has BlogPosting JSON-LD on articles", () => {
    const [posting] = jsonLd("articles/reader-toc/");
    expect(posting).toMatchObject({
      "@context": "https://schema.org",
      "@type": "BlogPosting",
      headline: "夜班公交里的城市",
      datePublished: "2023-12-15T21:00:00+08:00",
      dateModified: "2024-01-20T00:00:00+08:00",
      author: { "@type": "Person", name: "林间", url: "https://example.com/authors/%E6%9E%97%E9%97%B4/" },
      keywords: "城市,Linux",
      inLanguage: "zh-CN",
    });
  });

  it("escapes a title containing </script> everywhere in the head", () => {
    const $ = page("articles/reader-escaping/");
    expect($("title").text()).toBe(`${ESCAPING_TITLE} - 观止评论`);
    expect($('meta[property="og:title"]').attr("content")).toBe(ESCAPING_TITLE);
    expect($("h1").text()).toBe(ESCAPING_TITLE);
    const blocks = jsonLd("articles/reader-escaping/");
    expect(blocks).toHaveLength(1);
    expect(blocks[0]?.["headline"]).toBe(ESCAPING_TITLE);
  });

  it("has WebSite JSON-LD with a SearchAction on the home page only", () => {
    const website = jsonLd("/").find((d) => d["@type"] === "WebSite");
    expect(website?.["potentialAction"]).toMatchObject({
      "@type": "SearchAction",
      target: { urlTemplate: "https://example.com/search/?q={search_term_string}" },
    });
    expect(jsonLd("archive/").some((d) => d["@type"] === "WebSite")).toBe(false);
  });
});

describe("social images", () => {
  it("give every article a 1200×630 PNG as og:image and a large Twitter card", () => {
    const articles = articlePages;
    expect(articles).toHaveLength(PUBLISHED);
    for (const file of articles) {
      const $ = page(file);
      const image = $('meta[property="og:image"]').attr("content") ?? "";
      expect(image, file).toMatch(/^https:\/\/example\.com\/og\/[^/]+\.png$/);
      expect($('meta[name="twitter:image"]').attr("content"), file).toBe(image);
      expect($('meta[name="twitter:card"]').attr("content"), file).toBe("summary_large_image");
      const png = readFileSync(builtFile(image)!);
      expect(png.subarray(1, 4).toString(), file).toBe("PNG");
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], file).toEqual([1200, 630]);
    }
  });

  it("are not given to pages that are not articles", () => {
    expect(page("/")('meta[property="og:image"]')).toHaveLength(0);
    expect(page("/")('meta[name="twitter:card"]').attr("content")).toBe("summary");
  });
});

describe("tags overview", () => {
  const $ = page("tags/");
  const entries = $(".tag-index a")
    .toArray()
    .map((el) => ({
      href: $(el).attr("href")!,
      label: $(el).contents().first().text().trim(),
      count: $(el).find(".tag-index__count").text(),
    }));

  it("lists every tag with its article count, commonest first", () => {
    expect(entries[0]).toMatchObject({ label: "分页", count: "11 篇" });
    expect(entries.find((e) => e.label === "排版")?.count).toBe("3 篇");
  });

  it("puts Linux and ｌｉｎｕｘ on one page", () => {
    const linux = entries.filter((e) => e.href === "/tags/linux/");
    expect(linux).toHaveLength(1);
    expect(linux[0]?.count).toBe("2 篇");
    expect(page("tags/linux/")(".article-card")).toHaveLength(2);
  });

  it("links to tag pages that exist, Chinese ones percent-encoded", () => {
    expect(entries.map((e) => e.href)).toContain("/tags/%E5%9F%8E%E5%B8%82/");
    for (const { href } of entries) expect(builtFile(href), href).toBeDefined();
  });
});

describe("archive", () => {
  const $ = page("archive/");

  it("groups by year and month, newest first", () => {
    expect($("h1").text()).toBe("文章归档");
    const years = $(".archive-year > h2")
      .toArray()
      .map((el) => Number.parseInt($(el).text(), 10));
    expect(years).toEqual([...years].sort((a, b) => b - a));
    expect(years).toEqual(expect.arrayContaining([2025, 2024, 2023]));
    $(".archive-year").each((_, year) => {
      const label = $(year).children("h2").text();
      const months = $(year)
        .find(".archive-month > h3")
        .toArray()
        .map((el) => $(el).text());
      for (const month of months) expect(month).toMatch(new RegExp(`^${label}\\d{1,2}月$`));
      const numbers = months.map((m) => Number(/(\d+)月/.exec(m)![1]));
      expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    });
    expect($(".archive-month > h3").first().text()).toBe("2025年3月");
    const days = $(".archive-list time")
      .toArray()
      .map((el) => $(el).text());
    expect(days).toEqual([...days].sort().reverse());
    expect(days).toHaveLength(PUBLISHED);
  });

  it("files an article under its Shanghai month with its Shanghai day", () => {
    const december = $("#2023-12").closest("section");
    expect(december.find("li").text()).toContain("2023-12-15");
    expect(december.find("a").attr("href")).toBe("/articles/reader-toc/");
  });
});

describe("author pages", () => {
  it("exist for each author when there is more than one", () => {
    const $ = page("authors/林间/");
    expect($("h1").text()).toBe("作者：林间");
    expect(
      $(".article-card__title")
        .toArray()
        .map((el) => $(el).text().trim()),
    ).toEqual(["夜班公交里的城市", ESCAPING_TITLE]);
    // Under twenty articles: all on the author's first page (see paginate).
    const editors = page("authors/观止编辑部/");
    expect(editors(".article-card").length).toBeGreaterThan(10);
    expect(editors("nav.pagination")).toHaveLength(0);
  });

  it("are linked from the byline", () => {
    const $ = page("articles/reader-toc/");
    expect($(".article-meta__author a").attr("href")).toBe("/authors/%E6%9E%97%E9%97%B4/");
  });
});

describe("article navigation", () => {
  const $ = page("articles/reader-toc/");

  it("links the previous (older) and next (newer) article", () => {
    const nav = $('nav[aria-label="上一篇与下一篇"]');
    expect(nav.find('a[rel="prev"]').attr("href")).toBe("/articles/reader-escaping/");
    expect(nav.find('a[rel="prev"]').text()).toContain(ESCAPING_TITLE);
    // The next one is whichever article is newer; it must point back here.
    const next = nav.find('a[rel="next"]').attr("href")!;
    expect(next).toMatch(/^\/articles\/[^/]+\/$/);
    expect(page(next)('nav[aria-label="上一篇与下一篇"] a[rel="prev"]').attr("href")).toBe(
      "/articles/reader-toc/",
    );
  });

  it("has no previous link on the oldest and no next link on the newest article", () => {
    expect(page("articles/reader-escaping/")('a[rel="prev"]')).toHaveLength(0);
    expect(page("articles/alpha-emphasis/")('a[rel="next"]')).toHaveLength(0);
  });

  it("has a breadcrumb to home and the article's month in the archive", () => {
    const crumb = $('nav[aria-label="当前位置"]');
    expect(
      crumb
        .find("a")
        .toArray()
        .map((el) => [$(el).text(), $(el).attr("href")]),
    ).toEqual([
      ["首页", "/"],
      ["2023年12月", "/archive/#2023-12"],
    ]);
    expect(crumb.find('[aria-current="page"]').text()).toBe("夜班公交里的城市");
  });
});

describe("table of contents", () => {
  const $ = page("articles/reader-toc/");

  it("lists the h2/h3 headings, each linking to a unique id that exists", () => {
    const navs = $('nav[aria-label="目录"]');
    expect(navs).toHaveLength(2); // sidebar and folded copy; CSS shows one per width
    const links = navs
      .first()
      .find("a")
      .toArray()
      .map((el) => ({ text: $(el).text(), href: $(el).attr("href")! }));
    expect(links.map((l) => l.text)).toEqual([
      "为什么要谈夜班公交？",
      "司机与乘客",
      "车厢里的声音",
      "司机与乘客",
    ]);
    const ids = links.map((l) => decodeURIComponent(l.href.slice(1)));
    expect(new Set(ids).size).toBe(4);
    for (const id of ids) expect($(`.prose [id="${id}"]`).text(), id).not.toBe("");
    expect($(".prose h2").first().attr("id")).toMatch(/^[\p{Script=Han}]+$/u);
  });

  it("folds into a <details> above the body for phones", () => {
    const details = $("details.toc");
    expect(details.find("summary").text()).toBe("目录");
    expect(details.nextAll(".prose")).toHaveLength(1);
  });

  it("is absent from an article with fewer than three headings", () => {
    expect(page("articles/bravo-own-heading/")('nav[aria-label="目录"]')).toHaveLength(0);
  });
});

describe("reading time in lists", () => {
  it("shows 约 N 分钟 · N 字 on every card", () => {
    const $ = page("/");
    const cards = $(".article-card__reading");
    expect(cards).toHaveLength($(".article-card").length);
    expect(cards.length).toBeGreaterThanOrEqual(10);
    cards.each((_, el) => expect($(el).text()).toMatch(/^约 \d+ 分钟 · [\d,]+ 字$/));
  });
});

describe("primary navigation", () => {
  it("links home, archive, tags and search, marking the current section", () => {
    const $ = page("archive/");
    const nav = $('nav[aria-label="主导航"]');
    expect(
      nav
        .find("a")
        .toArray()
        .map((el) => $(el).attr("href")),
    ).toEqual(["/", "/archive/", "/tags/", "/search/"]);
    expect(nav.find('[aria-current="page"]').text().trim()).toBe("归档");
    expect(page("articles/reader-toc/")('nav[aria-label="主导航"] [aria-current]')).toHaveLength(0);
  });
});

describe("links and scripts", () => {
  it("has no internal link, on any page or in the feed, that leads to a 404", () => {
    const broken: string[] = [];
    for (const file of htmlFiles) {
      const $ = page(file);
      for (const el of $("a[href], link[href]").toArray()) {
        const href = $(el).attr("href")!;
        const url = new URL(href, `https://example.com/${file}`);
        if (url.origin !== "https://example.com" || href.startsWith("#")) continue;
        if (!builtFile(url.pathname)) broken.push(`${file} → ${href}`);
      }
    }
    const feed = xml("rss.xml");
    for (const el of feed("item > link").toArray()) {
      if (!builtFile(feed(el).text())) broken.push(`rss.xml → ${feed(el).text()}`);
    }
    expect(broken).toEqual([]);
  });

  // Search's own on-focus loader lives in the body and is the search tests' concern.
  it("runs one small inline theme script in the head, before anything is painted", () => {
    for (const file of htmlFiles) {
      const $ = page(file);
      const scripts = $('head script:not([type="application/ld+json"])');
      expect(scripts, file).toHaveLength(1);
      expect(scripts.attr("src"), file).toBeUndefined();
      expect(scripts.text(), file).toContain("prefers-color-scheme");
      expect(scripts.text().length, file).toBeLessThan(1500);
      expect($("head > *").index(scripts), file).toBeLessThan(
        $("head > style, head > link[rel=stylesheet]").first().index(),
      );
    }
  });
});
