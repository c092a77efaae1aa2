import { isTagTerm, type TermVectors } from "./buildTermVectors.ts";

/** Why two articles match, for the reader. */
export interface MatchExplanation {
  /** Kept terms both rows share, strongest contribution first. */
  sharedTerms: string[];
  /** Tags both rows carry, strongest contribution (rarest) first. */
  sharedTags: string[];
}

/**
 * Why row `a` matches each of `others`: the kept terms and tags they share, each ordered by its
 * contribution to the score. Ties by term, so explanations are as deterministic as the lists.
 * One row against all of its picks at once, so row `a` is looked up once, not once per pick.
 */
export function explainMatches(
  vectors: TermVectors,
  a: number,
  others: readonly number[],
  maxTerms: number,
): MatchExplanation[] {
  const rowA = vectors.rows[a];
  const weightsA = new Map<number, number>();
  rowA?.terms.forEach((term, k) => weightsA.set(term, rowA.weights[k] ?? 0));
  return others.map((b) => {
    const rowB = vectors.rows[b];
    if (!rowA || !rowB) return { sharedTerms: [], sharedTags: [] };
    // Only the strongest few terms are named: kept in order by insertion, not by sorting all.
    const terms: Shared[] = [];
    const tags: Shared[] = [];
    rowB.terms.forEach((id, k) => {
      const weightA = weightsA.get(id);
      if (weightA === undefined) return;
      const term = vectors.vocabulary[id] ?? "";
      const shared = { term, contribution: weightA * (rowB.weights[k] ?? 0) };
      if (isTagTerm(term)) {
        tags.push(shared);
        return;
      }
      let at = terms.length;
      while (at > 0 && isStronger(shared, terms[at - 1] as Shared)) at--;
      if (at < maxTerms) terms.splice(at, 0, shared);
      if (terms.length > maxTerms) terms.pop();
    });
    tags.sort((x, y) => (isStronger(x, y) ? -1 : 1));
    return { sharedTerms: terms.map((s) => s.term), sharedTags: tags.map((s) => s.term.slice(1)) };
  });
}

interface Shared {
  term: string;
  contribution: number;
}

function isStronger(x: Shared, y: Shared): boolean {
  return x.contribution > y.contribution || (x.contribution === y.contribution && x.term < y.term);
}
