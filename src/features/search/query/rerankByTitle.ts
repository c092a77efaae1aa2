/**
 * Moves results whose title matches the query to the front, keeping Pagefind's order otherwise.
 * Pagefind weighs a title little more than a passing mention in a long chapter, so 引导加载器
 * ranked the chapter 配置引导加载器 second to a long installation walkthrough. Tiers: the title
 * contains the query as typed (question words included: 为什么选择 Debian), then every searched
 * word (for an expanded query, one of each word's alternatives), then the rest.
 */
export function rerankByTitle<T>(
  items: readonly T[],
  titleOf: (item: T) => string,
  query: { searched: string; typed: string; slots?: readonly (readonly string[])[] },
): T[] {
  const typed = compact(query.typed);
  // An expanded query (expandQuery.ts) matches a title that has any alternative of every word.
  const words =
    query.slots?.map((alternatives) => alternatives.map(compact)) ??
    query.searched
      .toLowerCase()
      .split(" ")
      .filter(Boolean)
      .map((word) => [word]);
  const tier = (item: T): number => {
    const title = compact(titleOf(item));
    if (typed !== "" && title.includes(typed)) return 2;
    return words.length > 0 &&
      words.every((alternatives) => alternatives.some((word) => title.includes(word)))
      ? 1
      : 0;
  };
  return items
    .map((item, index) => ({ item, index, tier: tier(item) }))
    .sort((a, b) => b.tier - a.tier || a.index - b.index)
    .map((entry) => entry.item);
}

/** Lowercase, without spaces or punctuation: "为什么选择 Debian 发行版？" → "为什么选择debian发行版". */
function compact(text: string): string {
  return text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, "");
}
