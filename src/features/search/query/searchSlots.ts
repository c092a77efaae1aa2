import type { Slot } from "./expandQuery.ts";
import type { FallbackResult, Scored } from "./searchWithFallback.ts";

/**
 * Searches an expanded query (expandQuery.ts): every alternative of every word on its own, then
 * ranks pages by the sum, over the query's words, of the page's best Pagefind score on any of
 * that word's alternatives — an "any word" query scored like BM25, which is what Pagefind's
 * score is for one word: a rare word (删除) weighs more than a common one (文件), and a long page
 * that mentions many words in passing weighs less than a short one about them.
 *
 * Why not all words required: an everyday word that no article writes (删掉) would leave nothing.
 * Why not the any-word fallback (searchWithFallback.ts): it ranks by how many words a page has,
 * so long pages that happen to have the common words came first. Measured in docs/search.md
 * (issue 17): counting words, weighted by rarity, then score, answered fewer paraphrases than
 * the plain sum. The result is `relaxed` when the best page lacks a word that some page has.
 */
export async function searchSlots<T extends Scored>(
  slots: readonly Slot[],
  search: (term: string) => Promise<T[]>,
): Promise<FallbackResult<T>> {
  const terms = [...new Set(slots.flatMap((slot) => slot.alternatives))];
  const found = new Map(await Promise.all(terms.map(async (term) => [term, await search(term)] as const)));
  const pages = new Map<string, { result: T; value: number; words: number }>();
  let searchable = 0;
  for (const slot of slots) {
    const best = new Map<string, T>();
    for (const term of slot.alternatives) {
      for (const result of found.get(term) ?? []) {
        const seen = best.get(result.id);
        if (!seen || result.score > seen.score) best.set(result.id, result);
      }
    }
    if (best.size === 0) continue;
    searchable += 1;
    for (const [id, result] of best) {
      const page = pages.get(id);
      if (page) {
        page.value += result.score;
        page.words += 1;
      } else {
        pages.set(id, { result, value: result.score, words: 1 });
      }
    }
  }
  const ranked = [...pages.values()].sort(
    (a, b) => b.value - a.value || (a.result.id < b.result.id ? -1 : a.result.id > b.result.id ? 1 : 0),
  );
  return {
    results: ranked.map((page) => page.result),
    relaxed: ranked.length > 0 && ranked[0]!.words < searchable,
  };
}
