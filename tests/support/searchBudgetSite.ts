import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { createMarkdownProcessor } from "@astrojs/markdown-remark";
import * as cheerio from "cheerio";
import { SITE } from "../../src/config.ts";
import { buildSearchIndex } from "../../src/features/search/build/pagefindIntegration.ts";
import { ARTICLE_BODY_END } from "../../src/lib/articleBodyEnd.ts";
import { checkArticleData } from "../../src/lib/content/checkArticleData.ts";
import { parseArticleText } from "../../src/lib/content/readArticleFile.ts";
import { articleExcerpt } from "../../src/lib/excerpt.ts";
import { escapeXml } from "../../src/lib/escapeXml.ts";
import { markdownOptions } from "../../src/lib/markdown/markdownOptions.ts";
import { isPublished } from "../../src/lib/publish.ts";
import { searchAttributes } from "../../src/features/search/build/searchAttributes.ts";
import { fixtureSite, repoRoot } from "./paths.ts";

const run = promisify(execFile);

/** Articles in the budget site: the size the reader-side search budget is set for. */
export const BUDGET_ARTICLES = 10_000;
/** Where it is built, and cached between runs. */
export const searchBudgetDir = path.join(repoRoot, "tests/.output/search-budget");
/** The site: one page per article (only its <article>) and the search index in pagefind/. */
export const searchBudgetSite = path.join(searchBudgetDir, "site");
/** A fixture page whose <article> is the template for every page (built by buildFixtureSite). */
const TEMPLATE_PAGE = "articles/reader-toc/index.html";
const MAKE_CORPUS = path.resolve(repoRoot, "../shared/tools/make-corpus.mjs");
/**
 * What the index depends on besides the articles and the template: all of the site's code (the
 * search, Markdown, content and date modules import each other, so a list of them goes stale),
 * this file, and the two packages that render and index. A change to any of them rebuilds it.
 */
const INPUTS = [
  "src/lib",
  "src/integrations",
  "src/features",
  "content/synonyms.yaml",
  "content/lexicon.yaml",
  "src/config.ts",
  "tests/support/searchBudgetSite.ts",
  "node_modules/pagefind/package.json",
  "node_modules/@astrojs/markdown-remark/package.json",
];

export interface BudgetSiteInfo {
  /** True when the index was reused from an earlier run. */
  cached: boolean;
  seconds: number;
  /** Seconds spent rendering pages and indexing them, when not cached. */
  renderSeconds?: number;
  indexSeconds?: number;
}

/**
 * A 10,000-article search index built the way the site builds it, in 2–3 minutes on a 2-core
 * machine (rendering ~1, indexing ~1.5) rather than the full build's five to seven: the articles
 * come from ../shared/tools/make-corpus.mjs, each is rendered with the site's Markdown pipeline,
 * schema, excerpt and search attributes into the <article> of a real built fixture page (its
 * header, title weight, tag filters and body-end marker as they are), and the folder is indexed
 * by the integration's own buildSearchIndex. Pages are only their <article>, which is all
 * searchablePart() hands Pagefind of a full page anyway. The index is cached in
 * tests/.output/search-budget, keyed by the articles, the template and the code above.
 */
export async function ensureSearchBudgetSite(): Promise<BudgetSiteInfo> {
  const started = performance.now();
  const articlesDir = path.join(searchBudgetDir, "articles");
  if (!existsSync(MAKE_CORPUS)) {
    throw new Error(`The search budget needs ${MAKE_CORPUS} (../shared beside the repository, as in CI).`);
  }
  await rm(articlesDir, { recursive: true, force: true });
  await run(process.execPath, [MAKE_CORPUS, "--count", String(BUDGET_ARTICLES), "--out", articlesDir]);

  const template = articleTemplate(await readFile(path.join(fixtureSite, TEMPLATE_PAGE), "utf8"));
  const key = await cacheKey(articlesDir, template.source);
  const keyFile = path.join(searchBudgetSite, "pagefind", ".key");
  if (existsSync(keyFile) && (await readFile(keyFile, "utf8")) === key) {
    return { cached: true, seconds: (performance.now() - started) / 1000 };
  }

  await rm(searchBudgetSite, { recursive: true, force: true });
  const renderStarted = performance.now();
  const pages = await renderPages(articlesDir, template);
  const renderSeconds = (performance.now() - renderStarted) / 1000;
  const stats = await buildSearchIndex({ siteDir: searchBudgetSite, lang: SITE.lang, root: repoRoot });
  if (stats.indexed !== pages) throw new Error(`indexed ${stats.indexed} of ${pages} budget pages`);
  await writeFile(keyFile, key);
  return {
    cached: false,
    seconds: (performance.now() - started) / 1000,
    renderSeconds,
    indexSeconds: stats.seconds,
  };
}

