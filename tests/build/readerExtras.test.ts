import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import jsQR from "jsqr";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { page } from "../support/readBuilt.ts";
import { fixtureSite } from "../support/paths.ts";

// Issue 16 (footnotes, photos, MDX without imports, list sidebars, sharing) on the built fixture
// site. Fixtures written for it: reader-footnotes.md, reader-mdx-components.mdx (no import line),
// reader-photo.md (two JPEGs drawn by tests/support/makeFixturePhoto.ts).

const builtFile = (src: string) => path.join(fixtureSite, decodeURIComponent(src.split(/[?#]/)[0]!));

describe("footnotes", () => {
  for (const id of ["reader-footnotes", "reader-mdx-components"]) {
    it(`in ${id} are headed 脚注 and link back with Chinese labels`, () => {
      const $ = page(`articles/${id}/`);
      const section = $(".prose section[data-footnotes]");
      expect(section.find("h2#footnote-label").text()).toBe("脚注");
      const labels = section
        .find("a[data-footnote-backref]")
        .toArray()
        .map((el) => $(el).attr("aria-label"));
      expect(labels.length).toBeGreaterThan(0);
      for (const label of labels) expect(label).toMatch(/^返回正文：脚注 \d+/);
      expect(section.text()).not.toMatch(/Footnotes|Back to/);
      // Every reference in the text reaches its note, and every note its reference.
      for (const ref of $(".prose a[data-footnote-ref]").toArray()) {
        expect($(`[id="${$(ref).attr("href")!.slice(1)}"]`)).toHaveLength(1);
      }
    });
  }
});

describe("photos", () => {
  const $ = page("articles/reader-photo/");
  const images = $(".prose img")
    .toArray()
    .map((el) => $(el));

  it("are resized into a WebP srcset with width, height and sizes", () => {
    expect(images).toHaveLength(2);
    for (const img of images) {
      expect(Number(img.attr("width"))).toBeGreaterThan(0);
      expect(Number(img.attr("height"))).toBeGreaterThan(0);
      expect(img.attr("sizes")).toContain("100vw");
      expect(img.attr("alt")).toBeTruthy();
      expect(img.attr("src")).toMatch(/^\/_astro\/.+\.webp$/);
      expect(existsSync(builtFile(img.attr("src")!))).toBe(true);
    }
    const [first] = images;
    expect([first!.attr("width"), first!.attr("height")]).toEqual(["1600", "1000"]);
    const candidates = first!
      .attr("srcset")!
      .split(",")
      .map((c) => c.trim().split(/\s+/));
    expect(candidates.map(([, w]) => w)).toEqual(["480w", "720w", "960w", "1280w", "1600w"]);
    for (const [src] of candidates) {
      expect(src).toMatch(/\.webp$/);
      expect(existsSync(builtFile(src!))).toBe(true);
    }
  });

  it("load the first image at once, with high priority, and the next one lazily", () => {
    expect(images.map((img) => img.attr("loading"))).toEqual(["eager", "lazy"]);
    expect(images[0]!.attr("fetchpriority")).toBe("high");
    expect(images[1]!.attr("fetchpriority")).toBeUndefined();
  });

  it("cost a phone little: the 720w candidate (390 px at 2×) is under 80 KB", async () => {
    const src = /(\S+) 720w/.exec(images[0]!.attr("srcset")!)![1]!;
    const file = builtFile(src);
    expect(statSync(file).size).toBeLessThan(80 * 1024);
    expect((await sharp(file).metadata()).width).toBe(720);
  });
});

describe("MDX components without an import line", () => {
  it("renders <Callout> in an article that does not import it", () => {
    const $ = page("articles/reader-mdx-components/");
    const callout = $(".prose aside.callout.callout--warning");
    expect(callout.find(".callout__title").text()).toBe("提示");
    expect(callout.text()).toContain("这段提示框没有 import 语句");
    expect($(".prose").html()).not.toContain("Callout");
  });

  it("still renders an article that imports it", () => {
    expect(page("articles/echo-mdx/")(".prose aside.callout .callout__title").text()).toBe("编者按");
  });

  it("renders it in the feeds' full text too", () => {
    const feed = JSON.parse(readFileSync(path.join(fixtureSite, "feed.json"), "utf8")) as {
      items: { url: string; content_html: string }[];
    };
    const item = feed.items.find((i) => i.url.endsWith("/articles/reader-mdx-components/"));
    expect(item?.content_html).toContain('class="callout callout--warning"');
  });
});

describe("sidebar on list pages", () => {
  const listPages = ["", "page/1/", "tags/%E5%88%86%E9%A1%B5/", "archive/", "authors/%E6%9E%97%E9%97%B4/"];
  for (const urlPath of listPages) {
    it(`/${urlPath} has an <aside> after the list with the search box and the most used tags`, () => {
      const $ = page(urlPath);
      const aside = $("aside.listing-sidebar");
      expect(aside).toHaveLength(1);
      expect(aside.attr("aria-label")).toBe("侧栏");
      // After <main> in the document: below the list on a phone, beside it on a desktop.
      expect(aside.prev("main")).toHaveLength(1);
      expect(aside.find('form[role="search"] input#sidebar-search')).toHaveLength(1);
      expect($("input#header-search")).toHaveLength(0);
      const tags = aside
        .find(".sidebar-tags li a")
        .toArray()
        .map((el) => ({ href: $(el).attr("href")!, text: $(el).text() }));
      // Commonest first (分页 has 11 articles), without counts: they would change every list
      // page with each new article (see topTags).
      expect(tags[0]).toEqual({ href: "/tags/%E5%88%86%E9%A1%B5/", text: "分页" });
      expect(tags.length).toBeGreaterThan(3);
      expect(tags.length).toBeLessThanOrEqual(12);
      for (const { href, text } of tags) {
        expect(text).not.toMatch(/\d+ 篇/);
        expect(existsSync(builtFile(`${href}index.html`))).toBe(true);
      }
    });
  }

  it("is not on article-free pages such as /tags/", () => {
    expect(page("tags/")("aside.listing-sidebar")).toHaveLength(0);
    expect(page("tags/")("input#header-search")).toHaveLength(1);
  });
});

describe("sharing", () => {
  const id = "reader-photo";
  const canonical = `https://example.com/articles/${id}/`;
  const $ = page(`articles/${id}/`);
  const share = $("section.share");

  it("ends the article with a 分享 block outside the searched <article>", () => {
    expect(share.find("h2").text()).toBe("分享");
    expect(share.prev("article")).toHaveLength(1);
    expect($("article").find(".share")).toHaveLength(0);
  });

  it("draws a WeChat QR code of the canonical URL as inline SVG, readable without a script", async () => {
    const svg = share.find('svg[role="img"]');
    expect(svg.attr("aria-label")).toContain("二维码");
    expect(share.find("figcaption").text()).toContain("微信");
    const markup = $.html(svg)
      .replace("<svg", '<svg xmlns="http://www.w3.org/2000/svg"')
      .replace(/width="\d+" height="\d+"/, 'width="400" height="400"');
    const { data, info } = await sharp(Buffer.from(markup))
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect(jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data).toBe(canonical);
    expect($('link[rel="canonical"]').attr("href")).toBe(canonical);
  });

  it("links to Weibo's share page with the URL and title, in a new window", () => {
    const link = share.find('a[href^="https://service.weibo.com/"]');
    const href = new URL(link.attr("href")!);
    expect(href.searchParams.get("url")).toBe(canonical);
    expect(href.searchParams.get("title")).toBe("黄昏的港口：一组照片");
    expect(link.attr("rel")).toContain("noopener");
    expect(link.text()).toContain("分享到微博");
  });

  it("copies the link with a tiny inline script the CSP allows by hash, and no script file", () => {
    const button = share.find("button[data-copy-link]");
    expect(button.attr("data-copy-link")).toBe(canonical);
    expect(button.attr("hidden")).toBeDefined();
    expect(share.find('[role="status"]')).toHaveLength(1);
    const script = share.find("script");
    expect(script).toHaveLength(1);
    expect(script.attr("src")).toBeUndefined();
    expect(script.text().length).toBeLessThan(800);
    const hash = createHash("sha256").update(script.text(), "utf8").digest("base64");
    expect($('meta[http-equiv="content-security-policy"]').attr("content")).toContain(`'sha256-${hash}'`);
    expect($("script[src]")).toHaveLength(0);
  });

  it("is on every article page, with its own URL", () => {
    const other = page("articles/reader-footnotes/");
    expect(other("section.share button[data-copy-link]").attr("data-copy-link")).toBe(
      "https://example.com/articles/reader-footnotes/",
    );
  });
});
