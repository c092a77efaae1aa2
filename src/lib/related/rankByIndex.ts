import type { TermVectors } from "./buildTermVectors.ts";

export interface Ranked {
  /** Row index of the related article. */
  index: number;
  score: number;
}

/**
 * For every row, the `limit` rows with the highest dot product, found through an inverted index
 * (term → rows that kept it) so each row only meets rows it shares a kept term with.
 *
 * The index keeps, for each term, only the `postingsLimit` rows that weigh it most (impact
 * ordering): a row still looks up all of its own terms, but through a common term it only meets
 * the rows for which that term matters most. That bounds the cost by rows × terms per row ×
 * postingsLimit — linear in the collection — and is exact whenever no term is kept by more
 * than `postingsLimit` rows (small collections; see the pruning test).
 * Equal scores (to 1e-9, so float summation order cannot matter) go to the newer article, then
 * to the lower row index — callers sort rows by id, so results never depend on input order.
 */
export function rankByIndex(
  vectors: TermVectors,
  dates: readonly number[],
  limit: number,
  postingsLimit: number,
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

  truncatePostings(starts, postingRows, postingWeights, postingsLimit);

  const scores = new Float64Array(rows.length);
  const touched = new Int32Array(rows.length);
  return rows.map((row, r) => {
    let touchedCount = 0;
    for (let k = 0; k < row.terms.length; k++) {
      const term = row.terms[k] ?? 0;
      const weight = row.weights[k] ?? 0;
      const end = Math.min(starts[term + 1] ?? 0, (starts[term] ?? 0) + postingsLimit);
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
      // Most candidates score below the current fifth: skip them without the full comparison.
      const last = best.length === limit ? best[limit - 1] : undefined;
      if (last && score < last.score - 1e-9) continue;
      insertRanked(best, { index: other, score }, dates, limit);
    }
    return best;
  });
}

/**
 * Reorders each posting list longer than `max` so that its `max` strongest entries (ties: lower
 * row) come first; readers then stop after `max` entries. Short lists are left in row order.
 */
function truncatePostings(
  starts: Int32Array,
  rowsOut: Int32Array,
  weightsOut: Float32Array,
  max: number,
): void {
  for (let t = 0; t + 1 < starts.length; t++) {
    const start = starts[t] ?? 0;
    const end = starts[t + 1] ?? 0;
    if (end - start <= max) continue;
    const rows = rowsOut.slice(start, end);
    const weights = weightsOut.slice(start, end);
    const order = Array.from({ length: end - start }, (_, k) => k);
    order.sort((a, b) => (weights[b] ?? 0) - (weights[a] ?? 0) || (rows[a] ?? 0) - (rows[b] ?? 0));
    order.forEach((k, at) => {
      rowsOut[start + at] = rows[k] ?? 0;
      weightsOut[start + at] = weights[k] ?? 0;
    });
  }
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
