import { SITE } from "../config.ts";
import { pageNumbers } from "../lib/paginate.ts";
import type { LoadedSite } from "./loadSite.ts";
import {
  SERIES_INDEX_HREF,
  absoluteUrl,
  articleHref,
  authorHref,
  pageHref,
  seriesHref,
  tagHref,
} from "./urls.ts";

export interface SitemapUrl {
  loc: string;
  /** Articles only: their `updated` date, else their `date`. */
  lastmod?: string;
}

/** URLs per sitemap file: under the protocol's 50,000, as @astrojs/sitemap did. */
export const SITEMAP_SIZE = 45_000;

/**
 * Every page of the site a search engine should know, from the site model (so the publish rule
 * decides, once, and no built page is read back): the pages without parameters, articles,
 * index, tag, series and author pages. The 404 page is left out. Sorted by URL.
 */
export function sitemapUrls(site: LoadedSite): SitemapUrl[] {
  const urls: SitemapUrl[] = ["/", "/archive/", "/search/", "/tags/"].map((href) => ({
    loc: absoluteUrl(href),
  }));
  const listing = (base: string, count: number) => {
    for (const number of pageNumbers(count, SITE.pageSize)) {
      if (base !== "/" || number > 0) urls.push({ loc: absoluteUrl(pageHref(base, number)) });
    }
  };
  for (const article of site.articles) {
    urls.push({
      loc: absoluteUrl(articleHref(article.id)),
      lastmod: (article.updated ?? article.date).toISOString(),
    });
  }
  listing("/", site.articles.length);
  if (site.series.length > 0) urls.push({ loc: absoluteUrl(SERIES_INDEX_HREF) });
  for (const group of site.series) urls.push({ loc: absoluteUrl(seriesHref(group.label)) });
  for (const group of site.tags) listing(tagHref(group.label), group.articles.length);
  // Author pages exist only on a site with more than one author (see authorRoutes).
  if (site.authors.length > 1)
    for (const group of site.authors) listing(authorHref(group.name), group.articles.length);
  return urls.sort((a, b) => (a.loc < b.loc ? -1 : a.loc > b.loc ? 1 : 0));
}
