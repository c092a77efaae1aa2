export interface Adjacent<A> {
  /** The article published just before this one (rel="prev", 上一篇). */
  older: A | undefined;
  /** The article published just after this one (rel="next", 下一篇). */
  newer: A | undefined;
}

/**
 * Each article's neighbours in publication order, computed once for the whole list (newest
 * first, as the site keeps it) and looked up per page.
 */
export function adjacentArticles<A extends { id: string }>(
  newestFirst: readonly A[],
): Map<string, Adjacent<A>> {
  return new Map(
    newestFirst.map((article, i) => [article.id, { newer: newestFirst[i - 1], older: newestFirst[i + 1] }]),
  );
}
