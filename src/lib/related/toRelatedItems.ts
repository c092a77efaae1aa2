import { articleHref } from "../../site/urls.ts";

import { formatIsoDateTime, formatIsoDay } from "../dates.ts";

/** One entry of the 相关文章 list, ready to show. */
export interface RelatedItem {
  href: string;
  title: string;
  /** The article's opening ~75 characters + "…", or its description. */
  excerpt: string;
  /** yyyy-MM-dd in the site's time zone, as on the seed page. */
  isoDay: string;
  datetime: string;
  /** Why it is listed, in the reader's words, e.g. "共同标签：城市". */
  reason: string;
}

interface Listable {
  id: string;
  title: string;
  excerpt: string;
  date: Date;
}

/**
 * Turns an engine's picks into what the sidebar shows. Picks whose article is unknown (not
 * published) are dropped: the publish rule has the last word.
 */
export function toRelatedItems<A extends Listable>(
  picks: readonly { id: string; reason: string }[],
  lookup: ReadonlyMap<string, A>,
): RelatedItem[] {
  return picks.flatMap((pick) => {
    const article = lookup.get(pick.id);
    if (!article) return [];
    return [
      {
        href: articleHref(article.id),
        title: article.title,
        excerpt: article.excerpt,
        isoDay: formatIsoDay(article.date),
        datetime: formatIsoDateTime(article.date),
        reason: pick.reason,
      },
    ];
  });
}
