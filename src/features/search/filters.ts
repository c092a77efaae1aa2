/**
 * The filters of the /search/ page, defined once: the index declares them (searchAttributes.ts
 * for author and year; ArticleLayout.astro's hidden tag spans for tag, one per tag), the page
 * renders a menu for each (pages/search/index.astro) and the client reads and writes them in the
 * address (client/searchPage.ts).
 */
export const SEARCH_FILTERS = ["tag", "author", "year"] as const;

export type SearchFilter = (typeof SEARCH_FILTERS)[number];

/** The dictionary key of each filter's label (src/i18n/zh-CN.ts). */
export const FILTER_LABELS = {
  tag: "search.filter.tag",
  author: "search.filter.author",
  year: "search.filter.year",
} as const satisfies Record<SearchFilter, string>;

/** Filters whose value is a data-* attribute of the <article>, as Pagefind's attribute syntax reads it. */
export const ATTRIBUTE_FILTERS = ["author", "year"] as const satisfies readonly SearchFilter[];
