/**
 * Measures search quality and speed over a built site, in Chromium, with the Pagefind index and
 * the query processing the site ships.
 *
 *   ARTICLES_DIR=/work/shared/corpus/zh-docs OUT_DIR=/tmp/zh npx astro build
 *   npm run eval:search -- /tmp/zh            (default site: dist/)
 *   npm run eval:search -- /tmp/zh --no-latency '{"termSimilarity":2}'
 *   npm run eval:search -- /tmp/zh --no-latency --shipped   (the shipped stage only)
 *
 * Two query sets: eval-search.tuning.json, on which weights and lists may be tuned, and
 * eval-search.heldout.json, which nothing is ever tuned on (its numbers say whether the tuning
 * generalises). For each set and stage (each adds one change to the one before) prints
 * success@5 (share of queries with an accepted article in the top five) and MRR@5, by kind
 * (plain vs paraphrase), lists the queries the final stage misses, then times a first and later
 * queries and counts the bytes a first query fetches.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import { launchChromium } from "../tests/support/browser.ts";
import { median } from "../tests/support/median.ts";
import { serveStatic } from "../tests/support/serveStatic.ts";
import { normalizeQuery } from "../src/features/search/query/normalizeQuery.ts";
import { comparableTitle, parseSynonyms, type SynonymGroups } from "../src/features/search/query/synonyms.ts";
import { rerankByTitle } from "../src/features/search/query/rerankByTitle.ts";
import { stripWordBreaks } from "../src/features/search/query/segmentForIndex.ts";
import { searchWithFallback, type Scored } from "../src/features/search/query/searchWithFallback.ts";
import { toSimplified } from "../src/features/search/query/toSimplified.ts";
import { parseLexicon } from "../src/features/search/query/lexicon.ts";
import { expandQuery } from "../src/features/search/query/expandQuery.ts";
import { searchSlots } from "../src/features/search/query/searchSlots.ts";
import { SEARCH } from "../src/features/search/query/settings.ts";

interface Query {
  q: string;
  kind: string;
  accept: string[];
}

interface Stage {
  name: string;
  fold: boolean;
  dropQuestionWords: boolean;
  fallback: boolean;
  titleRerank?: boolean;
  /** Variant spellings folded and the editors' synonyms applied (query and title re-rank). */
  meaning?: boolean;
  /** Everyday words expanded with the readers' lexicon (expandQuery.ts, searchSlots.ts). */
  lexicon?: boolean;
  ranking: Record<string, unknown>;
}

const STAGES: Stage[] = [
  { name: "Pagefind defaults", fold: false, dropQuestionWords: false, fallback: false, ranking: {} },
  { name: "+ traditional→simplified", fold: true, dropQuestionWords: false, fallback: false, ranking: {} },
  { name: "+ drop question words", fold: true, dropQuestionWords: true, fallback: false, ranking: {} },
  { name: "+ any-word fallback", fold: true, dropQuestionWords: true, fallback: true, ranking: {} },
  { name: "+ ranking weights", fold: true, dropQuestionWords: true, fallback: true, ranking: SEARCH.ranking },
  {
    name: "+ title re-rank",
    fold: true,
    dropQuestionWords: true,
    fallback: true,
    titleRerank: true,
    ranking: SEARCH.ranking,
  },
  {
    name: "+ variants, synonyms",
    fold: true,
    dropQuestionWords: true,
    fallback: true,
    titleRerank: true,
    meaning: true,
    ranking: SEARCH.ranking,
  },
  {
    name: "+ readers' lexicon (shipped)",
    fold: true,
    dropQuestionWords: true,
    fallback: true,
    titleRerank: true,
    meaning: true,
    lexicon: true,
    ranking: SEARCH.ranking,
  },
];

const SYNONYMS: SynonymGroups = parseSynonyms(
  readFileSync(new URL("../content/synonyms.yaml", import.meta.url), "utf8"),
).groups;

const LEXICON_FILE = new URL("../content/lexicon.yaml", import.meta.url);
const parsedLexicon = parseLexicon(readFileSync(LEXICON_FILE, "utf8"));
if (parsedLexicon.problems.length > 0) {
  throw new Error(
    `content/lexicon.yaml has problems:\n${parsedLexicon.problems.map((p) => `  line ${p.line}: ${p.message}`).join("\n")}`,
  );
}
const LEXICON = parsedLexicon.lexicon;

