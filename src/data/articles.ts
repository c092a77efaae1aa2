import { readFileSync } from "node:fs";
import path from "node:path";
import { parseFrontmatter } from "@astrojs/markdown-remark";
import { getCollection, type CollectionEntry } from "astro:content";
import { SITE } from "../config.ts";
import { queueSocialImages } from "./socialImages.ts";
import { secondsSince } from "../lib/secondsSince.ts";
import { recordTiming } from "../lib/buildTimings.ts";
import { BUILD_CACHES } from "../lib/buildCaches.ts";
import { adjacentArticles, type Adjacent } from "../lib/adjacentArticles.ts";
import { groupByAuthor, type AuthorGroup } from "../lib/groupByAuthor.ts";
import { articleExcerpt } from "../lib/excerpt.ts";
import { isPublished, isScheduled } from "../lib/publish.ts";
import { groupByTag, type TagGroup } from "../lib/groupByTag.ts";
import { readingStats, type ReadingStats } from "../lib/readingStats.ts";
import { createJiebaSegmenter } from "../lib/related/createJiebaSegmenter.ts";
import { createTermCountCache } from "../lib/related/createTermCountCache.ts";
import { findUnknownPins } from "../lib/related/findUnknownPins.ts";
import { RELATED_DEFAULTS, selectRelatedArticles } from "../lib/related/selectRelatedArticles.ts";
import type { RelatedPick } from "../lib/related/types.ts";
import { toRelatedItems, type RelatedItem } from "../lib/related/toRelatedItems.ts";
import { t } from "../i18n/zh-CN.ts";

export type ArticleEntry = CollectionEntry<"articles">;

/** An article with everything lists and pages show, computed once per build. */
export interface Article {
  id: string;
  entry: ArticleEntry;
  title: string;
  date: Date;
  updated: Date | undefined;
  author: string;
  tags: readonly string[];
  excerpt: string;
  stats: ReadingStats;
  draft: boolean;
  /** Dated after the build: shown only in preview (dev), never published. */
  scheduled: boolean;
}

export interface SiteData {
  /** Published articles, newest first. */
  articles: Article[];
  byId: Map<string, Article>;
  related: Map<string, RelatedPick[]>;
  /** 上一篇/下一篇 of each article, in publication order. */
  adjacent: Map<string, Adjacent<Article>>;
  /** Articles by author; the site has author pages only when this has more than one group. */
  authors: AuthorGroup<Article>[];
  /** Articles by tag page (case and width variants merged), largest first. */
  tags: TagGroup<Article>[];
}

let cached: Promise<SiteData> | undefined;

/**
 * The site's articles after the publish rule, with per-build data (excerpts, reading time,
 * related lists) computed once and shared by every page of the build.
 */
export function getSiteData(): Promise<SiteData> {
  cached ??= loadSiteData(new Date(), import.meta.env.PREVIEW_UNPUBLISHED);
  return cached;
}

/** Term counts of every article between builds, keyed by content hash (see createTermCountCache). */
const RELATED_CACHE_FILE = `${BUILD_CACHES.related}/terms.json`;

async function loadSiteData(now: Date, preview: boolean): Promise<SiteData> {
  const all = await getCollection("articles");
  // Pins are checked against every article, drafts included, so that publishing or unpublishing
  // a draft never turns another article's valid pin into a build error.
  const problems = findUnknownPins(
    all.map((entry) => ({
      id: entry.id,
      file: path.relative(process.cwd(), entry.filePath ?? entry.id),
      pinned: entry.data.related,
    })),
  );
  if (problems.length > 0) throw new Error(problems.join("\n"));

  // Order matters: the publish rule runs first, so nothing below can see a draft — a draft is
  // never scored, never recommended and never given a 相关文章 list.
  const entries = all.filter((entry) => isPublished(entry, { now, preview }));
  // Read once here and dropped after: excerpts, reading time and related lists need them, pages
  // do not (they show the rendered HTML).
  const bodies = new Map(entries.map((entry) => [entry.id, bodyOf(entry)]));
  const articles = entries
    .map((entry) => toArticle(entry, bodies.get(entry.id) ?? "", now))
    .sort((a, b) => b.date.getTime() - a.date.getTime() || a.id.localeCompare(b.id));
  // Sharing cards are drawn in worker threads while the rest of the build goes on.
  queueSocialImages(articles);
  return {
    articles,
    byId: new Map(articles.map((a) => [a.id, a])),
    related: relateArticles(entries, bodies),
    adjacent: adjacentArticles(articles),
    authors: groupByAuthor(articles),
    tags: groupByTag(articles),
  };
}

