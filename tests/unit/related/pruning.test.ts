import { describe, expect, it } from "vitest";
import { buildTermVectors, type TermVectors } from "../../../src/lib/related/buildTermVectors.ts";
import { rankByIndex, ranksBefore, type Ranked } from "../../../src/lib/related/rankByIndex.ts";
import { RELATED_DEFAULTS } from "../../../src/lib/related/selectRelatedArticles.ts";
import type { TermCounts } from "../../../src/lib/related/types.ts";

// A small deterministic corpus: 40 articles of 8–30 distinct words drawn (skewed, so some words
// are common) from 60, with 0–2 of 5 tags.
function makeCorpus(): { counts: TermCounts; tags: string[] }[] {
  let state = 7;
  const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: 40 }, () => {
    const counts = new Map<string, number>();
    const size = 8 + Math.floor(random() * 22);
    for (let i = 0; i < size * 2; i++) {
      const word = `词${Math.floor(random() * random() * 60)}`;
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
    const terms = [...counts.keys()].sort();
    const tags = [
      ...new Set(Array.from({ length: Math.floor(random() * 3) }, () => `标签${Math.floor(random() * 5)}`)),
    ];
    return { counts: { terms, counts: terms.map((t) => counts.get(t) ?? 0) }, tags };
  });
}

/** All pairs, no index: the reference the pruned engine must match. */
function rankExhaustively(vectors: TermVectors, dates: number[], limit: number): Ranked[][] {
  const dense = vectors.rows.map((row) => {
    const map = new Map<number, number>();
    row.terms.forEach((term, k) => map.set(term, row.weights[k] ?? 0));
    return map;
  });
  return dense.map((a, i) =>
    dense
      .map((b, j) => ({
        index: j,
        score: [...a].reduce((sum, [term, w]) => sum + w * (b.get(term) ?? 0), 0),
      }))
      .filter((r) => r.index !== i && r.score > 0)
      .sort((x, y) => (ranksBefore(x, y, dates) ? -1 : ranksBefore(y, x, dates) ? 1 : 0))
      .slice(0, limit),
  );
}

/** Full TF-IDF cosine over every term, straight from the counts: what pruning approximates. */
function cosineFromCounts(corpus: { counts: TermCounts }[]): number[][] {
  const df = new Map<string, number>();
  for (const { counts } of corpus) for (const t of counts.terms) df.set(t, (df.get(t) ?? 0) + 1);
  const vectors = corpus.map(({ counts }) => {
    const v = new Map(
      counts.terms.map((t, i) => [
        t,
        (1 + Math.log(counts.counts[i] ?? 1)) * Math.log((corpus.length + 1) / (df.get(t) ?? 1)),
      ]),
    );
    const norm = Math.hypot(...v.values());
    return new Map([...v].map(([t, w]) => [t, w / norm]));
  });
  return vectors.map((a) => vectors.map((b) => [...a].reduce((sum, [t, w]) => sum + w * (b.get(t) ?? 0), 0)));
}

describe("pruning", () => {
  const corpus = makeCorpus();
  const dates = corpus.map((_, i) => Date.UTC(2025, 0, 1 + (i % 7)));

  it("the inverted index finds exactly what all-pairs scoring finds (site settings)", () => {
    const vectors = buildTermVectors(corpus, RELATED_DEFAULTS);
    const indexed = rankByIndex(vectors, dates, 5, RELATED_DEFAULTS.postingsLimit);
    const exhaustive = rankExhaustively(vectors, dates, 5);
    expect(indexed.map((list) => list.map((r) => r.index))).toEqual(
      exhaustive.map((list) => list.map((r) => r.index)),
    );
    indexed.flat().forEach((r, k) => expect(r.score).toBeCloseTo(exhaustive.flat()[k]?.score ?? 0, 6));
  });

  it("on a small corpus the pruned engine equals the full cosine over all terms", () => {
    const contentOnly = { ...RELATED_DEFAULTS, contentWeight: 1, tagWeight: 0 };
    const vectors = buildTermVectors(corpus, contentOnly);
    const indexed = rankByIndex(vectors, dates, 5, contentOnly.postingsLimit);
    const full = cosineFromCounts(corpus);
    indexed.forEach((list, i) => {
      const expected = (full[i] ?? [])
        .map((score, index) => ({ index, score }))
        .filter((r) => r.index !== i && r.score > 1e-12)
        .sort((x, y) => (ranksBefore(x, y, dates) ? -1 : ranksBefore(y, x, dates) ? 1 : 0))
        .slice(0, 5);
      expect(list.map((r) => r.index)).toEqual(expected.map((r) => r.index));
      list.forEach((r, k) => expect(r.score).toBeCloseTo(expected[k]?.score ?? 0, 5));
    });
  });

  it("with short posting lists it still gives every article candidates, at bounded cost", () => {
    const vectors = buildTermVectors(corpus, RELATED_DEFAULTS);
    const truncated = rankByIndex(vectors, dates, 5, 3);
    expect(truncated.every((list) => list.length > 0)).toBe(true);
  });
});