const args = process.argv.slice(2);
/** Options that take a value (the next argument), so that value is not taken for the site. */
const VALUED = new Set(["--set", "--file", "--last"]);
const site = path.resolve(
  args.find(
    (arg, index) => !arg.startsWith("-") && !arg.startsWith("{") && !VALUED.has(args[index - 1] ?? ""),
  ) ?? "dist",
);
const latency = !args.includes("--no-latency");
// --shipped: only the shipped stage (a quick comparison of two indexes of the same site).
if (args.includes("--shipped")) STAGES.splice(0, STAGES.length - 1);
// --last 2: the last stages only (e.g. before and after the lexicon).
const last = Number(args[args.indexOf("--last") + 1]);
if (args.includes("--last") && last > 0) STAGES.splice(0, STAGES.length - last);
// Tuning aid: `npm run eval:search -- /tmp/zh '{"termSimilarity":2}'` adds a stage with those weights.
const trial = args.find((arg) => arg.startsWith("{"));
if (trial) {
  STAGES.push({
    ...STAGES.at(-1)!,
    name: "+ trial ranking",
    ranking: JSON.parse(trial) as Record<string, unknown>,
  });
}
if (!existsSync(path.join(site, "pagefind/pagefind.js"))) {
  throw new Error(`${site} has no pagefind/pagefind.js: build the site first (see the comment at the top).`);
}
const SETS = selectedSets(args).map(({ name, file }) => ({
  name,
  queries: (JSON.parse(readFileSync(file, "utf8")) as { queries: Query[] }).queries,
}));
const missing = SETS.flatMap((set) => set.queries).flatMap((query) =>
  query.accept.filter((id) => !existsSync(path.join(site, "articles", id, "index.html"))),
);
if (missing.length > 0) throw new Error(`accepted ids with no built article: ${missing.join(", ")}`);

const server = await serveStatic(site);
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.goto(`${server.url}/404.html`);
  const records: Record<string, unknown>[] = [];
  for (const { name, queries } of SETS) {
    let final: { query: Query; top: string[] }[] = [];
    const kinds = <T extends { query: Query }>(rows: T[]) => ({
      plain: rows.filter(({ query }) => query.kind !== "paraphrase"),
      paraphrase: rows.filter(({ query }) => query.kind === "paraphrase"),
    });
    const counts = kinds(queries.map((query) => ({ query })));
    console.log(
      `\n${name} set: ${queries.length} queries (${counts.plain.length} plain, ${counts.paraphrase.length} paraphrase) over ${site}`,
    );
    console.log("stage                            all s@5/MRR   plain s@5/MRR  paraphrase s@5/MRR");
    for (const stage of STAGES) {
      await initPagefind(page, stage.ranking);
      const rows = [];
      for (const query of queries) rows.push({ query, top: await topFive(page, query.q, stage) });
      const cell = (subset: { query: Query; top: string[] }[]) => {
        if (subset.length === 0) return "—".padEnd(13);
        const { success, mrr } = score(subset);
        return `${success.toFixed(3)} / ${mrr.toFixed(3)}`;
      };
      const { plain, paraphrase } = kinds(rows);
      console.log(`${stage.name.padEnd(32)} ${cell(rows)}   ${cell(plain)}  ${cell(paraphrase)}`);
      records.push({
        set: name,
        stage: stage.name,
        all: score(rows),
        plain: score(plain),
        paraphrase: score(paraphrase),
      });
      final = rows;
    }
    const misses = final.filter(({ query, top }) => rank(query, top) !== 1);
    console.log(`queries whose accepted article is not first in the shipped stage (${misses.length}):`);
    for (const { query, top } of misses) {
      console.log(
        `  [${query.kind}] ${query.q} → rank ${rank(query, top) || "—"}: ${top.join(", ") || "(nothing)"}`,
      );
    }
  }
  console.log(`\nrecords: ${JSON.stringify(records)}`);
  if (latency) await measureLatency(browser, server.url);
} finally {
  await browser.close();
  await server.close();
}

async function initPagefind(page: Page, ranking: Record<string, unknown>): Promise<void> {
  // A fresh page per stage: Pagefind applies later options() to its primary index only, so the
  // merged parts would keep the previous stage's ranking.
  await page.reload();
  await page.evaluate(async (weights) => {
    const w = window as unknown as { pf?: PagefindApi; results: Map<string, PagefindResult> };
    const url = "/pagefind/pagefind.js";
    w.results = new Map();
    w.pf = (await import(url)) as PagefindApi;
    // The index's parts, newest first, opened as src/features/search/client/openIndex.ts does
    // (this runs inside the page, which cannot import the site's modules).
    const { parts } = (await (await fetch("/pagefind/parts.json")).json()) as { parts: string[] };
    await w.pf.options({ ranking: weights, basePath: `/pagefind/${parts[0]}/` });
    await w.pf.init();
    for (const part of parts.slice(1)) await w.pf.mergeIndex(`/pagefind/${part}/`, { ranking: weights });
  }, ranking);
}

