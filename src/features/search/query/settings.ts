/**
 * Search tuning, shared by the client (../client), the index build (../build) and the evaluation
 * (scripts/eval-search.ts) so that the numbers measured are the numbers shipped.
 */
export const SEARCH = {
  /**
   * Pagefind ranking weights (https://pagefind.app/docs/ranking/), tuned with npm run eval:search
   * (MRR@5 0.922 → 0.939 on zh-docs). termSimilarity 3 (default 1): a page with the word as typed
   * beats one with only a longer word it begins (内核 over 内核模块).
   * pageLength 0.5 (default 0.75): a milder penalty for long pages, because here the answer is
   * often a long handbook chapter (引导加载器, 内核模块); 0.4–0.6 score the same.
   */
  ranking: { termSimilarity: 3, pageLength: 0.5 },
  /** How many top results are re-ordered by title match: as many as the dropdown shows, so it fetches nothing extra. */
  titleRerankDepth: 6,
  /** Milliseconds of quiet typing before a search runs. */
  debounceMs: 150,
  /** Results shown under a header or sidebar box. */
  dropdownSize: 6,
  /** Results per page on /search/. */
  pageSize: 10,
  /** How the index is built (build/pagefindIntegration.ts). */
  index: {
    /**
     * Insert the browser's word breaks (Intl.Segmenter) into Chinese text before Pagefind
     * indexes it. Pagefind 1.6 segments with ICU4X itself; docs/search.md has the measurement.
     */
    presegment: true,
    /**
     * Pagefind's index chunk size (PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE). The index is written in
     * parts and a query fetches one chunk per word from every part, so the chunks are smaller
     * than Pagefind's default; docs/search.md has the measurement.
     */
    chunkSize: 4000,
    /** Publication years per part of the index (build/pagefindIntegration.ts indexPartOf). */
    yearsPerPart: 3,
    /**
     * A span of years holding more searchable pages than this is indexed one year a part
     * (build/pagefindIntegration.ts assignParts): Pagefind's memory grows with a part's pages
     * (~320 KB a page: 4.7 GB at ~14,800, 13.2 GB with 44,000-page parts at 100,000 articles —
     * docs/performance.md). Below it nothing changes (10,000 articles: three parts of
     * 1,300–4,500 pages).
     */
    maxPagesPerPart: 12_000,
    /**
     * The sidebar dropdown opens the newest parts of the index that together hold at most this
     * many pages (always at least the newest part); the /search/ page opens them all. A reader's
     * first query fetches every opened part's page list (~11 bytes a page, gzipped), which alone
     * would pass 1 MB at 100,000 articles. Below this many articles nothing changes: every part
     * is opened. docs/search.md has the measurement.
     */
    dropdownPages: 20_000,
  },
  /** Query-string key that carries matched words to an article for highlighting (also in SearchBox.astro's inline loader). */
  highlightParam: "highlight",
} as const;
