export interface TaggedArticle {
  id: string;
  date: Date;
  tags: readonly string[];
}

export interface RelatedPick {
  id: string;
  /** Tags shared with the article, for the reader's "why is this related". */
  sharedTags: string[];
}

/**
 * For every article, the `limit` articles that share most tags with it, newest first among
 * equals (ties broken by id so the result never depends on input order). Computed once for the
 * whole collection through a tag → articles index, so each article only meets articles it
 * shares a tag with.
 */
export function selectRelatedByTags(
  articles: readonly TaggedArticle[],
  limit: number,
): Map<string, RelatedPick[]> {
  const byTag = new Map<string, TaggedArticle[]>();
  for (const article of articles) {
    for (const tag of new Set(article.tags)) {
      const list = byTag.get(tag) ?? [];
      list.push(article);
      byTag.set(tag, list);
    }
  }

  const result = new Map<string, RelatedPick[]>();
  for (const article of articles) {
    const shared = new Map<TaggedArticle, string[]>();
    for (const tag of new Set(article.tags)) {
      for (const other of byTag.get(tag) ?? []) {
        if (other.id === article.id) continue;
        const tags = shared.get(other) ?? [];
        tags.push(tag);
        shared.set(other, tags);
      }
    }
    const ranked = [...shared.entries()]
      .sort(
        ([a, aTags], [b, bTags]) =>
          bTags.length - aTags.length || b.date.getTime() - a.date.getTime() || a.id.localeCompare(b.id),
      )
      .slice(0, limit)
      .map(([other, sharedTags]) => ({ id: other.id, sharedTags }));
    result.set(article.id, ranked);
  }
  return result;
}
