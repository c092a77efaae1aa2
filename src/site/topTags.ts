import type { TagGroup } from "../lib/groupByTag.ts";
import { tagHref } from "./urls.ts";

export interface TagLink {
  label: string;
  href: string;
}

/**
 * The `limit` most used tags as links, commonest first (groupByTag sorts groups by size). No
 * counts: every list page shows these, and a count would change them all with each new article
 * under a common tag (the /tags/ page and each tag's page give the counts).
 */
export function topTags<A>(groups: readonly TagGroup<A>[], limit: number): TagLink[] {
  return groups.slice(0, limit).map((group) => ({ label: group.label, href: tagHref(group.label) }));
}
