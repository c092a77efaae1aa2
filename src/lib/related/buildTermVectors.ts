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
  const df: number[] = [];
  const idOf = (term: string): number => {
    let id = termIds.get(term);
    if (id === undefined) {
      id = vocabulary.length;
      termIds.set(term, id);
      vocabulary.push(term);
      df.push(0);
    }
    return id;
  };

  // Interned as they arrive, so only one article's term strings are alive at a time: at 100k
  // articles the strings would not fit in memory all at once.
  const docs: { contentIds: Int32Array; counts: Float32Array; tagIds: Int32Array }[] = [];
  for (const { counts, tags } of articles) {
    const contentIds = Int32Array.from(counts.terms, idOf);
    const tagIds = Int32Array.from(new Set(tags), (tag) => idOf(TAG_PREFIX + tag));
    for (const id of contentIds) df[id] = (df[id] ?? 0) + 1;
    for (const id of tagIds) df[id] = (df[id] ?? 0) + 1;
    docs.push({ contentIds, counts: Float32Array.from(counts.counts), tagIds });
  }

  const n = docs.length;
  // Smoothed for terms, so two articles of a tiny site can still share one; plain for tags, so a
  // tag on every article weighs exactly nothing.
  const idf = (id: number) => Math.log((n + 1) / (df[id] ?? 1));
  const tagIdf = (id: number) => Math.log(n / (df[id] ?? 1));
  const kept = docs.map((doc) => {
    const size = doc.contentIds.length + doc.tagIds.length;
    const ids = new Int32Array(size);
    const weights = new Float64Array(size);
    ids.set(doc.contentIds);
    ids.set(doc.tagIds, doc.contentIds.length);
    let contentNorm = 0;
    let tagNorm = 0;
    for (let k = 0; k < size; k++) {
      const id = ids[k] ?? 0;
      const isContent = k < doc.contentIds.length;
      const weight = isContent ? (1 + Math.log(doc.counts[k] ?? 1)) * idf(id) : tagIdf(id);
      weights[k] = weight;
      if (isContent) contentNorm += weight * weight;
      else tagNorm += weight * weight;
    }
    const contentScale = Math.sqrt(options.contentWeight / (contentNorm || 1));
    const tagScale = Math.sqrt(options.tagWeight / (tagNorm || 1));
    for (let k = 0; k < size; k++) {
      const shared = (df[ids[k] ?? 0] ?? 0) >= 2;
      weights[k] = shared ? (weights[k] ?? 0) * (k < doc.contentIds.length ? contentScale : tagScale) : 0;
    }
    // The weight of the topTerms-th strongest term: only entries at least that strong are sorted
    // with the full comparison (a native numeric sort finds it much faster than sorting all).
    const threshold = weights.slice().sort().reverse()[options.topTerms - 1] ?? 0;
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
    const top = order.slice(0, options.topTerms);
    return {
      terms: Int32Array.from(top, (k) => ids[k] ?? 0),
      weights: Float32Array.from(top, (k) => weights[k] ?? 0),
    };
  });

  const postings = new Int32Array(vocabulary.length);
  for (const row of kept) for (const id of row.terms) postings[id] = (postings[id] ?? 0) + 1;
  const cap = Math.max(options.minPostingsCap, Math.floor(options.maxPostingsRatio * n));
  const useful = (id: number) => (postings[id] ?? 0) >= 2 && (postings[id] ?? 0) <= cap;

  return {
    vocabulary,
    rows: kept.map(({ terms, weights }) => {
      const keep = Array.from(terms, useful);
      return { terms: terms.filter((_, k) => keep[k]), weights: weights.filter((_, k) => keep[k]) };
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
