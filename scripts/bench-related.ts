// Benchmark of the 相关文章 engine alone (no Astro) at 1k, 10k and 100k articles made by
// ../shared/tools/make-corpus.mjs into /tmp (made once, reused). Each run is its own process, so
// peak memory (maxRSS) is that run's: cold (nothing cached: every article is segmented) and warm
// (term counts from the content-hash cache, as on a rebuild). The cache lives in a private
// temporary folder, so two benchmarks on one machine never share or delete each other's.
//
//   npm run bench:related                            1000 10000 100000, one cold+warm pair each
//   npm run bench:related -- 1000 10000 --runs 5     chosen sizes; 5 pairs each, then medians
//
// Engine CPU is the figure to compare on a shared machine: wall time also counts other processes.
import { execFileSync } from "node:child_process";
import { parseArgs } from "node:util";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createJiebaSegmenter } from "../src/lib/related/createJiebaSegmenter.ts";
import { createTermCountCache } from "../src/lib/related/createTermCountCache.ts";
import { RELATED_DEFAULTS, selectRelatedArticles } from "../src/lib/related/selectRelatedArticles.ts";
import { readArticleFiles } from "./related/readArticleFiles.ts";
import { median } from "../tests/support/median.ts";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const makeCorpus = path.join(root, "..", "shared", "tools", "make-corpus.mjs");
const corpusDir = (count: number) => `/tmp/related-corpus-${count}`;

interface Result {
  count: number;
  run: "cold" | "warm";
  readSeconds: number;
  engineSeconds: number;
  engineCpuSeconds: number;
  cacheHits: number;
  rssBeforeMiB: number;
  peakRssMiB: number;
  heapMiB: number;
  emptyLists: number;
}

const [mode] = process.argv.slice(2);
if (mode === "--run") {
  const [, count, run, cacheFile] = process.argv.slice(2);
  console.log(JSON.stringify(runOne(Number(count), run === "warm", cacheFile ?? "")));
} else {
  main();
}

function main(): void {
  const { values, positionals } = parseArgs({
    options: { runs: { type: "string", default: "1" } },
    allowPositionals: true,
  });
  const runs = Number(values.runs);
  const sizes = positionals.map(Number);
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), "related-bench-"));
  console.log(
    "articles  run   read s  engine s  engine CPU s  cache hits  RSS before MiB  peak RSS MiB  heap MiB",
  );
  try {
    for (const count of sizes.length > 0 ? sizes : [1000, 10000, 100000]) {
      if (!existsSync(corpusDir(count))) {
        execFileSync(process.execPath, [makeCorpus, "--count", String(count), "--out", corpusDir(count)], {
          stdio: "inherit",
        });
      }
      const results: Result[] = [];
      for (let i = 0; i < runs; i++) {
        const cacheFile = path.join(cacheDir, `terms-${count}.json`);
        rmSync(cacheFile, { force: true });
        for (const run of ["cold", "warm"]) {
          const output = execFileSync(
            process.execPath,
            [fileURLToPath(import.meta.url), "--run", String(count), run, cacheFile],
            { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
          );
          const result = JSON.parse(output) as Result;
          results.push(result);
          console.log(formatRow(result, ""));
        }
      }
      if (runs > 1) {
        for (const run of ["cold", "warm"] as const) {
          console.log(formatRow(medianOf(results.filter((r) => r.run === run)), `  median of ${runs}`));
        }
      }
    }
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

function runOne(count: number, warm: boolean, cacheFile: string): Result {
  const started = performance.now();
  const articles = readArticleFiles(corpusDir(count));
  const read = performance.now();
  const rssBefore = process.memoryUsage().rss;
  const cpuBefore = process.cpuUsage();
  const cache = createTermCountCache(cacheFile);
  const related = selectRelatedArticles(articles, {
    ...RELATED_DEFAULTS,
    limit: 5,
    segmentWords: createJiebaSegmenter(),
    segmenterName: "jieba",
    cache,
  });
  const engine = performance.now();
  const cpu = process.cpuUsage(cpuBefore);
  cache.save();
  const mib = (bytes: number) => bytes / 2 ** 20;
  return {
    count,
    run: warm ? "warm" : "cold",
    readSeconds: (read - started) / 1000,
    engineSeconds: (engine - read) / 1000,
    engineCpuSeconds: (cpu.user + cpu.system) / 1e6,
    cacheHits: cache.stats.hits,
    rssBeforeMiB: mib(rssBefore),
    peakRssMiB: mib(process.resourceUsage().maxRSS * 1024),
    heapMiB: mib(process.memoryUsage().heapUsed),
    emptyLists: [...related.values()].filter((list) => list.length === 0).length,
  };
}

/** Each figure's median on its own (the rows are not one run). */
function medianOf(results: Result[]): Result {
  const of = (pick: (r: Result) => number) => median(results.map(pick));
  const first = results[0] as Result;
  return {
    ...first,
    readSeconds: of((r) => r.readSeconds),
    engineSeconds: of((r) => r.engineSeconds),
    engineCpuSeconds: of((r) => r.engineCpuSeconds),
    rssBeforeMiB: of((r) => r.rssBeforeMiB),
    peakRssMiB: of((r) => r.peakRssMiB),
    heapMiB: of((r) => r.heapMiB),
  };
}

function formatRow(r: Result, note: string): string {
  return [
    String(r.count).padStart(8),
    r.run.padStart(5),
    r.readSeconds.toFixed(1).padStart(8),
    r.engineSeconds.toFixed(1).padStart(9),
    r.engineCpuSeconds.toFixed(1).padStart(13),
    String(r.cacheHits).padStart(11),
    r.rssBeforeMiB.toFixed(0).padStart(15),
    r.peakRssMiB.toFixed(0).padStart(13),
    r.heapMiB.toFixed(0).padStart(9),
    r.emptyLists > 0 ? `  (${r.emptyLists} articles got no list)` : "",
    note,
  ].join(" ");
}
