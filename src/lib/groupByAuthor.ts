import { tagSlug } from "./tagSlug.ts";

export interface AuthorGroup<A> {
  /** URL segment: the name normalised like a tag (case and width folded, Chinese kept). */
  slug: string;
  name: string;
  articles: A[];
}

/**
 * One group per author, articles in input order; groups sorted by article count, then name.
 * Names that differ only in case or width share a page, as tags do.
 */
export function groupByAuthor<A extends { author: string }>(articles: readonly A[]): AuthorGroup<A>[] {
  const groups = new Map<string, AuthorGroup<A>>();
  for (const article of articles) {
    const slug = tagSlug(article.author);
    if (!slug) continue;
    const group = groups.get(slug) ?? { slug, name: article.author, articles: [] };
    groups.set(slug, group);
    group.articles.push(article);
  }
  return [...groups.values()].sort(
    (a, b) => b.articles.length - a.articles.length || a.name.localeCompare(b.name, "zh-CN"),
  );
}
