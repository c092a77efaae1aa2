import { adjacentArticles } from "../lib/adjacentArticles.ts";
import { articleExcerpt } from "../lib/excerpt.ts";
import { groupByAuthor, type AuthorGroup } from "../lib/groupByAuthor.ts";
import { groupByMonth, type YearGroup } from "../lib/groupByMonth.ts";
import { groupByTag, type TagGroup } from "../lib/groupByTag.ts";
import { isPublished, isScheduled } from "../lib/publish.ts";
import { readingStats, type ReadingStats } from "../lib/readingStats.ts";
import { findUnknownPins } from "../lib/related/findUnknownPins.ts";
import { toRelatedItems, type RelatedItem } from "../lib/related/toRelatedItems.ts";
import type { RelatedPick, RelatedSource } from "../lib/related/types.ts";
import { t } from "../i18n/zh-CN.ts";
import { groupBySeries, type SeriesGroup } from "../features/series/groupBySeries.ts";
import {
  findSeriesOrderClashes,
  seriesOrderClashMessage,
} from "../features/series/findSeriesOrderClashes.ts";

/** What the site model reads of a content entry (a CollectionEntry in the build, plain objects in tests). */
export interface SiteEntry {
  id: string;
  /** The file, for messages. */
  file: string;
  data: {
    title: string;
    date: Date;
    updated?: Date | undefined;
    author: string;
    tags: readonly string[];
    description?: string | undefined;
    draft: boolean;
    related: readonly string[];
    pinned: boolean;
    series?: string | undefined;
    seriesOrder?: number | undefined;
  };
}

/** The settings the model depends on (a subset of SITE). */
export interface SiteSettings {
  excerptLength: number;
  hanCharsPerMinute: number;
  latinWordsPerMinute: number;
  timeZone: string;
}

export interface BuildSiteOptions {
  /** The moment of the build (the publish rule's "now"). */
  now: Date;
  /** Preview (dev): drafts and scheduled articles are shown. */
  preview: boolean;
  settings: SiteSettings;
  /** The related-articles engine: picks for each article, given every published article. */
  relate: (sources: readonly RelatedSource[]) => ReadonlyMap<string, readonly RelatedPick[]>;
  /** The line of a frontmatter field in a file, for messages (asked only when there is a problem). */
  fieldLine?: (file: string, field: string) => number | undefined;
}

/** An article with everything lists and pages show, computed once per build. */
export interface Article<E extends SiteEntry = SiteEntry> {
  id: string;
  /** The content entry, for render(); never part of a page's cache key (see pageCacheKey). */
  entry: E;
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
  /** 置顶: first on the home page. */
  pinned: boolean;
  series: string | undefined;
  seriesOrder: number | undefined;
}

/** What an article page links to as 上一篇/下一篇: only what it shows of them. */
export interface Neighbour {
  id: string;
  title: string;
}

/** An article's place in its series, for the 本系列共 N 篇 box: only what the box shows. */
export interface SeriesPlace {
  slug: string;
  label: string;
  /** 1-based. */
  position: number;
  parts: Neighbour[];
}

export interface SiteData<E extends SiteEntry = SiteEntry> {
  /** Published articles, newest first. */
  articles: Article<E>[];
  /** The home page's order: pinned articles (newest first), then every other article, newest first. */
  front: Article<E>[];
  byId: Map<string, Article<E>>;
  /** The 相关文章 list of each article, ready to show. */
  related: Map<string, RelatedItem[]>;
  /** 上一篇/下一篇 of each article, in publication order. */
  adjacent: Map<string, { older: Neighbour | undefined; newer: Neighbour | undefined }>;
  /** Articles by author; the site has author pages only when this has more than one group. */
  authors: AuthorGroup<Article<E>>[];
  /** Articles by tag page (case and width variants merged), largest first. */
  tags: TagGroup<Article<E>>[];
  /** The archive: years, then months in the site's time zone, newest first. */
  months: YearGroup<Article<E>>[];
  /** Series (专题), their parts in reading order; the series with the latest part first. */
  series: SeriesGroup<Article<E>>[];
  /** Each series part's place in its series. */
  seriesOf: Map<string, SeriesPlace>;
}

