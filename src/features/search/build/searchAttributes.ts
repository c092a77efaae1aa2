import { formatIsoDay, siteYear } from "../../../lib/dates.ts";
import { ATTRIBUTE_FILTERS } from "../filters.ts";

/** What search knows about an article besides its title and body text. */
export interface SearchableArticle {
  title: string;
  date: Date;
  author: string;
  excerpt: string;
  tags: readonly string[];
}

/**
 * The attributes of an article's <article> that make it searchable: data-pagefind-body, and the
 * metadata (result cards), filters (/search/) and sort Pagefind reads from the data-* values.
 * Values come from attributes, so commas in an excerpt or a tag cannot split them.
 */
export function searchAttributes(article: SearchableArticle): Record<string, string> {
  return {
    "data-pagefind-body": "",
    "data-pagefind-meta":
      "title[data-title], date[data-date], author[data-author], excerpt[data-excerpt], tags[data-tags]",
    "data-pagefind-filter": ATTRIBUTE_FILTERS.map((name) => `${name}[data-${name}]`).join(", "),
    "data-pagefind-sort": "date[data-date]",
    "data-title": article.title,
    "data-date": formatIsoDay(article.date),
    "data-year": String(siteYear(article.date)),
    "data-author": article.author,
    "data-excerpt": article.excerpt,
    "data-tags": article.tags.join("、"),
  };
}
