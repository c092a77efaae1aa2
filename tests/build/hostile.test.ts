import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { load, type CheerioAPI } from "cheerio";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { readArticleFileSync } from "../../src/lib/content/readArticleFile.ts";
import { fixtureArticles, fixtureSite } from "../support/paths.ts";

// tests/fixtures/articles/hostile-markup.md is a normal published article whose title,
// description, author and tags are markup an attacker would paste. Every output must show them
// as text. To cover a new output (a feed, an OG image text file), add an entry to OUTPUTS.

const front = yaml.load(
  readArticleFileSync(path.join(fixtureArticles, "hostile-markup.md")).frontmatter ?? "",
) as { title: string; description: string; author: string; tags: string[] };
const ID = "hostile-markup";

function files(ext: string, dir = fixtureSite): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(ext))
    .map((entry) => path.relative(fixtureSite, path.join(entry.parentPath, entry.name)))
    .sort();
}
const read = (file: string) => readFileSync(path.join(fixtureSite, file), "utf8");
const html = (file: string): CheerioAPI => load(read(file));

/** What an injection would leave in a parsed document: elements or attributes from the payload. */
function injected($: CheerioAPI): string[] {
  const found: string[] = [];
  if ($("[onerror]").length > 0) found.push("an element with onerror=");
  if ($('img[src="x"]').length > 0) found.push('an <img src="x">');
  if ($("b").filter((_, el) => $(el).text() === "标签").length > 0) found.push("the tag's <b> as markup");
  $("script")
    .toArray()
    .forEach((el) => {
      const type = $(el).attr("type") ?? "";
      const code = $(el).text();
      if (/^(|module|text\/javascript)$/i.test(type) && code.includes("alert("))
        found.push("a script running alert()");
      if (type === "application/ld+json" && /<\/script|<!--/i.test(code))
        found.push("JSON-LD that can close its <script>");
    });
  return found;
}

describe("a hostile article, in every built page", () => {
  const pages = files(".html").filter((file) => !file.startsWith("pagefind/"));
  const showing = pages.filter((file) => read(file).includes("alert("));

  it("appears on its page, the lists, its tag and author pages", () => {
    expect(showing).toContain(`articles/${ID}/index.html`);
    expect(showing.some((file) => file.startsWith("tags/"))).toBe(true);
    expect(showing.some((file) => file.startsWith("authors/"))).toBe(true);
    expect(showing.length).toBeGreaterThan(4);
  });

  it.each(pages)("%s has no injected element or script", (file) => {
    expect(injected(html(file))).toEqual([]);
  });
});

describe("the hostile article's page shows its fields as text", () => {
  const $ = html(`articles/${ID}/index.html`);

  it("in the heading, the <title>, byline and tags", () => {
    expect($("h1").text().trim()).toBe(front.title);
    expect($("title").text()).toContain(front.title);
    expect($(".article-meta").text()).toContain(front.author);
    const tags = $(".tag-list a")
      .toArray()
      .map((el) => $(el).text().trim());
    expect(tags).toEqual(expect.arrayContaining(front.tags));
  });

  it("in attributes: description and social cards carry the exact text", () => {
    expect($('meta[name="description"]').attr("content")).toBe(front.description);
    expect($('meta[property="og:title"]').attr("content")).toBe(front.title);
    expect($('meta[property="article:author"]').attr("content")).toBe(front.author);
  });

  it("in JSON-LD: valid JSON with the exact title and author", () => {
    const blocks = $('script[type="application/ld+json"]')
      .toArray()
      .map((el) => JSON.parse($(el).text()) as { headline?: string; author?: { name?: string } });
    const article = blocks.find((block) => block.headline !== undefined);
    expect(article?.headline).toBe(front.title);
    expect(article?.author?.name).toBe(front.author);
  });

  it("gives external links in the body rel=noopener noreferrer, and internal ones none", () => {
    const external = $('.prose a[href^="https://example.org"]');
    expect(external.attr("rel")?.split(" ").sort()).toEqual(["noopener", "noreferrer"]);
    expect($('.prose a[href="/articles/alpha-emphasis/"]').attr("rel")).toBeUndefined();
  });
});

interface Output {
  name: string;
  files: () => string[];
  /** What this output says about the hostile article, after its own unescaping. */
  texts: (file: string) => string[];
  /** What `texts` must include: the article's fields, or where it links to them. */
  expected: () => string[];
  /** Markup from the payload that the output's consumer would treat as markup, or text mangled. */
  injected: (file: string) => string[];
}

