import { extractTerms } from "./extractTerms.ts";
import type { SegmentWords, TermCounts } from "./types.ts";

/**
 * Term counts of one article, with the title's terms counted `titleWeight` times: a title says
 * what an article is about more reliably than any paragraph. Terms are sorted so the same text
 * always gives the same counts (and the same cache entry).
 */
export function countArticleTerms(
  article: { title: string; body: string },
  segmentWords: SegmentWords,
  titleWeight: number,
): TermCounts {
  const counts = new Map<string, number>();
  for (const term of extractTerms(article.title, segmentWords)) {
    counts.set(term, (counts.get(term) ?? 0) + titleWeight);
  }
  for (const term of extractTerms(article.body, segmentWords)) {
    counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  const terms = [...counts.keys()].sort();
  return { terms, counts: terms.map((term) => counts.get(term) ?? 0) };
}
