/**
 * Issue 7, the reader-side search budget: on a 10,000-article site, a reader's first query
 * fetches at most `wireBytes` and answers in at most `answerMs` in Chromium
 * (tests/e2e/searchBudget.test.ts; npm run bench:search prints the same figures).
 */
export const SEARCH_BUDGET = {
  /** Bytes on the wire (gzip where a host would gzip), from focusing the box to the results: 300 KB, SI. */
  wireBytes: 300 * 1000,
  /** The search starting (after the box's debounce) → results on screen, median of the runs. */
  answerMs: 300,
} as const;

/** Queries a reader might type first, one of each kind the search handles. */
export const FIRST_QUERY_SAMPLES = [
  "防火墙",
  "如何配置防火墙",
  "ssh 密钥",
  "搜尋軟件包",
  "系统日志",
  "文件系统权限",
];
