/**
 * Search tuning, shared by the client (src/scripts/search*.ts) and the evaluation
 * (scripts/eval-search.ts) so that the numbers measured are the numbers shipped.
 */
export const SEARCH = {
  /** Pagefind ranking weights; see https://pagefind.app/docs/ranking/. Tuned with npm run eval:search. */
  ranking: {},
  /** Milliseconds of quiet typing before a search runs. */
  debounceMs: 150,
  /** Results shown under a header or sidebar box. */
  dropdownSize: 6,
  /** Results per page on /search/. */
  pageSize: 10,
  /** Query-string key that carries matched words to an article for highlighting. */
  highlightParam: "highlight",
} as const;
