// Benchmark of the 相关文章 engine alone (no Astro) at 1k, 10k and 100k articles made by
// ../shared/tools/make-corpus.mjs into /tmp (made once, reused). Each size runs in its own
// process, so peak memory (maxRSS) is that size's: cold (nothing cached: every article is
// segmented) and warm (term counts from the content-hash cache, as on a rebuild).
//
//   npm run bench:related                 1000 10000 100000
//   npm run bench:related -- 1000 10000   chosen sizes
import { execFileSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createJiebaSegmenter } from "../src/lib/related/createJiebaSegmenter.ts";
import { createTermCountCache } from "../src/lib/related/createTermCountCache.ts";
import { RELATED_DEFAULTS, selectRelatedArticles } from "../src/lib/related/selectRelatedArticles.ts";
import { readArticleFiles } from "./related/readArticleFiles.ts";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const makeCorpus = path.join(root, "..", "shared", "tools", "make-corpus.mjs");
const corpusDir = (count: number) => `/tmp/related-corpus-${count}`;
const cacheFile = (count: number) => `/tmp/related-corpus-${count}.terms-cache.json`;

const [mode, arg] = process.argv.slice(2);
if (mode === "--run") {
  runOne(Number(arg), process.argv[4] === "warm");
} else {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  console.log("articles  run   read s  engine s  engine CPU s  cache hits  peak RSS MiB  heap MiB");
  for (const count of sizes.length > 0 ? sizes : [1000, 10000, 100000]) {
    if (!existsSync(corpusDir(count))) {
      execFileSync(process.execPath, [makeCorpus, "--count", String(count), "--out", corpusDir(count)], {
        stdio: "inherit",
      });
    }
    rmSync(cacheFile(count), { force: true });
    for (const run of ["cold", "warm"]) {
      execFileSync(process.execPath, [fileURLToPath(import.meta.url), "--run", String(count), run], {
        stdio: "inherit",
      });
    }
  }
}

function runOne(count: number, warm: boolean): void {
  const started = performance.now();
  const articles = readArticleFiles(corpusDir(count));
  const read = performance.now();
  // CPU time as well as wall time: on a shared machine the wall time also counts other processes.
  const cpuBefore = process.cpuUsage();
  const cache = createTermCountCache(cacheFile(count));
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
  const empty = [...related.values()].filter((list) => list.length === 0).length;
  const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
  console.log(
    [
      String(count).padStart(8),
      (warm ? "warm" : "cold").padStart(5),
      ((read - started) / 1000).toFixed(1).padStart(8),
      ((engine - read) / 1000).toFixed(1).padStart(9),
      ((cpu.user + cpu.system) / 1e6).toFixed(1).padStart(13),
      String(cache.stats.hits).padStart(11),
      mib(process.resourceUsage().maxRSS * 1024).padStart(13),
      mib(process.memoryUsage().heapUsed).padStart(9),
      empty > 0 ? `  (${empty} articles got no list)` : "",
    ].join(" "),
  );
}
