import type { TermVectors } from "./buildTermVectors.ts";

export interface Ranked {
  /** Row index of the related article. */
  index: number;
  score: number;
}

/**
 * For every row, the `limit` rows with the highest dot product, found through an inverted index
 * (term → rows that kept it) so each row only meets rows it shares a kept term with: the cost is
 * the sum of squared posting lengths, which top-K and very-common-term pruning keep near-linear.
 * Equal scores (to 1e-9, so float summation order cannot matter) go to the newer article, then
 * to the lower row index — callers sort rows by id, so results never depend on input order.
 */
export function rankByIndex(
  vectors: TermVectors,
  dates: readonly number[],
  limit: number,
): Ranked[][] {
  const { rows } = vectors;
  const lengths = new Int32Array(vectors.vocabulary.length);
  for (const row of rows) for (const term of row.terms) lengths[term] = (lengths[term] ?? 0) + 1;
  const starts = new Int32Array(lengths.length + 1);
  for (let t = 0; t < lengths.length; t++) starts[t + 1] = (starts[t] ?? 0) + (lengths[t] ?? 0);
  const total = starts[lengths.length] ?? 0;
  const postingRows = new Int32Array(total);
  const postingWeights = new Float32Array(total);
  const fill = starts.slice(0, lengths.length);
  rows.forEach((row, r) => {
    for (let k = 0; k < row.terms.length; k++) {
      const term = row.terms[k] ?? 0;
      const at = fill[term] ?? 0;
      postingRows[at] = r;
      postingWeights[at] = row.weights[k] ?? 0;
      fill[term] = at + 1;
    }
  });

  const scores = new Float64Array(rows.length);
  const touched = new Int32Array(rows.length);
  return rows.map((row, r) => {
    let touchedCount = 0;
    for (let k = 0; k < row.terms.length; k++) {
      const term = row.terms[k] ?? 0;
      const weight = row.weights[k] ?? 0;
      const end = starts[term + 1] ?? 0;
      for (let p = starts[term] ?? 0; p < end; p++) {
        const other = postingRows[p] ?? 0;
        if (scores[other] === 0) touched[touchedCount++] = other;
        scores[other] = (scores[other] ?? 0) + weight * (postingWeights[p] ?? 0);
      }
    }
    const best: Ranked[] = [];
    for (let i = 0; i < touchedCount; i++) {
      const other = touched[i] ?? 0;
      const score = scores[other] ?? 0;
      scores[other] = 0;
      if (other === r || score <= 0) continue;
      insertRanked(best, { index: other, score }, dates, limit);
    }
    return best;
  });
}

/** Keeps `best` sorted and at most `limit` long: limit is small (5), so insertion is cheapest. */
function insertRanked(best: Ranked[], item: Ranked, dates: readonly number[], limit: number): void {
  let at = best.length;
  while (at > 0 && ranksBefore(item, best[at - 1] as Ranked, dates)) at--;
  if (at >= limit) return;
  best.splice(at, 0, item);
  if (best.length > limit) best.pop();
}

/** The one ordering of related articles: score, then newer, then lower index (id). */
export function ranksBefore(a: Ranked, b: Ranked, dates: readonly number[]): boolean {
  const byScore = Math.round(a.score * 1e9) - Math.round(b.score * 1e9);
  if (byScore !== 0) return byScore > 0;
  const byDate = (dates[a.index] ?? 0) - (dates[b.index] ?? 0);
  if (byDate !== 0) return byDate > 0;
  return a.index < b.index;
}
