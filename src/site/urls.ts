import { SITE } from "../config.ts";
import type { YearMonth } from "../lib/siteMonth.ts";
import { tagSlug } from "../lib/tagSlug.ts";

// Every href the site makes, root-relative and percent-encoded for use in href. Pages, layouts,
// feeds, the sitemap and the search index all link through these, so a URL scheme changes here.

/** An article page. */
export function articleHref(id: string): string {
  return `/articles/${encodeURIComponent(id)}/`;
}

/** A tag's first page. Spellings that differ only in case or width share it (see tagSlug). */
export function tagHref(tag: string): string {
  return `/tags/${encodeURIComponent(tagSlug(tag))}/`;
}

/** An author's first page. */
export function authorHref(author: string): string {
  return `/authors/${encodeURIComponent(tagSlug(author))}/`;
}

/** The list of every series. */
export const SERIES_INDEX_HREF = "/series/";

/** A series' page (专题). Names that differ only in case or width share it, like tags. */
export function seriesHref(series: string): string {
  return `/series/${encodeURIComponent(tagSlug(series))}/`;
}

/** The id of a month's section on /archive/: "2025-03". */
export function archiveMonthId({ year, month }: YearMonth): string {
  return `${year}-${String(month).padStart(2, "0")}`;
}

/** A month's section of the archive page. */
export function archiveHref(yearMonth: YearMonth): string {
  return `/archive/#${archiveMonthId(yearMonth)}`;
}

/** Page `n` of a listing whose first page (0, see paginate) is at `base` ("/" or "/tags/x/"). */
export function pageHref(base: string, n: number): string {
  return n === 0 ? base : `${base}page/${n}/`;
}

/** An article's sharing image, or undefined when the site draws none (SITE.socialImages). */
export function socialImageHref(id: string): string | undefined {
  return SITE.socialImages ? `/og/${encodeURIComponent(id)}.png` : undefined;
}

/** The absolute URL of a root-relative href on this site (SITE.url). */
export function absoluteUrl(href: string): string {
  return new URL(href, SITE.url).href;
}
