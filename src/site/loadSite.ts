import { createHash } from "node:crypto";
import path from "node:path";
import { getCollection, type CollectionEntry } from "astro:content";
import { SITE } from "../config.ts";
import { BUILD_CACHES } from "../lib/buildCaches.ts";
import { readArticleFileSync } from "../lib/content/readArticleFile.ts";
import { isPublished } from "../lib/publish.ts";
import { createJiebaSegmenter } from "../lib/related/createJiebaSegmenter.ts";
import { createTermCountCache } from "../lib/related/createTermCountCache.ts";
import { RELATED_DEFAULTS, selectRelatedArticles } from "../lib/related/selectRelatedArticles.ts";
import type { RelatedSource } from "../lib/related/types.ts";
import { secondsSince } from "../lib/secondsSince.ts";
import { recordTiming } from "../lib/buildTimings.ts";
import { buildSite, type Article as SiteArticle, type SiteData } from "./buildSite.ts";
import { queueSocialImages } from "./socialImages.ts";

export type ArticleEntry = CollectionEntry<"articles"> & { file: string };
export type Article = SiteArticle<ArticleEntry>;

export interface LoadedSite extends SiteData<ArticleEntry> {
  /** The moment of the build: the publish rule's "now" and the footer's year. */
  now: Date;
  preview: boolean;
  /** A digest of each published article's file: what its page renders of it. */
  fileDigests: Map<string, string>;
}

let cached: Promise<LoadedSite> | undefined;

/**
 * The site model of this build (see buildSite), loaded once and shared by every route's
 * getStaticPaths. The I/O shell: the collection, the article files, the related-terms cache and
 * the sharing-card worker queue.
 */
export function loadSite(): Promise<LoadedSite> {
  cached ??= load(new Date(), import.meta.env.PREVIEW_UNPUBLISHED);
  return cached;
}

/** Term counts of every article between builds, keyed by content hash (see createTermCountCache). */
const RELATED_CACHE_FILE = `${BUILD_CACHES.related}/terms.json`;

async function load(now: Date, preview: boolean): Promise<LoadedSite> {
  const entries = (await getCollection("articles")).map((entry): ArticleEntry => ({
    ...entry,
    file: path.relative(process.cwd(), entry.filePath ?? entry.id),
  }));
  // Only published articles are read. The content store keeps no bodies (`retainBody: false`
  // in src/loaders/articles.ts, so the store stays under V8's string limit at 100k articles): always
  // read from the file, never `entry.body`, which a store cached before that setting may hold.
  // The bodies live until buildSite returns; only their digests are kept.
  const bodies = new Map<string, string>();
  const fileDigests = new Map<string, string>();
  for (const entry of entries) {
    if (!isPublished(entry, { now, preview })) continue;
    if (!entry.filePath) throw new Error(`article ${entry.id}: no file to read its body from`);
    const article = readArticleFileSync(entry.filePath, entry.file);
    bodies.set(entry.id, article.markdown);
    fileDigests.set(entry.id, createHash("sha256").update(article.text).digest("base64url"));
  }
  const site = buildSite(entries, bodies, {
    now,
    preview,
    settings: SITE,
    relate,
    fieldLine: (file, field) => readArticleFileSync(path.resolve(file), file).fieldLines.get(field),
  });
  // Sharing cards are drawn in worker threads while the rest of the build goes on.
  queueSocialImages(site.articles);
  return { ...site, now, preview, fileDigests };
}

function relate(sources: readonly RelatedSource[]) {
  const started = performance.now();
  const cache = createTermCountCache(RELATED_CACHE_FILE);
  const related = selectRelatedArticles(sources, {
    ...RELATED_DEFAULTS,
    limit: SITE.relatedCount,
    segmentWords: createJiebaSegmenter(),
    segmenterName: "jieba",
    cache,
  });
  cache.save();
  console.info(`[site:related] ${sources.length} articles in ${secondsSince(started)} s`);
  recordTiming("related lists", started, `${sources.length} articles`);
  return related;
}
