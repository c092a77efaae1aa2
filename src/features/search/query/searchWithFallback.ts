/** One result of a search engine call: Pagefind's result objects fit this shape. */
export interface Scored {
  id: string;
  score: number;
}

export interface FallbackResult<T extends Scored> {
  results: T[];
  /**
   * True when no page had every word and the results are pages with some of them, best covered
   * first. The UI says so rather than pretending they matched the whole query.
   */
  relaxed: boolean;
}

/**
 * Runs the query with every word required (Pagefind's only mode); if that finds nothing, runs
 * each word on its own and ranks pages by how many words they contain, then by summed score.
 * This rescues questions with an extra word the article lacks, and queries where Pagefind's
 * query-time segmenter splits a phrase differently from the index-time one (Pagefind #1237).
 */
export async function searchWithFallback<T extends Scored>(
  query: string,
  search: (term: string) => Promise<T[]>,
  segment: (query: string) => string[] = segmentQuery,
): Promise<FallbackResult<T>> {
  const all = await search(query);
  if (all.length > 0) return { results: all, relaxed: false };
  const words = [...new Set(segment(query))];
  if (words.length < 2) return { results: [], relaxed: false };
  const perWord = await Promise.all(words.map((word) => search(word)));
  return { results: mergeByCoverage(perWord), relaxed: true };
}

/** Pages found by more of the words first; among equals, higher summed score first. */
export function mergeByCoverage<T extends Scored>(lists: readonly (readonly T[])[]): T[] {
  const merged = new Map<string, { result: T; words: number; score: number }>();
  for (const list of lists) {
    for (const result of list) {
      const seen = merged.get(result.id);
      if (seen) {
        seen.words += 1;
        seen.score += result.score;
      } else {
        merged.set(result.id, { result, words: 1, score: result.score });
      }
    }
  }
  return [...merged.values()]
    .sort((a, b) => b.words - a.words || b.score - a.score)
    .map((entry) => entry.result);
}

const wordSegmenter = new Intl.Segmenter("zh", { granularity: "word" });

/** The words Pagefind will require, split the way its query side splits them (Intl.Segmenter). */
export function segmentQuery(query: string): string[] {
  return [...wordSegmenter.segment(query)]
    .filter((part) => part.isWordLike)
    .map((part) => part.segment.toLowerCase());
}
