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
 * (1 + ln tf) · ln((N + 1) / df), tag weights ln((N + 1) / df) — so a tag on nearly every article
 * (手册页 on the docs corpus) weighs almost nothing. Each part is normalised over all of its
 * terms first, then scaled by √weight, so the dot product of two rows is
 * contentWeight · cos(text) + tagWeight · cos(tags).
 *
 * Order matters for the pruning: norms are taken before terms are dropped, so dropping a term
 * found in one article only (it cannot link two) changes no score, and top-K / very common term
 * pruning only removes small contributions instead of inflating the rest.
 */
export function buildTermVectors(
  articles: readonly { counts: TermCounts; tags: readonly string[] }[],
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

  const docs = articles.map(({ counts, tags }) => {
    const contentIds = counts.terms.map(idOf);
    const tagIds = [...new Set(tags)].map((tag) => idOf(TAG_PREFIX + tag));
    for (const id of contentIds) df[id] = (df[id] ?? 0) + 1;
    for (const id of tagIds) df[id] = (df[id] ?? 0) + 1;
    return { contentIds, counts: counts.counts, tagIds };
  });

  const n = articles.length;
  const idf = (id: number) => Math.log((n + 1) / (df[id] ?? 1));
  const kept = docs.map((doc) => {
    const content = doc.contentIds.map((id, i) => ({
      id,
      weight: (1 + Math.log(doc.counts[i] ?? 1)) * idf(id),
    }));
    const tags = doc.tagIds.map((id) => ({ id, weight: idf(id) }));
    const entries = [
      ...scaleAndKeepShared(content, Math.sqrt(options.contentWeight), df),
      ...scaleAndKeepShared(tags, Math.sqrt(options.tagWeight), df),
    ];
    entries.sort(
      (a, b) => b.weight - a.weight || compareStrings(vocabulary[a.id], vocabulary[b.id]),
    );
    return entries.slice(0, options.topTerms);
  });

  const postings = new Int32Array(vocabulary.length);
  for (const entries of kept) for (const { id } of entries) postings[id] = (postings[id] ?? 0) + 1;
  const cap = Math.max(options.minPostingsCap, Math.floor(options.maxPostingsRatio * n));

  return {
    vocabulary,
    rows: kept.map((entries) => {
      const useful = entries.filter(({ id }) => (postings[id] ?? 0) >= 2 && (postings[id] ?? 0) <= cap);
      return {
        terms: Int32Array.from(useful, (e) => e.id),
        weights: Float32Array.from(useful, (e) => e.weight),
      };
    }),
  };
}

/** Unit-normalises over every entry, then keeps those whose term is in two articles or more. */
function scaleAndKeepShared(
  entries: { id: number; weight: number }[],
  scale: number,
  df: readonly number[],
): { id: number; weight: number }[] {
  const norm = Math.sqrt(entries.reduce((sum, e) => sum + e.weight * e.weight, 0));
  if (norm === 0 || scale === 0) return [];
  return entries
    .filter((e) => (df[e.id] ?? 0) >= 2 && e.weight > 0)
    .map((e) => ({ id: e.id, weight: (e.weight / norm) * scale }));
}

function compareStrings(a: string | undefined, b: string | undefined): number {
  return (a ?? "") < (b ?? "") ? -1 : (a ?? "") > (b ?? "") ? 1 : 0;
}

/** Whether a vocabulary entry is a tag rather than a content term. */
export function isTagTerm(term: string): boolean {
  return term.startsWith(TAG_PREFIX);
}