/**
 * An article's Markdown, as Astro reads it (same frontmatter rule, trimmed), so excerpts and
 * reading time see what the page renders. The content store keeps no bodies (`retainBody: false`
 * in src/loaders/articles.ts): Astro serialises the whole store into one string, which at ~6,400
 * characters an article passed V8's string limit (2^29) before 100,000 articles; without bodies
 * it is ~4,300 an article (measured on 10k make-corpus articles: 105.8 → 63.6 MB). Always read
 * from the file, never `entry.body`, which a store cached before that setting may still hold.
 */
function bodyOf(entry: ArticleEntry): string {
  if (!entry.filePath) throw new Error(`article ${entry.id}: no file to read its body from`);
  const text = readFileSync(entry.filePath, "utf8");
  return parseFrontmatter(text, { frontmatter: "empty-with-spaces" }).content.trim();
}

function relateArticles(
  entries: readonly ArticleEntry[],
  bodies: ReadonlyMap<string, string>,
): Map<string, RelatedPick[]> {
  const started = performance.now();
  const cache = createTermCountCache(RELATED_CACHE_FILE);
  const related = selectRelatedArticles(
    entries.map((entry) => ({
      id: entry.id,
      title: entry.data.title,
      body: bodies.get(entry.id) ?? "",
      tags: entry.data.tags,
      date: entry.data.date,
      pinned: entry.data.related,
    })),
    {
      ...RELATED_DEFAULTS,
      limit: SITE.relatedCount,
      segmentWords: createJiebaSegmenter(),
      segmenterName: "jieba",
      cache,
    },
  );
  cache.save();
  console.info(`[site:related] ${entries.length} articles in ${secondsSince(started)} s`);
  recordTiming("related lists", started, `${entries.length} articles`);
  return related;
}

function toArticle(entry: ArticleEntry, body: string, now: Date): Article {
  const { data } = entry;
  return {
    id: entry.id,
    entry,
    title: data.title,
    date: data.date,
    updated: data.updated,
    author: data.author,
    tags: data.tags,
    excerpt: articleExcerpt({ description: data.description, body }, SITE.excerptLength),
    stats: readingStats(body, SITE),
    draft: data.draft,
    scheduled: isScheduled(entry, now),
  };
}

/** The 相关文章 entries of one article, looked up from the per-build related map. */
export function relatedItemsFor(site: SiteData, id: string): RelatedItem[] {
  const picks = (site.related.get(id) ?? []).map((pick) => ({ id: pick.id, reason: reasonFor(pick) }));
  return toRelatedItems(picks, site.byId);
}

/** "作者推荐", "共同关键词：…", "共同标签：…" — whichever apply, joined. */
function reasonFor(pick: RelatedPick): string {
  const parts = [
    pick.pinned ? t("related.reasonPinned") : "",
    pick.sharedTerms.length > 0 ? t("related.reasonTerms", { terms: pick.sharedTerms.join("、") }) : "",
    pick.sharedTags.length > 0 ? t("related.reason", { tags: pick.sharedTags.join("、") }) : "",
  ];
  return parts.filter(Boolean).join(t("related.reasonSeparator"));
}
