import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchChromium } from "../support/browser.ts";
import { measureFirstQuery, type FirstQuery } from "../support/firstQuery.ts";
import { median } from "../support/median.ts";
import { fixtureSite } from "../support/paths.ts";
import { FIRST_QUERY_SAMPLES, SEARCH_BUDGET } from "../support/searchBudget.ts";
import { BUDGET_ARTICLES, ensureSearchBudgetSite, searchBudgetSite } from "../support/searchBudgetSite.ts";
import { serveStatic, type StaticServer } from "../support/serveStatic.ts";

// Issue 7: the first query on a 10,000-article site fetches ≤ 300 KB and answers in ≤ 300 ms
// (the target, reported for every query), failing the run above SEARCH_BUDGET.ceiling.
// The fixture site's pages and scripts are served over the 10,000-article index (its pagefind/
// layered in front), gzipped as a production host would, and each query is a reader's first:
// a fresh browser context, the sidebar box focused, the query typed at once.

/**
 * Runs per query. Bytes must hold on every run; time is the median of the runs, so that one
 * run slowed by another process on a loaded 2-core machine does not fail the test, while a
 * search that is slow every time does.
 */
const RUNS = 3;
const PAGE = "/articles/alpha-emphasis/";

let server: StaticServer | undefined;
let browser: Browser | undefined;
const measured = new Map<string, FirstQuery[]>();

beforeAll(async () => {
  const site = await ensureSearchBudgetSite();
  console.log(
    site.cached
      ? `search budget site: ${BUDGET_ARTICLES} articles, index reused (${site.seconds.toFixed(1)} s)`
      : `search budget site: ${BUDGET_ARTICLES} articles rendered in ${site.renderSeconds!.toFixed(0)} s, indexed in ${site.indexSeconds!.toFixed(0)} s (${site.seconds.toFixed(0)} s in all)`,
  );
  server = await serveStatic([searchBudgetSite, fixtureSite], { gzip: true });
  browser = await launchChromium();
  for (const query of FIRST_QUERY_SAMPLES) {
    const runs: FirstQuery[] = [];
    for (let run = 0; run < RUNS; run += 1)
      runs.push(await measureFirstQuery(browser, server, { path: PAGE, query }));
    measured.set(query, runs);
  }
  console.log(report());
  // Building the 10,000-article index from nothing takes 2–3 minutes on a 2-core machine, and
  // over ten when other builds share it (load 30): the timeout is for that machine.
}, 1_500_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const kb = (bytes: number) => (bytes / 1000).toFixed(1);
const { target, ceiling } = SEARCH_BUDGET;

/** "yes", or which half of the target the query misses. */
function meetsTarget(runs: FirstQuery[]): string {
  const misses = [
    Math.max(...runs.map((run) => run.wire)) > target.wireBytes ? "bytes" : "",
    median(runs.map((run) => run.searchToResultsMs)) > target.answerMs ? "time" : "",
  ].filter(Boolean);
  return misses.length === 0 ? "yes" : `no (${misses.join(", ")})`;
}

function report(): string {
  const rows = [...measured].map(([query, runs]) => {
    const cell = (of: (run: FirstQuery) => number) =>
      `${median(runs.map(of)).toFixed(0)} (${runs.map((run) => of(run).toFixed(0)).join(" ")})`;
    return [
      query,
      String(runs[0]!.files.length),
      kb(Math.max(...runs.map((run) => run.wire))),
      kb(Math.max(...runs.map((run) => run.decoded))),
      cell((run) => run.searchToResultsMs),
      cell((run) => run.inputToResultsMs),
      cell((run) => run.focusToResultsMs),
      meetsTarget(runs),
      runs[0]!.titles[0] ?? "(none)",
    ].join(" | ");
  });
  return [
    `first query on ${BUDGET_ARTICLES} articles, ${RUNS} fresh contexts each; KB = 1000 bytes, the largest run; ms = median (each run)`,
    `target: ≤ ${kb(target.wireBytes)} KB on the wire, search start → results ≤ ${target.answerMs} ms (reported); ` +
      `enforced ceiling: ${kb(ceiling.wireBytes)} KB, ${ceiling.answerMs} ms`,
    "query | files | wire KB | decoded KB | search start→results ms | input→results ms (with debounce) | focus→results ms | target met | top result",
    ...rows,
  ].join("\n");
}

describe(`a reader's first search on ${BUDGET_ARTICLES} articles`, () => {
  for (const query of FIRST_QUERY_SAMPLES) {
    it(`${query}: finds articles, within ${kb(ceiling.wireBytes)} KB and ${ceiling.answerMs} ms`, () => {
      const runs = measured.get(query)!;
      for (const run of runs) {
        expect(run.titles.length, "results shown").toBeGreaterThan(0);
        expect(run.searchToResultsMs, "the search start was seen").toBeGreaterThan(0);
        const files = run.files.map((file) => `${kb(file.wire)} KB ${file.path}`).join("\n");
        expect(run.wire, `bytes on the wire (KB = 1000 B):\n${files}`).toBeLessThanOrEqual(ceiling.wireBytes);
      }
      expect(
        median(runs.map((run) => run.searchToResultsMs)),
        "search start → results, median ms",
      ).toBeLessThanOrEqual(ceiling.answerMs);
    });
  }
});
