import { tagSlug } from "./tagSlug.ts";

export interface TagGroup<A> {
  slug: string;
  /** The spelling shown: the one used by the most articles (ties: the first seen). */
  label: string;
  articles: A[];
}

/**
 * Groups articles by tag page. Spellings that map to one slug (case, width) form one group;
 * articles keep their input order. Groups are sorted by size, then by slug.
 */
export function groupByTag<A extends { tags: readonly string[] }>(articles: readonly A[]): TagGroup<A>[] {
  const groups = new Map<string, { articles: A[]; spellings: Map<string, number> }>();
  for (const article of articles) {
    const seen = new Set<string>();
    for (const tag of article.tags) {
      const slug = tagSlug(tag);
      if (!slug) continue;
      const group = groups.get(slug) ?? { articles: [] as A[], spellings: new Map<string, number>() };
      groups.set(slug, group);
      group.spellings.set(tag, (group.spellings.get(tag) ?? 0) + 1);
      if (seen.has(slug)) continue;
      seen.add(slug);
      group.articles.push(article);
    }
  }
  return [...groups.entries()]
    .map(([slug, group]) => ({
      slug,
      label: [...group.spellings.entries()].sort((a, b) => b[1] - a[1])[0]![0],
      articles: group.articles,
    }))
    .sort((a, b) => b.articles.length - a.articles.length || a.slug.localeCompare(b.slug));
}