async function topFive(page: Page, raw: string, stage: Stage): Promise<string[]> {
  const fold = {
    ...(stage.fold ? { fold: toSimplified } : {}),
    variants: stage.meaning === true,
    synonyms: stage.meaning ? SYNONYMS : [],
  };
  const query = normalizeQuery(raw, { dropQuestionWords: stage.dropQuestionWords, ...fold });
  const search = (term: string) =>
    page.evaluate(async (t) => {
      const w = window as unknown as { pf: PagefindApi; results: Map<string, PagefindResult> };
      const found = await w.pf.search(t);
      for (const r of found.results) w.results.set(r.id, r);
      return found.results.map((r): Scored => ({ id: r.id, score: r.score }));
    }, term);
  const expansion = stage.lexicon ? expandQuery(query, LEXICON, fold.synonyms) : undefined;
  const results = expansion?.expanded
    ? (await searchSlots(expansion.slots, search)).results
    : stage.fallback
      ? (await searchWithFallback(query, search)).results
      : await search(query);
  const depth = stage.titleRerank ? SEARCH.titleRerankDepth : 5;
  const ids = results.slice(0, depth).map((r) => r.id);
  const loaded = await page.evaluate(async (wanted) => {
    const w = window as unknown as { results: Map<string, PagefindResult> };
    return Promise.all(
      wanted.map(
        async (id) => (await w.results.get(id)!.data()) as { url: string; meta: { title?: string } },
      ),
    );
  }, ids);
  const ordered = stage.titleRerank
    ? rerankByTitle(
        loaded,
        (data) => comparableTitle(stripWordBreaks(data.meta.title ?? ""), fold.synonyms),
        {
          searched: query,
          typed: normalizeQuery(raw, { dropQuestionWords: false, ...fold }),
          ...(expansion?.expanded ? { slots: expansion.slots.map((slot) => slot.alternatives) } : {}),
        },
      )
    : loaded;
  return ordered.slice(0, 5).map((data) => decodeURIComponent(data.url).replace(/^\/articles\/|\/$/g, ""));
}

function rank(query: Query, top: readonly string[]): number {
  return top.findIndex((id) => query.accept.includes(id)) + 1;
}

function score(rows: { query: Query; top: string[] }[]): { success: number; mrr: number } {
  if (rows.length === 0) return { success: 0, mrr: 0 };
  const ranks = rows.map(({ query, top }) => rank(query, top));
  return {
    success: ranks.filter((r) => r > 0).length / rows.length,
    mrr: ranks.reduce((sum, r) => sum + (r > 0 ? 1 / r : 0), 0) / rows.length,
  };
}

/**
 * Latency through the shipped UI: the sidebar box of an article page in a fresh browser (nothing
 * cached). A search's time runs from the moment it starts (the status says 正在搜索…, i.e. after
 * the debounce) to its results being on screen; the first one also includes loading the search
 * bundle and Pagefind, which begins when the box gets focus.
 */
async function measureLatency(
  browser: Awaited<ReturnType<typeof launchChromium>>,
  origin: string,
): Promise<void> {
  // Three fresh browsers; the machine is shared, so one run can be unlucky.
  const runs = [];
  for (let run = 0; run < 3; run += 1) runs.push(await measureOnce(browser, origin));
  const later = runs.flatMap((run) => run.later);
  const { bytes, files, gzipped } = runs[0]!;
  console.log(
    `\nlatency through the sidebar box (Chromium, localhost, no cache; 3 fresh browsers):` +
      `\n  first query, search start → results: ${runs.map((r) => r.first.toFixed(0)).join(", ")} ms (median ${median(runs.map((r) => r.first)).toFixed(0)})` +
      `\n  first query, focusing the box → results (includes the ${SEARCH.debounceMs} ms debounce): ${runs.map((r) => r.fromFocus.toFixed(0)).join(", ")} ms` +
      `\n  later queries: median ${median(later).toFixed(0)} ms, max ${Math.max(...later).toFixed(0)} ms over ${later.length}` +
      `\n  fetched for the first query: ${(bytes / 1024).toFixed(0)} KiB uncompressed in ${files} files, ${(gzipped / 1024).toFixed(0)} KiB gzipped`,
  );
}

