import type { TagGroup } from "../lib/groupByTag.ts";
import { tagHref } from "./urls.ts";

export interface TagLink {
  label: string;
  href: string;
  count: number;
}

/** The `limit` most used tags as links, commonest first (groupByTag sorts groups by size). */
export function topTags<A>(groups: readonly TagGroup<A>[], limit: number): TagLink[] {
  return groups.slice(0, limit).map((group) => ({
    label: group.label,
    href: tagHref(group.label),
    count: group.articles.length,
  }));
}
