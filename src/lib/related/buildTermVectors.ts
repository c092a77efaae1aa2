import type { TermCounts } from "./types.ts";

/** How the engine weighs and prunes; see RELATED_DEFAULTS for the values used on the site. */
export interface VectorOptions {
  /** Share of the score that comes from the text (cosine of TF-IDF vectors). */
  contentWeight: number;
  /** Share of the score that comes from shared tags (cosine of IDF-weighted tag vectors). */
  tagWeight: number;
  /** Each article keeps only its this many strongest terms for matching. */
  topTerms: number;
  /** A term kept by more than this share of the articles is dropped: it links everything. */
  maxPostingsRatio: number;
  /** …but never cut a term below this many articles (small collections). */
  minPostingsCap: number;
}

/** Sparse, pruned, weighted vectors: one row per article, strongest term first. */
export interface TermVectors {
  /** Term id → term; tags are stored as `#tag`. */
  vocabulary: string[];
  rows: { terms: Int32Array; weights: Float32Array }[];
}

const TAG_PREFIX = "#";

/**
 * Turns term counts and tags into the vectors the engine compares. Content weights are
 * (1 + ln tf) · ln((N + 1) / df), tag weights ln(N / df) — so a tag on every article weighs
 * nothing and one on most of them (手册页 on the docs corpus) almost nothing. Each part is normalised over all of its
 * terms first, then scaled by √weight, so the dot product of two rows is
 * contentWeight · cos(text) + tagWeight · cos(tags).
 *
 * Order matters for the pruning: norms are taken before terms are dropped, so dropping a term
 * found in one article only (it cannot link two) changes no score, and top-K / very common term
 * pruning only removes small contributions instead of inflating the rest.
 */
export function buildTermVectors(
  articles: Iterable<{ counts: TermCounts; tags: readonly string[] }>,
  options: VectorOptions,
): TermVectors {
  const vocabulary: string[] = [];
  const termIds = new Map<string, number>();
  const idOf = (term: string): number => {
    let id = termIds.get(term);
    if (id === undefined) {
      id = vocabulary.length;
      termIds.set(term, id);
      vocabulary.push(term);
    }
    return id;
  };

  // Interned as they arrive, so only one article's term strings are alive at a time: at 100k
  // articles the strings would not fit in memory all at once.
  const docs: { ids: Int32Array; counts: Float32Array; contentSize: number }[] = [];
  for (const { counts, tags } of articles) {
    const uniqueTags = new Set(tags);
    const contentSize = counts.terms.length;
    const ids = new Int32Array(contentSize + uniqueTags.size);
    for (let k = 0; k < contentSize; k++) ids[k] = idOf(counts.terms[k] ?? "");
    let k = contentSize;
    for (const tag of uniqueTags) ids[k++] = idOf(TAG_PREFIX + tag);
    docs.push({ ids, counts: Float32Array.from(counts.counts), contentSize });
  }

  const n = docs.length;
  const df = new Int32Array(vocabulary.length);
  for (const { ids } of docs) for (const id of ids) df[id] = (df[id] ?? 0) + 1;
  // Smoothed for terms, so two articles of a tiny site can still share one; plain for tags, so a
  // tag on every article weighs exactly nothing. Once per term, not once per occurrence.
  const idf = Float64Array.from(df, (count, id) =>
    isTagTerm(vocabulary[id] ?? "") ? Math.log(n / count) : Math.log((n + 1) / count),
  );

  let sorted = new Float64Array(64);
  const kept = docs.map(({ ids, counts, contentSize }) => {
    const size = ids.length;
    const weights = new Float64Array(size);
    let contentNorm = 0;
    let tagNorm = 0;
    for (let k = 0; k < size; k++) {
      const id = ids[k] ?? 0;
      const weight = k < contentSize ? (1 + Math.log(counts[k] ?? 1)) * (idf[id] ?? 0) : (idf[id] ?? 0);
      weights[k] = weight;
      if (k < contentSize) contentNorm += weight * weight;
      else tagNorm += weight * weight;
    }
    const contentScale = Math.sqrt(options.contentWeight / (contentNorm || 1));
    const tagScale = Math.sqrt(options.tagWeight / (tagNorm || 1));
    for (let k = 0; k < size; k++) {
      const shared = (df[ids[k] ?? 0] ?? 0) >= 2;
      weights[k] = shared ? (weights[k] ?? 0) * (k < contentSize ? contentScale : tagScale) : 0;
    }
    // The weight of the topTerms-th strongest term: only entries at least that strong are sorted
    // with the full comparison (a native numeric sort finds it much faster than sorting all).
    if (sorted.length < size) sorted = new Float64Array(2 * size);
    const ascending = sorted.subarray(0, size);
    ascending.set(weights);
    ascending.sort();
    const threshold = size >= options.topTerms ? (ascending[size - options.topTerms] ?? 0) : 0;
    const order: number[] = [];
    for (let k = 0; k < size; k++) {
      const weight = weights[k] ?? 0;
      if (weight > 0 && weight >= threshold) order.push(k);
    }
    order.sort(
      (a, b) =>
        (weights[b] ?? 0) - (weights[a] ?? 0) ||
        compareStrings(vocabulary[ids[a] ?? 0], vocabulary[ids[b] ?? 0]),
    );
    const top = Math.min(order.length, options.topTerms);
    const terms = new Int32Array(top);
    const topWeights = new Float32Array(top);
    for (let k = 0; k < top; k++) {
      terms[k] = ids[order[k] ?? 0] ?? 0;
      topWeights[k] = weights[order[k] ?? 0] ?? 0;
    }
    return { terms, weights: topWeights };
  });

  const postings = new Int32Array(vocabulary.length);
  for (const row of kept) for (const id of row.terms) postings[id] = (postings[id] ?? 0) + 1;
  const cap = Math.max(options.minPostingsCap, Math.floor(options.maxPostingsRatio * n));
  return {
    vocabulary,
    rows: kept.map(({ terms, weights }) => {
      let size = 0;
      for (let k = 0; k < terms.length; k++) {
        const count = postings[terms[k] ?? 0] ?? 0;
        if (count < 2 || count > cap) continue;
        terms[size] = terms[k] ?? 0;
        weights[size++] = weights[k] ?? 0;
      }
      return { terms: terms.slice(0, size), weights: weights.slice(0, size) };
    }),
  };
}

function compareStrings(a: string | undefined, b: string | undefined): number {
  return (a ?? "") < (b ?? "") ? -1 : (a ?? "") > (b ?? "") ? 1 : 0;
}

/** Whether a vocabulary entry is a tag rather than a content term. */
export function isTagTerm(term: string): boolean {
  return term.startsWith(TAG_PREFIX);
}