const xml = (file: string) => load(read(file), { xml: true });
const articlePage = () => html(`articles/${ID}/index.html`);
/** The hostile article's page, its tag pages and its author page, as the article links them. */
const ownUrls = () => {
  const $ = articlePage();
  const links = $('.tag-list a, .article-meta a[href^="/authors/"]')
    .toArray()
    .map((el) => decodeURIComponent($(el).attr("href") ?? ""));
  return [`/articles/${ID}/`, ...links];
};
/** Text a consumer that shows it as text would show with entities: escaped once too often. */
const escapedTwice = (texts: string[]) =>
  texts.filter((text) => /&(lt|gt|amp|quot|#\d+);/.test(text)).map((text) => `escaped twice: ${text}`);

const OUTPUTS: Output[] = [
  {
    name: "RSS feed",
    files: () => files(".xml").filter((file) => /rss|atom|feed/.test(file)),
    texts: (file) => {
      const $ = xml(file);
      return $("item title, entry title, item author, item dc\\:creator, item category")
        .toArray()
        .map((el) => $(el).text());
    },
    expected: () => [front.title, front.author, ...front.tags],
    injected: (file) => {
      const $ = xml(file);
      // Only <content:encoded>/<description> may hold (escaped) HTML; the payload must not
      // appear as XML elements anywhere.
      return ["script", "img", "b"].filter((tag) => $(tag).length > 0).map((tag) => `a <${tag}> element`);
    },
  },
  {
    name: "sitemap",
    files: () => files(".xml").filter((file) => file.startsWith("sitemap")),
    // Its pages by path: the article's, its tags' and its author's, whose names are the payload.
    texts: (file) =>
      xml(file)("url > loc")
        .toArray()
        .map((el) => decodeURIComponent(new URL(xml(file)(el).text()).pathname)),
    expected: () => {
      const urls = ownUrls();
      // The article, at least one tag page and the author page, else this checks nothing.
      expect(urls.length).toBeGreaterThanOrEqual(1 + front.tags.length);
      return urls;
    },
    injected: (file) =>
      xml(file)("loc")
        .toArray()
        .map((el) => xml(file)(el).text())
        .filter((loc) => !URL.canParse(loc) || /[<>"\s]/.test(loc)),
  },
  {
    name: "JSON Feed",
    files: () => files(".json").filter((file) => /(^|\/)feed\.json$/.test(file)),
    texts: (file) => {
      const feed = JSON.parse(read(file)) as {
        items: { title?: string; summary?: string; authors?: { name: string }[]; tags?: string[] }[];
      };
      return feed.items.flatMap((item) => [
        item.title ?? "",
        item.summary ?? "",
        ...(item.authors ?? []).map((a) => a.name),
        ...(item.tags ?? []),
      ]);
    },
    expected: () => [front.title, front.author, ...front.tags],
    // Plain-text fields are JSON strings (parsing above proves they round-trip); content_html is
    // the rendered body, which must not carry the payload as markup.
    injected: (file) => {
      const feed = JSON.parse(read(file)) as { items: { content_html?: string }[] };
      return feed.items.flatMap((item) => injected(load(item.content_html ?? "")));
    },
  },
  {
    name: "social image",
    files: () => files(".png", path.join(fixtureSite, "og")).filter((file) => file.includes(ID)),
    // A PNG rendered from the title: its text cannot be read back. What can be checked: it is the
    // card the article's page announces, at the card's size, …
    texts: (file) => {
      const png = readFileSync(path.join(fixtureSite, file));
      const announced = articlePage()('meta[property="og:image"]').attr("content") ?? "";
      return [
        `${png.readUInt32BE(16)}×${png.readUInt32BE(20)}`,
        ...(new URL(announced).pathname === `/${file}` ? ["announced as og:image"] : []),
      ];
    },
    expected: () => ["1200×630", "announced as og:image"],
    // … complete (an unescaped title would have broken the SVG it is drawn from), and drawn for
    // this article: not the same picture as any other article's card.
    injected: (file) => {
      const png = readFileSync(path.join(fixtureSite, file));
      const signature = png.subarray(0, 8).toString("hex") === "89504e470d0a1a0a";
      const problems =
        signature && png.subarray(-8, -4).toString("latin1") === "IEND" ? [] : ["not a complete PNG"];
      const others = files(".png", path.join(fixtureSite, "og")).filter((other) => other !== file);
      if (others.length === 0) problems.push("no other card to compare with");
      for (const other of others)
        if (readFileSync(path.join(fixtureSite, other)).equals(png))
          problems.push(`the same picture as ${other}`);
      return problems;
    },
  },
  {
    name: "search index",
    files: () =>
      files(".pf_fragment", path.join(fixtureSite, "pagefind")).filter((file) =>
        fragment(file).url.includes(`/${ID}/`),
      ),
    // Title, author and tags as the search client shows them: as text, word breaks removed.
    texts: (file) => searchTexts(fragment(file)),
    expected: () => [front.title, front.author, ...front.tags],
    // The client puts these fields in with textContent: an entity left in one would show as
    // "&lt;"; the excerpt is Pagefind's (it escapes the text itself), checked in the browser.
    injected: (file) => escapedTwice(searchTexts(fragment(file))),
  },
];

interface Fragment {
  url: string;
  meta?: { title?: string; author?: string; tags?: string };
  filters?: { author?: string[]; tag?: string[] };
}
function fragment(file: string): Fragment {
  return JSON.parse(
    gunzipSync(readFileSync(path.join(fixtureSite, file)))
      .toString("utf8")
      .replace(/^pagefind_dcd/, ""),
  ) as Fragment;
}
// The index separates Chinese words with zero-width spaces (src/features/search/query/segmentForIndex.ts).
const searchTexts = (data: Fragment) =>
  [
    data.meta?.title ?? "",
    data.meta?.author ?? "",
    ...(data.filters?.author ?? []),
    ...(data.filters?.tag ?? []),
  ].map((text) => text.replaceAll("\u200b", ""));

describe.each(OUTPUTS)("$name", (output) => {
  it("exists and names the hostile article exactly", () => {
    const list = output.files();
    expect(list.length).toBeGreaterThan(0);
    const texts = list.flatMap((file) => output.texts(file));
    const expected = output.expected();
    expect(expected.length).toBeGreaterThan(0);
    expect(texts).toEqual(expect.arrayContaining(expected));
  });

  it("carries none of the payload as markup", () => {
    const list = output.files();
    expect(list.length).toBeGreaterThan(0);
    for (const file of list) expect(output.injected(file), file).toEqual([]);
  });
});
