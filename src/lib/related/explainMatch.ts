import { isTagTerm, type TermVectors } from "./buildTermVectors.ts";

/**
 * Why two rows match, for the reader: the kept terms and tags they share, each ordered by its
 * contribution to the score. Ties by term, so explanations are as deterministic as the lists.
 */
export function explainMatch(
  vectors: TermVectors,
  a: number,
  b: number,
  maxTerms: number,
): { sharedTerms: string[]; sharedTags: string[] } {
  const rowA = vectors.rows[a];
  const rowB = vectors.rows[b];
  if (!rowA || !rowB) return { sharedTerms: [], sharedTags: [] };
  const weightsB = new Map<number, number>();
  rowB.terms.forEach((term, k) => weightsB.set(term, rowB.weights[k] ?? 0));
  const shared: { term: string; contribution: number }[] = [];
  rowA.terms.forEach((term, k) => {
    const weightB = weightsB.get(term);
    if (weightB !== undefined) {
      shared.push({ term: vectors.vocabulary[term] ?? "", contribution: (rowA.weights[k] ?? 0) * weightB });
    }
  });
  shared.sort((x, y) => y.contribution - x.contribution || (x.term < y.term ? -1 : 1));
  return {
    sharedTerms: shared
      .filter((s) => !isTagTerm(s.term))
      .slice(0, maxTerms)
      .map((s) => s.term),
    sharedTags: shared.filter((s) => isTagTerm(s.term)).map((s) => s.term.slice(1)),
  };
}
