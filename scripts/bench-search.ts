/**
 * What a reader's first search costs on a built site: bytes fetched from focusing the sidebar box
 * to the results (on the wire, served gzipped like a production host, and decoded) and the time,
 * per query, in fresh Chromium contexts (empty cache). Medians over --runs (default 5).
 *
 *   ARTICLES_DIR=/tmp/articles-10k OUT_DIR=$PWD/dist-10k npx astro build
 *   npm run bench:search -- dist-10k [--runs 5] [--page /articles/<id>/] [query …]
 *
 * --index DIR serves DIR/pagefind/ in place of the site's own index: the small fixture site's
 * pages and scripts over the search budget test's 10,000-article index, for instance
 * (npm run bench:search -- tests/.output/fixture-site --index tests/.output/search-budget/site).
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { launchChromium } from "../tests/support/browser.ts";
import { measureFirstQuery, type FirstQuery } from "../tests/support/firstQuery.ts";
import { median } from "../tests/support/median.ts";
import { serveStatic } from "../tests/support/serveStatic.ts";
import { FIRST_QUERY_SAMPLES } from "../tests/support/searchBudget.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: "string", default: "5" }, page: { type: "string" }, index: { type: "string" } },
});
const site = path.resolve(positionals[0] ?? "dist");
const queries = positionals.length > 1 ? positionals.slice(1) : FIRST_QUERY_SAMPLES;
const runs = Number(values.runs);
if (!existsSync(path.join(site, "pagefind/pagefind.js"))) throw new Error(`${site} has no search index`);
const articlePath = values.page ?? `/articles/${readdirSync(path.join(site, "articles")).sort()[0]}/`;

// KB = 1000 bytes, bytes the largest of the runs, times medians: as tests/e2e/searchBudget.test.ts reports them.
const kb = (bytes: number) => (bytes / 1000).toFixed(1);
const roots = values.index ? [path.resolve(values.index), site] : [site];
const server = await serveStatic(roots, { gzip: true });
const browser = await launchChromium();
try {
  console.log(
    `first query from ${articlePath} on ${roots.join(" over ")}, ${runs} fresh contexts each, gzip on\n`,
  );
  console.log(
    "query             wire KB   decoded KB  files  focus→results ms  input→results ms  search→results ms  top result",
  );
  const all: FirstQuery[][] = [];
  for (const query of queries) {
    const samples: FirstQuery[] = [];
    for (let run = 0; run < runs; run += 1) {
      samples.push(await measureFirstQuery(browser, server, { path: articlePath, query }));
    }
    all.push(samples);
    const first = samples[0]!;
    console.log(
      [
        query.padEnd(16 - [...query].filter((c) => c.charCodeAt(0) > 0x2e80).length),
        kb(Math.max(...samples.map((s) => s.wire))).padStart(8),
        kb(Math.max(...samples.map((s) => s.decoded))).padStart(11),
        String(first.files.length).padStart(6),
        `${median(samples.map((s) => s.focusToResultsMs)).toFixed(0)} (${samples.map((s) => s.focusToResultsMs.toFixed(0)).join(" ")})`.padStart(
          17,
        ),
        `${median(samples.map((s) => s.inputToResultsMs)).toFixed(0)}`.padStart(17),
        `${median(samples.map((s) => s.searchToResultsMs)).toFixed(0)}`.padStart(18),
        ` ${first.titles[0] ?? "(none)"}`,
      ].join(" "),
    );
  }
  console.log(
    "\nfiles fetched by the first run of each query (wire / decoded KB, requested–received after the focus):",
  );
  for (const [index, samples] of all.entries()) {
    const first = samples[0]!;
    console.log(
      `  ${queries[index]}: input at ${(first.focusToResultsMs - first.inputToResultsMs).toFixed(0)} ms, results at ${first.focusToResultsMs.toFixed(0)} ms after the focus`,
    );
    for (const file of samples[0]!.files) {
      console.log(
        `    ${kb(file.wire).padStart(7)} ${kb(file.decoded).padStart(7)}  ${file.start.toFixed(0).padStart(4)}–${file.end.toFixed(0).padEnd(4)} ms  ${file.path}`,
      );
    }
  }
} finally {
  await browser.close();
  await server.close();
}
