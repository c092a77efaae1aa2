import { createHash } from "node:crypto";
import { SITE } from "../config.ts";
import { siteYear } from "../lib/dates.ts";
import { paginate } from "../lib/paginate.ts";
import { topTags } from "./topTags.ts";
import type { LoadedSite } from "./loadSite.ts";
import { comments } from "./comments.ts";
import { pageCacheKey, stableJson } from "./pageCacheKey.ts";
import { SITEMAP_SIZE, sitemapUrls } from "./sitemap.ts";
import { socialCardOf } from "./socialImages.ts";
import { authorHref } from "./urls.ts";
import { popularCandidates } from "../features/comments/popularCandidates.ts";

/** 热门文章 candidates for every listing page (none with comments off). */
export function listingPopular(site: Pick<LoadedSite, "articles">) {
  return popularCandidates(site.articles, comments, SITE.comments.popular.candidates);
}

// Each route's getStaticPaths, as pure functions of the site model: every path carries all its
// page shows as props, and a cache key of exactly those props plus the global settings (see
// pageCacheKey). Pages read nothing else, so a page restored by Astro's incremental build is
// the page a cold build would write.

// What rewrites a page as it is rendered (the CSP middleware) is in no page's module graph, so
// Astro would not notice it change; its source is part of every key instead.
const POST_RENDER_CODE = import.meta.glob(
  ["../middleware.ts", "../lib/csp/*.ts", "../lib/comments/commentsCspSources.ts"],
  { query: "?raw", import: "default", eager: true },
);
const postRenderDigest = createHash("sha256").update(stableJson(POST_RENDER_CODE)).digest("base64url");

/** What every page prints besides its props: the settings (some from the environment) and the footer's year. */
export function siteGlobals(site: Pick<LoadedSite, "now" | "preview">) {
  return { site: SITE, comments, preview: site.preview, year: siteYear(site.now), postRenderDigest };
}

function keyed<P extends Record<string, string | undefined>, Props>(
  site: LoadedSite,
  params: P,
  props: Props,
): { params: P; props: Props; cacheKey: string } {
  return { params, props, cacheKey: pageCacheKey(siteGlobals(site), props) };
}

/** /articles/<id>/: the article, its 相关文章, 上一篇/下一篇 and byline link. */
export function articleRoutes(site: LoadedSite) {
  // Bylines link to author pages only when those exist (see authorRoutes).
  const authorPages = site.authors.length > 1;
  return site.articles.map((article) =>
    keyed(
      site,
      { id: article.id },
      {
        article,
        // What the page renders of its own file (the body, its headings).
        fileDigest: site.fileDigests.get(article.id) ?? "",
        related: site.related.get(article.id) ?? [],
        adjacent: site.adjacent.get(article.id) ?? { older: undefined, newer: undefined },
        bylineHref: authorPages ? authorHref(article.author) : undefined,
        series: site.seriesOf.get(article.id),
      },
    ),
  );
}

/** The list pages' sidebar: the most used tags (the home and archive pages call it too). */
export function sidebarTagsOf(site: Pick<LoadedSite, "tags">) {
  return topTags(site.tags, SITE.sidebarTagCount);
}

/** The home page and /page/N/: pinned articles first, each article once (see buildSite's `front`). */
export function indexPages(site: Pick<LoadedSite, "front">) {
  return paginate(site.front, SITE.pageSize);
}

/** /page/N/: the pages below the home page, numbered from the oldest (see paginate). */
export function indexPageRoutes(site: LoadedSite) {
  const sidebarTags = sidebarTagsOf(site);
  return indexPages(site)
    .slice(1)
    .map((page) => keyed(site, { page: String(page.number) }, { page, sidebarTags }));
}

/** /tags/<tag>/ and /tags/<tag>/page/N/. */
export function tagRoutes(site: LoadedSite) {
  const sidebarTags = sidebarTagsOf(site);
  return site.tags.flatMap(({ slug, label, articles }) =>
    paginate(articles, SITE.pageSize).map((page) =>
      keyed(
        site,
        { tag: slug, page: page.number === 0 ? undefined : `page/${page.number}` },
        { label, page, sidebarTags },
      ),
    ),
  );
}

/** /authors/<author>/…: none on a single-author site, where every article would be on the one page. */
export function authorRoutes(site: LoadedSite) {
  if (site.authors.length < 2) return [];
  const sidebarTags = sidebarTagsOf(site);
  return site.authors.flatMap(({ slug, name, articles }) =>
    paginate(articles, SITE.pageSize).map((page) =>
      keyed(
        site,
        { author: slug, page: page.number === 0 ? undefined : `page/${page.number}` },
        { name, page, sidebarTags },
      ),
    ),
  );
}

/** /series/<series>/: a series' parts in reading order (never paged: a series is read whole). */
export function seriesRoutes(site: LoadedSite) {
  const sidebarTags = sidebarTagsOf(site);
  return site.series.map(({ slug, label, parts }) =>
    keyed(site, { series: slug }, { label, parts, sidebarTags }),
  );
}

/** /og/<id>.png: each article's sharing card. */
export function socialImageRoutes(site: LoadedSite) {
  if (!SITE.socialImages) return [];
  return site.articles.map((article) => keyed(site, { id: article.id }, { card: socialCardOf(article) }));
}

/** /sitemap-N.xml: the site's URLs, SITEMAP_SIZE a file. */
export function sitemapRoutes(site: LoadedSite) {
  const urls = sitemapUrls(site);
  const files = Math.max(1, Math.ceil(urls.length / SITEMAP_SIZE));
  return Array.from({ length: files }, (_, n) =>
    keyed(site, { n: String(n) }, { urls: urls.slice(n * SITEMAP_SIZE, (n + 1) * SITEMAP_SIZE) }),
  );
}