interface ArticleTemplate {
  /** The template's own HTML, for the cache key. */
  source: string;
  render(fields: {
    attributes: Record<string, string>;
    title: string;
    tags: readonly string[];
    body: string;
  }): string;
}

/**
 * Cuts the built fixture page's <article> into a template: its attributes (which the layout
 * takes from searchAttributes), the <h1> text, the hidden tag-filter spans and the body.
 */
function articleTemplate(page: string): ArticleTemplate {
  const $ = cheerio.load(page);
  const article = $("article[data-pagefind-body]");
  const tag = article.find('[data-pagefind-filter="tag"]');
  if (
    article.length !== 1 ||
    article.find("h1").length !== 1 ||
    tag.length === 0 ||
    article.find(".prose").length !== 1
  ) {
    throw new Error(
      `${TEMPLATE_PAGE} no longer has one <article> with an <h1>, tag filters and a .prose body`,
    );
  }
  for (const name of Object.keys(article.attr() ?? {}))
    if (name.startsWith("data-")) article.removeAttr(name);
  article.attr("data-budget-attributes", "");
  article.find("h1").text("\u0001title\u0001");
  tag.slice(1).remove();
  tag.first().text("\u0001tag\u0001");
  article.find(".prose").text("\u0001body\u0001");
  const source = $.html(article);
  // searchablePart() ends a page's article at the first </article> after this marker.
  if (!source.includes(ARTICLE_BODY_END))
    throw new Error(`${TEMPLATE_PAGE}: no ${ARTICLE_BODY_END} in its <article>`);
  const [open, rest] = source.split(' data-budget-attributes=""');
  const [beforeTag, tagSpan, afterTag] = splitOnce(rest!, /<span[^>]*>\u0001tag\u0001<\/span>/);
  return {
    source,
    render({ attributes, title, tags, body }) {
      const attrs = Object.entries(attributes)
        .map(([name, value]) => (value === "" ? ` ${name}` : ` ${name}="${escapeXml(value)}"`))
        .join("");
      const spans = tags.map((value) => tagSpan.replace("\u0001tag\u0001", escapeXml(value))).join("");
      const html = `${open}${attrs}${beforeTag}${spans}${afterTag}`
        .replace("\u0001title\u0001", escapeXml(title))
        .replace("\u0001body\u0001", () => body);
      return `<!DOCTYPE html><html lang="${SITE.lang}"><head><meta charset="utf-8"><title>${escapeXml(title)}</title></head><body>${html}</body></html>`;
    },
  };
}

function splitOnce(text: string, pattern: RegExp): [string, string, string] {
  const match = pattern.exec(text);
  if (!match) throw new Error(`template: ${pattern} not found`);
  return [text.slice(0, match.index), match[0], text.slice(match.index + match[0].length)];
}

async function renderPages(articlesDir: string, template: ArticleTemplate): Promise<number> {
  const processor = await createMarkdownProcessor({ ...markdownOptions(SITE.url), syntaxHighlight: false });
  const now = new Date();
  const files = (await readdir(articlesDir)).filter((file) => file.endsWith(".md")).sort();
  let written = 0;
  for (const file of files) {
    const text = await readFile(path.join(articlesDir, file), "utf8");
    const parts = parseArticleText(text, file);
    const { data, problems } = checkArticleData(file, parts, now);
    if (!data) throw new Error(`${file}: ${problems.map((p) => `${p.field}: ${p.message}`).join("; ")}`);
    if (!isPublished({ data }, { now, preview: false })) continue;
    const { code } = await processor.render(parts.body, { frontmatter: data });
    const id = file.replace(/\.md$/, "");
    const html = template.render({
      attributes: searchAttributes({
        ...data,
        excerpt: articleExcerpt({ description: data.description, body: parts.body }, SITE.excerptLength),
      }),
      title: data.title,
      tags: data.tags,
      body: code,
    });
    await mkdir(path.join(searchBudgetSite, "articles", id), { recursive: true });
    await writeFile(path.join(searchBudgetSite, "articles", id, "index.html"), html);
    written += 1;
  }
  return written;
}

async function cacheKey(articlesDir: string, template: string): Promise<string> {
  const hash = createHash("sha256").update(template);
  for (const file of (await readdir(articlesDir)).sort()) {
    hash.update(file).update(await readFile(path.join(articlesDir, file)));
  }
  for (const input of INPUTS) {
    const full = path.join(repoRoot, input);
    const files = !(await stat(full)).isDirectory()
      ? [full]
      : (await readdir(full, { recursive: true }))
          .filter((file) => file.endsWith(".ts"))
          .sort()
          .map((file) => path.join(full, file));
    for (const file of files) hash.update(file).update(await readFile(file));
  }
  return hash.digest("hex");
}
