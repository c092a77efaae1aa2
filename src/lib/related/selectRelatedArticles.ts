import { buildTermVectors, type VectorOptions } from "./buildTermVectors.ts";
import { countArticleTerms } from "./countArticleTerms.ts";
import { explainMatches } from "./explainMatches.ts";
import { hashArticleText } from "./hashArticleText.ts";
import { rankByIndex } from "./rankByIndex.ts";
import type { RelatedPick, RelatedSource, SegmentWords, TermCounts } from "./types.ts";

/** Where term counts are kept between builds; see createTermCountCache. */
export interface TermCountStore {
  get(key: string): TermCounts | undefined;
  set(key: string, counts: TermCounts): void;
}

export interface RelatedOptions extends VectorOptions {
  /** Each term's index entry keeps only the articles that weigh it most (see rankByIndex). */
  postingsLimit: number;
  /** How many entries each article gets, pins included. */
  limit: number;
  /** Title terms count this many times. */
  titleWeight: number;
  /** How many shared terms the reason names. */
  reasonTerms: number;
  segmentWords: SegmentWords;
  /** Names the segmenter in cache keys, so switching segmenters cannot reuse stale counts. */
  segmenterName: string;
  cache?: TermCountStore;
}

/** The settings tuned on the docs corpus by `npm run eval:related` and `npm run bench:related`. */
export const RELATED_DEFAULTS = {
  titleWeight: 3,
  contentWeight: 0.99,
  tagWeight: 0.01,
  topTerms: 80,
  maxPostingsRatio: 0.1,
  postingsLimit: 100,
  minPostingsCap: 50,
  reasonTerms: 3,
} as const;

/**
 * The 相关文章 list of every article, computed once for the whole collection: the author's pins
 * first (in their order), then the most similar articles by text and tags. Only the articles
 * given can be picked — callers pass published articles only, so a draft is never recommended
 * and never receives a list. The result depends on content alone, never on input order.
 */
export function selectRelatedArticles(
  sources: readonly RelatedSource[],
  options: RelatedOptions,
): Map<string, RelatedPick[]> {
  const articles = [...sources].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const settings = `${options.segmenterName}/title×${options.titleWeight}/v4`;
  function* counted() {
    for (const article of articles) {
      const key = hashArticleText(article, settings);
      let counts = options.cache?.get(key);
      if (!counts) {
        counts = countArticleTerms(article, options.segmentWords, options.titleWeight);
        options.cache?.set(key, counts);
      }
      yield { counts, tags: article.tags };
    }
  }

  const vectors = buildTermVectors(counted(), options);
  const maxPins = Math.max(0, ...articles.map((a) => a.pinned?.length ?? 0));
  const ranked = rankByIndex(
    vectors,
    articles.map((a) => a.date.getTime()),
    options.limit + Math.min(maxPins, options.limit),
    options.postingsLimit,
  );
  const indexOf = new Map(articles.map((a, i) => [a.id, i]));

  const result = new Map<string, RelatedPick[]>();
  articles.forEach((article, i) => {
    const chosen: { index: number; pinned: boolean; score: number }[] = [];
    const taken = new Set<number>([i]);
    for (const id of article.pinned ?? []) {
      // A pin to an article that is not published (a draft in production) is skipped silently:
      // the publish rule has the last word. Unknown ids are rejected earlier (findUnknownPins).
      const index = indexOf.get(id);
      if (index === undefined || taken.has(index)) continue;
      taken.add(index);
      chosen.push({ index, pinned: true, score: 0 });
    }
    for (const { index, score } of ranked[i] ?? []) {
      if (taken.has(index)) continue;
      taken.add(index);
      chosen.push({ index, pinned: false, score });
    }
    const picks = chosen.slice(0, options.limit);
    const reasons = explainMatches(
      vectors,
      i,
      picks.map((pick) => pick.index),
      options.reasonTerms,
    );
    result.set(
      article.id,
      picks.map(({ index, pinned, score }, k) => ({
        id: articles[index]?.id ?? "",
        pinned,
        sharedTerms: reasons[k]?.sharedTerms ?? [],
        sharedTags: reasons[k]?.sharedTags ?? [],
        score,
      })),
    );
  });
  return result;
}
