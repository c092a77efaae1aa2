import { getCollection, type CollectionEntry } from "astro:content";
import { SITE } from "../config.ts";
import { articleExcerpt } from "../lib/excerpt.ts";
import { isPublished } from "../lib/publish.ts";
import { readingStats, type ReadingStats } from "../lib/readingStats.ts";
import { selectRelatedByTags, type RelatedPick } from "../lib/related/selectRelatedByTags.ts";
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

async function loadSiteData(now: Date, preview: boolean): Promise<SiteData> {
  // Order matters: the publish rule runs first, so nothing below can see a draft.
  const entries = await getCollection("articles", (entry) => isPublished(entry, { now, preview }));
  const articles = entries
    .map((entry) => toArticle(entry, now))
    .sort((a, b) => b.date.getTime() - a.date.getTime() || a.id.localeCompare(b.id));
  const related = selectRelatedByTags(articles, SITE.relatedCount);
  return { articles, byId: new Map(articles.map((a) => [a.id, a])), related };
}

function toArticle(entry: ArticleEntry, now: Date): Article {
  const { data } = entry;
  return {
    id: entry.id,
    entry,
    title: data.title,
    date: data.date,
    updated: data.updated,
    author: data.author,
    tags: data.tags,
    excerpt: articleExcerpt({ description: data.description, body: entry.body }, SITE.excerptLength),
    stats: readingStats(entry.body ?? "", SITE),
    draft: data.draft,
    scheduled: data.date.getTime() > now.getTime(),
  };
}

/** The 相关文章 entries of one article, looked up from the per-build related map. */
export function relatedItemsFor(site: SiteData, id: string): RelatedItem[] {
  const picks = (site.related.get(id) ?? []).map((pick) => ({
    id: pick.id,
    reason: t("related.reason", { tags: pick.sharedTags.join("、") }),
  }));
  return toRelatedItems(picks, site.byId);
}
