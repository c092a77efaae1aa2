/**
 * How long a browser test waits for the page to get ready: a search to answer, a script to load,
 * a navigation to land. Generous on purpose: on a 2-core machine shared with other builds (load
 * average 4 and more), a search that answers in 50 ms alone took over a second, and a test that
 * fails because the machine was busy blocks every landing. A wait ends as soon as its condition
 * holds, so a generous limit costs nothing when the page is fast; speed is measured elsewhere
 * (searchBudget, lighthouse, `npm run bench`), never by these limits.
 */
export const READY_MS = 30_000;

/** Options for `expect.poll` in browser tests: the readiness limit, checked every 100 ms. */
export const POLL = { timeout: READY_MS, interval: 100 } as const;