async function measureOnce(
  browser: Awaited<ReturnType<typeof launchChromium>>,
  origin: string,
): Promise<{
  first: number;
  fromFocus: number;
  later: number[];
  bytes: number;
  files: number;
  gzipped: number;
}> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${origin}/articles/handbook-apt/`);
  await page.waitForLoadState("networkidle");
  let bytes = 0;
  const files: string[] = [];
  page.on("requestfinished", (request) => {
    files.push(new URL(request.url()).pathname);
    void request.sizes().then((sizes) => (bytes += sizes.responseBodySize));
  });
  await page.evaluate(() => {
    const w = window as unknown as { searchTimes: { loading?: number; done?: number }[] };
    w.searchTimes = [];
    new MutationObserver(() => {
      const status = document.querySelector(".search-popup__status")?.textContent ?? "";
      const current = w.searchTimes.at(-1);
      if (status === "正在搜索…") {
        if (!current || current.done !== undefined) w.searchTimes.push({ loading: performance.now() });
      } else if (status !== "" && current && current.done === undefined) {
        current.done = performance.now();
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  const box = page.locator("#sidebar-search");
  const focusedAt = await page.evaluate(() => performance.now());
  await box.focus();
  const search = async (query: string) => {
    const before = await page.evaluate(
      () => (window as unknown as { searchTimes: unknown[] }).searchTimes.length,
    );
    await box.fill(query);
    await page.waitForFunction((n) => {
      const times = (window as unknown as { searchTimes: { done?: number }[] }).searchTimes;
      return times.length > n && times.at(-1)!.done !== undefined;
    }, before);
    return page.evaluate(() =>
      (window as unknown as { searchTimes: { loading: number; done: number }[] }).searchTimes.at(-1)!,
    );
  };
  const first = await search("防火墙");
  await page.waitForTimeout(300);
  const firstBytes = bytes;
  const firstFiles = files.length;
  // What a static host with gzip would send for the same files.
  const gzipped = files.reduce((sum, file) => {
    const onDisk = path.join(site, decodeURIComponent(file));
    return existsSync(onDisk) && !file.endsWith("/") ? sum + gzipSync(readFileSync(onDisk)).length : sum;
  }, 0);
  const later = [];
  for (const q of [
    "ssh 密钥",
    "編譯內核",
    "如何备份系统",
    "语言环境",
    "虚拟化",
    "git 命令",
    "查找文件",
    "升级",
  ]) {
    const time = await search(q);
    later.push(time.done - time.loading);
  }
  await context.close();
  return {
    first: first.done - first.loading,
    fromFocus: first.done - focusedAt,
    later,
    bytes: firstBytes,
    files: firstFiles,
    gzipped,
  };
}

interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<{ url: string }>;
}
interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(path: string, options?: Record<string, unknown>): Promise<void>;
  search(term: string): Promise<{ results: PagefindResult[] }>;
}

/**
 * The query sets to run: both repository sets by default; `--set tuning` or `--set heldout` one of
 * them; `--file <path>` (repeatable) a set kept elsewhere, in the same JSON shape
 * ({ "queries": [{ "q", "kind", "accept" }] }), e.g. a sealed held-out set. A set that is not
 * selected is never read.
 */
function selectedSets(argv: readonly string[]): { name: string; file: string }[] {
  const valuesOf = (option: string) =>
    argv.flatMap((arg, index) => (arg === option ? [argv[index + 1] ?? ""] : []));
  const names = valuesOf("--set");
  const files = valuesOf("--file");
  for (const name of names) {
    if (name !== "tuning" && name !== "heldout")
      throw new Error(`--set takes tuning or heldout, not "${name}"`);
  }
  for (const file of files) {
    if (file === "" || !existsSync(file)) throw new Error(`--file: no such query set "${file}"`);
  }
  const repository = (names.length === 0 && files.length === 0 ? ["tuning", "heldout"] : names).map(
    (name) => ({
      name,
      file: fileURLToPath(new URL(`./eval-search.${name}.json`, import.meta.url)),
    }),
  );
  return [
    ...repository,
    ...files.map((file) => ({ name: path.basename(file, ".json"), file: path.resolve(file) })),
  ];
}