/**
 * The site model, a pure function of the entries, their bodies and the build's options: the
 * publish rule, excerpts, reading stats, related lists, neighbours and groups. `bodies` holds the
 * Markdown of (at least) every published entry; it is not kept in the result.
 */
export function buildSite<E extends SiteEntry>(
  all: readonly E[],
  bodies: ReadonlyMap<string, string>,
  { now, preview, settings, relate, fieldLine = () => undefined }: BuildSiteOptions,
): SiteData<E> {
  // Pins are checked against every article, drafts included, so that publishing or unpublishing
  // a draft never turns another article's valid pin into a build error.
  // Messages in the checker's form, `file:line: field: problem — fix`.
  const at = (file: string, field: string) => `${file}:${fieldLine(file, field) ?? 1}: ${field}:`;
  const problems = [
    ...findUnknownPins(
      all.map((entry) => ({ id: entry.id, file: entry.file, pinned: entry.data.related })),
    ).map((pin) => `${at(pin.file, "related")} ${pin.message}`),
    ...findSeriesOrderClashes(
      all.map((entry) => ({
        file: entry.file,
        series: entry.data.series,
        seriesOrder: entry.data.seriesOrder,
      })),
    ).map((clash) => `${at(clash.file, "seriesOrder")} ${seriesOrderClashMessage(clash)}`),
  ];
  if (problems.length > 0) throw new Error(problems.join("\n"));

  // Order matters: the publish rule runs first, so nothing below can see a draft — a draft is
  // never scored, never recommended and never given a 相关文章 list.
  const entries = all.filter((entry) => isPublished(entry, { now, preview }));
  const bodyOf = (entry: E) => {
    const body = bodies.get(entry.id);
    if (body === undefined) throw new Error(`${entry.file}: no body read for a published article`);
    return body;
  };
  const articles = entries
    .map((entry) => toArticle(entry, bodyOf(entry), now, settings))
    .sort((a, b) => b.date.getTime() - a.date.getTime() || a.id.localeCompare(b.id));
  const byId = new Map(articles.map((a) => [a.id, a]));
  const picks = relate(
    entries.map((entry) => ({
      id: entry.id,
      title: entry.data.title,
      body: bodyOf(entry),
      tags: entry.data.tags,
      date: entry.data.date,
      pinned: entry.data.related,
    })),
  );
  const related = new Map(
    articles.map((article) => [
      article.id,
      toRelatedItems(
        (picks.get(article.id) ?? []).map((pick) => ({ id: pick.id, reason: reasonFor(pick) })),
        byId,
      ),
    ]),
  );
  const neighbour = (a: Article<E> | undefined): Neighbour | undefined => a && { id: a.id, title: a.title };
  const adjacent = new Map(
    [...adjacentArticles(articles)].map(([id, { older, newer }]) => [
      id,
      { older: neighbour(older), newer: neighbour(newer) },
    ]),
  );
  const series = groupBySeries(articles);
  const seriesOf = new Map<string, SeriesPlace>();
  for (const { slug, label, parts } of series) {
    const shown = parts.map((part) => ({ id: part.id, title: part.title }));
    parts.forEach((part, index) => seriesOf.set(part.id, { slug, label, position: index + 1, parts: shown }));
  }
  return {
    articles,
    front: [...articles.filter((a) => a.pinned), ...articles.filter((a) => !a.pinned)],
    byId,
    related,
    adjacent,
    authors: groupByAuthor(articles),
    tags: groupByTag(articles),
    months: groupByMonth(articles, settings.timeZone),
    series,
    seriesOf,
  };
}

function toArticle<E extends SiteEntry>(
  entry: E,
  body: string,
  now: Date,
  settings: SiteSettings,
): Article<E> {
  const { data } = entry;
  return {
    id: entry.id,
    entry,
    title: data.title,
    date: data.date,
    updated: data.updated,
    author: data.author,
    tags: data.tags,
    excerpt: articleExcerpt({ description: data.description, body }, settings.excerptLength),
    stats: readingStats(body, settings),
    draft: data.draft,
    scheduled: isScheduled(entry, now),
    pinned: data.pinned,
    series: data.series,
    seriesOrder: data.seriesOrder,
  };
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
