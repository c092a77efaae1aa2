// Relevance evaluation of the 相关文章 engine on the real Chinese corpus (../shared/corpus/zh-docs):
// mean precision@5 against hand-made judgements (scripts/eval/related-judgements.json), for
// tags only, content only and the site's blend, with each segmenter.
//
//   npm run eval:related             the table
//   npm run eval:related -- --pool   also lists unjudged picks, to extend the judgements
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createIntlSegmenter } from "../src/lib/related/createIntlSegmenter.ts";
import { createJiebaSegmenter } from "../src/lib/related/createJiebaSegmenter.ts";
import {
  RELATED_DEFAULTS,
  selectRelatedArticles,
  type TermCountStore,
} from "../src/lib/related/selectRelatedArticles.ts";
import type { SegmentWords, TermCounts } from "../src/lib/related/types.ts";
import { readArticleFiles } from "./related/readArticleFiles.ts";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const corpus = process.env["RELATED_CORPUS"] ?? path.join(root, "..", "shared", "corpus", "zh-docs");
const judgementsFile = path.join(root, "scripts", "eval", "related-judgements.json");
const K = 5;

interface Judgements {
  /** Seed article id → ids a reader would accept as related. */
  related: Record<string, string[]>;
}
const { related: judged } = JSON.parse(readFileSync(judgementsFile, "utf8")) as Judgements;
const articles = readArticleFiles(corpus);
const titles = new Map(articles.map((a) => [a.id, a.title]));
for (const [seed, ids] of Object.entries(judged)) {
  for (const id of [seed, ...ids]) if (!titles.has(id)) throw new Error(`judgements: unknown article ${id}`);
}

const segmenters: Record<string, SegmentWords> = {
  jieba: createJiebaSegmenter(),
  intl: createIntlSegmenter(),
};
// Segment once per segmenter for all variants: an in-memory stand-in for the disk cache.
const memory = (): TermCountStore => {
  const map = new Map<string, TermCounts>();
  return { get: (key) => map.get(key), set: (key, counts) => void map.set(key, counts) };
};
const caches = { jieba: memory(), intl: memory() };

// RELATED_TUNE='{"titleWeight":5}' tries other settings without editing the defaults.
const tune = JSON.parse(process.env["RELATED_TUNE"] ?? "{}") as Partial<typeof RELATED_DEFAULTS>;
const variants = [
  { name: "tags only", contentWeight: 0, tagWeight: 1 },
  { name: "content only", contentWeight: 1, tagWeight: 0 },
  {
    name: "blend (site)",
    contentWeight: tune.contentWeight ?? RELATED_DEFAULTS.contentWeight,
    tagWeight: tune.tagWeight ?? RELATED_DEFAULTS.tagWeight,
  },
];

const pool = new Map<string, Set<string>>();
console.log(
  `corpus: ${articles.length} articles; judged seeds: ${Object.keys(judged).length}; precision@${K}\n`,
);
// CPU time, not wall time (the machine is shared); the first variant of each segmenter includes
// segmenting the corpus, the others reuse its term counts.
console.log("segmenter  variant        mean P@5  worst (seed P@5)        CPU ms");
for (const [segmenterName, segmentWords] of Object.entries(segmenters)) {
  for (const variant of variants) {
    const started = process.cpuUsage();
    const lists = selectRelatedArticles(articles, {
      ...RELATED_DEFAULTS,
      ...tune,
      ...variant,
      limit: K,
      segmentWords,
      segmenterName,
      cache: caches[segmenterName as keyof typeof caches],
    });
    const used = process.cpuUsage(started);
    const ms = (used.user + used.system) / 1000;
    const precisions = Object.entries(judged).map(([seed, good]) => {
      const picks = (lists.get(seed) ?? []).map((p) => p.id);
      for (const id of picks) if (!good.includes(id)) pool.set(seed, (pool.get(seed) ?? new Set()).add(id));
      return { seed, p: picks.filter((id) => good.includes(id)).length / K };
    });
    const mean = precisions.reduce((sum, x) => sum + x.p, 0) / precisions.length;
    const worst = precisions.reduce((a, b) => (b.p < a.p ? b : a));
    console.log(
      `${segmenterName.padEnd(10)} ${variant.name.padEnd(14)} ${mean.toFixed(3).padStart(8)}  ${`${worst.seed} (${worst.p.toFixed(1)})`.padEnd(24)}${ms.toFixed(0).padStart(8)}`,
    );
    if (process.argv.includes("--detail") && variant.name.startsWith("blend")) {
      for (const { seed, p } of precisions) console.log(`    ${seed.padEnd(40)} ${p.toFixed(1)}`);
    }
  }
}

if (process.argv.includes("--pool")) {
  console.log("\nPicks not judged related (judge them and add the good ones):");
  for (const [seed, ids] of pool) {
    console.log(`${seed} ${titles.get(seed)}`);
    for (const id of ids) console.log(`    ${id} ${titles.get(id)}`);
  }
}
