import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readFile, readdir, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import * as pagefind from "pagefind";
import { BUILD_CACHES } from "../../../lib/buildCaches.ts";
import type { IndexParts } from "../client/openIndex.ts";
import { linkOrCopy } from "../../../lib/linkOrCopy.ts";
import { SEARCH } from "../query/settings.ts";
import { parseLexicon } from "../query/lexicon.ts";
import { parseSynonyms, type SynonymGroups } from "../query/synonyms.ts";
import { prepareSearchPage } from "./prepareSearchPage.ts";
import { searchablePart } from "./searchablePart.ts";

/** The editors' synonym list, relative to the project root (documented in README.md). */
export const SYNONYMS_FILE = "content/synonyms.yaml";
export const LEXICON_FILE = "content/lexicon.yaml";

export interface PagefindOptions {
  /** The site's BCP 47 language (SITE.lang). Must be Chinese: Pagefind segments only `zh*`. */
  lang: string;
}

/**
 * Builds the Pagefind search index into `<outDir>/pagefind/` once Astro has written the site.
 * Which parts of a page are indexed is decided by the `data-pagefind-*` attributes in the
 * layouts (only the article body and title); this hook prepares those parts, reuses the index
 * from `.cache/search/` when they are the same as in an earlier build, and otherwise runs the
 * indexer, failing the build with Pagefind's own message on anything it reports.
 */
export function pagefindIntegration({ lang }: PagefindOptions): AstroIntegration {
  let root = process.cwd();
  return {
    name: "site:pagefind",
    hooks: {
      "astro:config:done": ({ config }) => {
        root = fileURLToPath(config.root);
      },
      "astro:build:done": async ({ dir, logger }) => {
        const stats = await buildSearchIndex({
          siteDir: fileURLToPath(dir),
          lang,
          root,
          cacheDir: path.join(root, BUILD_CACHES.search),
        });
        logger.info(
          `${stats.indexed} of ${stats.pages} pages in ${stats.parts} parts, ${stats.partsBuilt} indexed and ${stats.parts - stats.partsBuilt} reused, ` +
            `in ${stats.seconds.toFixed(1)} s (preparing ${stats.prepareSeconds.toFixed(1)} s): ${stats.files} files, ${(stats.bytes / 1024).toFixed(0)} KiB in ${stats.outputPath}`,
        );
      },
    },
  };
}

export interface SearchIndexOptions {
  /** A folder of built HTML pages; the index is written to its `pagefind/` subfolder. */
  siteDir: string;
  /** The site's BCP 47 language (SITE.lang); must be Chinese. */
  lang: string;
  /** The project root: where content/synonyms.yaml and node_modules/pagefind are. */
  root: string;
  /**
   * Where finished indexes are kept between builds (BUILD_CACHES.search). Without it the index
   * is always built.
   */
  cacheDir?: string;
  /** Pre-segment Chinese for Pagefind (default SEARCH.index.presegment; see docs/search.md). */
  presegment?: boolean;
  /** Pages a span of years may hold before it is split into years (default SEARCH.index.maxPagesPerPart; assignParts). */
  maxPagesPerPart?: number;
}

export interface SearchIndexStats {
  /** Pages searchable (with data-pagefind-body). */
  indexed: number;
  /** HTML pages looked at. */
  pages: number;
  /** Parts (publication years) the index is written in. */
  parts: number;
  /** Of those, parts Pagefind ran for; the others were copied from the cache. */
  partsBuilt: number;
  /** True when every part was copied from the cache. */
  reused: boolean;
  seconds: number;
  /** Of seconds: reading the pages and preparing what Pagefind reads. */
  prepareSeconds: number;
  /** Of seconds: running Pagefind over the parts that changed and copying the others. */
  indexSeconds: number;
  /** Files and bytes written under outputPath. */
  files: number;
  bytes: number;
  outputPath: string;
  /** A hash of every input of the index (of the parts' cache keys). */
  key: string;
}

/**
 * Indexes every HTML page of a folder for search, exactly as the build does (the build calls
 * this on its output; the search budget test calls it on pages it renders cheaply). Throws with
 * Pagefind's message on any error it reports.
 *
 * The index is written in parts, one per span of publication years (the page's `year` filter;
 * indexPartOf), or one per year for a span holding more than maxPagesPerPart pages (assignParts),
 * each a complete Pagefind bundle in `pagefind/<years>/` (`pagefind/2022-2024/`, `pagefind/2025/`),
 * listed newest first in `pagefind/parts.json`;
 * the browser opens the newest and merges the others (`client/openIndex.ts`). Each part is a pure
 * function of its pages (their URLs and searchable parts), Pagefind's version and its settings, so
 * it is cached under a hash of exactly those: a build copies every part whose pages did not
 * change (identical bytes, identical file names) and runs Pagefind only over the years that
 * changed — a new article re-indexes its years' part, not the archive. Pagefind cannot update an index
 * (pagefind#71); docs/search.md has the measurements behind the split.
 */
export async function buildSearchIndex(options: SearchIndexOptions): Promise<SearchIndexStats> {
  const {
    siteDir,
    lang,
    root,
    cacheDir,
    presegment = SEARCH.index.presegment,
    maxPagesPerPart = SEARCH.index.maxPagesPerPart,
  } = options;
  // Pagefind runs its Chinese segmenter only for pages it believes are Chinese. Forcing the
  // language makes that independent of each page's <html lang>, and the check keeps a config
  // change from silently turning the index into one long unsegmented token per sentence.
  const language = lang.toLowerCase();
  if (!language.startsWith("zh")) {
    throw new Error(`pagefind: SITE.lang is "${lang}"; the search index is tuned for Chinese (zh*).`);
  }
  const started = performance.now();
  const outputPath = path.join(siteDir, "pagefind");
  const synonyms = await loadSynonyms(root);
  // The lexicon is used only by the query side (it ships in the search bundle), but a broken one
  // fails the build here, with its line, rather than being ignored in the browser.
  await checkLexicon(root);

  // Only pages that mark a data-pagefind-body are searchable at all; of those only the
  // <article> is handed over (searchablePart.ts), with the words synonyms add (prepareSearchPage.ts).
  // This first pass keeps only each page's year and a digest of its searchable part, never the
  // part itself: at 100,000 articles the parts are gigabytes of strings. A part of the index
  // that has to be built reads its pages again (writeIndex).
  const files = (await htmlFiles(siteDir)).filter((file) => !file.startsWith(`pagefind${path.sep}`));
  const searchablePage = async (file: string) =>
    searchablePart(await readFile(path.join(siteDir, file), "utf8"), language);
  const byYear = new Map<string, Map<string, string>>();
  for (let start = 0; start < files.length; start += BATCH) {
    await Promise.all(
      files.slice(start, start + BATCH).map(async (file) => {
        const part = await searchablePage(file);
        if (part === undefined) return;
        const year = yearOf(part);
        if (!byYear.has(year)) byYear.set(year, new Map());
        byYear.get(year)!.set(file, createHash("sha256").update(part).digest("base64url"));
      }),
    );
  }
  if (byYear.size === 0) throw new Error(`pagefind: no pages with data-pagefind-body found in ${siteDir}`);
  const partOfYear = assignParts(new Map([...byYear].map(([year, pages]) => [year, pages.size])), {
    maxPagesPerPart,
  });
  const parts = new Map<string, Map<string, string>>();
  for (const [year, pages] of byYear) {
    const name = partOfYear.get(year)!;
    if (!parts.has(name)) parts.set(name, new Map());
    for (const [file, digest] of pages) parts.get(name)!.set(file, digest);
  }
  let prepareSeconds = (performance.now() - started) / 1000;
  // A part's pages are prepared (synonyms, segmentation: most of the work before Pagefind) only
  // when the part is indexed; its key covers what preparing depends on instead (indexKey).
  const prepare = async (file: string): Promise<string> => {
    const page = await searchablePage(file);
    if (page === undefined) throw new Error(`pagefind: ${file} lost its data-pagefind-body while indexing`);
    return prepareSearchPage(page, { synonyms, presegment });
  };

  // Newest first (pages without a year last): the browser opens the first part, merges the rest.
  const names = [...parts.keys()].sort(newestFirst);
  const settings = { language, root, chunkSize: indexChunkSize(), presegment };
  const keys = new Map<string, string>();
  for (const name of names) keys.set(name, await indexKey(parts.get(name)!, settings));
  await rm(outputPath, { recursive: true, force: true });
  let built = 0;
  const indexSeconds = performance.now();
  try {
    for (const name of names) {
      const pages = [...parts.get(name)!.keys()].sort();
      const key = keys.get(name)!;
      const target = path.join(outputPath, name);
      if (cacheDir === undefined) {
        prepareSeconds += await writeIndex(pages, prepare, target, {
          ...settings,
          cacheDir: outputPath,
          key,
        });
        await rm(path.join(target, MANIFEST));
        built += 1;
        continue;
      }
      const cached = path.join(cacheDir, "index", key);
      if (!(await verifiedIndex(cached))) {
        await rm(cached, { recursive: true, force: true });
        prepareSeconds += await writeIndex(pages, prepare, cached, { ...settings, cacheDir, key });
        built += 1;
      }
      await linkTree(cached, target);
    }
  } finally {
    await pagefind.close();
  }
  const indexedSeconds = (performance.now() - indexSeconds) / 1000;
  // The loader and the highlighter are the same in every part; /pagefind/pagefind.js and
  // /pagefind/pagefind-highlight.js are what pages import (SearchBox.astro, searchEngine.ts).
  for (const file of SHARED_FILES)
    await cp(path.join(outputPath, names[0]!, file), path.join(outputPath, file));
  await writeFile(
    path.join(outputPath, PARTS_FILE),
    `${JSON.stringify({
      parts: names,
      years: [...byYear.keys()].filter((year) => year !== OTHER).sort(newestFirst),
      pages: names.map((name) => parts.get(name)!.size),
    } satisfies IndexParts)}\n`,
  );
  if (cacheDir !== undefined) await pruneIndexes(path.join(cacheDir, "index"), new Set(keys.values()));

  let indexed = 0;
  for (const name of names) indexed += await indexedPageCount(path.join(outputPath, name));
  return {
    indexed,
    pages: files.length,
    parts: names.length,
    partsBuilt: built,
    reused: built === 0,
    seconds: (performance.now() - started) / 1000,
    prepareSeconds,
    indexSeconds: indexedSeconds,
    ...(await directorySize(outputPath)),
    outputPath,
    key: createHash("sha256")
      .update(JSON.stringify([...keys]))
      .digest("hex")
      .slice(0, 32),
  };
}

/**
 * `pagefind/parts.json` (its shape, IndexParts, is defined where it is read: client/openIndex.ts):
 * the index's parts, newest first, every publication year they hold, and each part's number of
 * pages (the dropdown opens only the newest parts on a large site: SEARCH.index.dropdownPages).
 */
export const PARTS_FILE = "parts.json";
/** Files every part has alike, also copied to `pagefind/` itself for the pages that import them. */
const SHARED_FILES = ["pagefind.js", "pagefind-highlight.js"];

/** A prepared page's publication year, from its `year` filter (searchAttributes.ts), or "other". */
export function yearOf(page: string): string {
  return /\bdata-year="(\d{4})"/.exec(page)?.[1] ?? OTHER;
}
const OTHER = "other";

/**
 * The part of the index a year's articles go to: the span of SEARCH.index.yearsPerPart years it
 * falls in, counted from year 0 (with 3: 2019–2021, 2022–2024, 2025–2027), so a part depends on
 * the year alone — a new year never moves articles between parts. One part per year would make
 * an edit cheaper but every first query dearer: a query fetches metadata and one chunk per word
 * from every part (docs/search.md). A page without a year goes to "other".
 */
export function indexPartOf(year: string, yearsPerPart: number = SEARCH.index.yearsPerPart): string {
  if (!/^\d{4}$/.test(year)) return OTHER;
  if (yearsPerPart === 1) return year;
  const first = Math.floor(Number(year) / yearsPerPart) * yearsPerPart;
  return `${first}-${first + yearsPerPart - 1}`;
}

/**
 * Which part of the index each publication year goes to, given how many searchable pages each
 * year has: the span of years indexPartOf gives it, unless that span holds more than
 * SEARCH.index.maxPagesPerPart pages — then each of its years is a part of its own. Pagefind
 * holds a part's whole index in memory while writing it (~320 KB a page at 100,000 articles), so a
 * part's size is what bounds the build's memory on a large archive; a small site keeps few parts,
 * which a reader's first query fetches less from. A span is split only when it grows past the
 * limit (one re-index of its years, then cached as before).
 */
export function assignParts(
  pagesPerYear: ReadonlyMap<string, number>,
  {
    yearsPerPart = SEARCH.index.yearsPerPart,
    maxPagesPerPart = SEARCH.index.maxPagesPerPart,
  }: { yearsPerPart?: number; maxPagesPerPart?: number } = {},
): Map<string, string> {
  const spanPages = new Map<string, number>();
  for (const [year, pages] of pagesPerYear) {
    const span = indexPartOf(year, yearsPerPart);
    spanPages.set(span, (spanPages.get(span) ?? 0) + pages);
  }
  return new Map(
    [...pagesPerYear.keys()].map((year) => {
      const span = indexPartOf(year, yearsPerPart);
      return [year, span !== OTHER && spanPages.get(span)! > maxPagesPerPart ? indexPartOf(year, 1) : span];
    }),
  );
}

/** Newest first, pages without a year last. Parts never overlap, so their names sort as their years. */
function newestFirst(a: string, b: string): number {
  return Number(a === OTHER) - Number(b === OTHER) || b.localeCompare(a);
}

/**
 * Pagefind's index chunk size (PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE; SEARCH.index.chunkSize unless
 * the environment sets one). A query fetches one chunk per word from every part, so the parts
 * use smaller chunks than Pagefind's default (docs/search.md).
 */
function indexChunkSize(): string {
  return process.env[CHUNK_SIZE_ENV] ?? String(SEARCH.index.chunkSize);
}
const CHUNK_SIZE_ENV = "PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE";

const BATCH = 64;
/** Written last into a cached index: its key and the SHA-256 of every file, checked before reuse. */
const MANIFEST = ".manifest.json";
/**
 * Finished parts kept in the cache besides the current ones: enough for the test fixtures, a few
 * branches and the previous version of the parts that changed.
 */
const KEEP_INDEXES = 24;

async function loadSynonyms(root: string): Promise<SynonymGroups> {
  const file = path.join(root, SYNONYMS_FILE);
  if (!existsSync(file)) return [];
  const { groups, problems } = parseSynonyms(await readFile(file, "utf8"));
  if (problems.length > 0) {
    throw new Error(
      `${SYNONYMS_FILE} has problems:\n${problems.map((p) => `${SYNONYMS_FILE}:${p.line}: synonyms: ${p.message}`).join("\n")}`,
    );
  }
  return groups;
}

async function checkLexicon(root: string): Promise<void> {
  const file = path.join(root, LEXICON_FILE);
  if (!existsSync(file)) return;
  const { problems } = parseLexicon(await readFile(file, "utf8"));
  if (problems.length > 0) {
    throw new Error(
      `${LEXICON_FILE} has problems:\n${problems.map((p) => `${LEXICON_FILE}:${p.line}: lexicon: ${p.message}`).join("\n")}`,
    );
  }
}

/**
 * A hash of everything a part of the index is made from: its pages' searchable parts (URL and
 * a digest of the bytes), everything preparing them depends on (the synonym list,
 * pre-segmentation, the code of build/ and query/), Pagefind's version and settings. Keyed on
 * the pages before preparing, so an unchanged part is reused without preparing its pages at all.
 */
async function indexKey(
  /** Each page's file and the digest of its searchable part. */
  pages: ReadonlyMap<string, string>,
  {
    language,
    root,
    chunkSize,
    presegment,
  }: { language: string; root: string; chunkSize: string; presegment: boolean },
): Promise<string> {
  const hash = createHash("sha256");
  hash.update(JSON.stringify({ ...(await preparingInputs(root)), language, chunk: chunkSize, presegment }));
  for (const file of [...pages.keys()].sort()) hash.update(`\0${file}\0${pages.get(file)!}`);
  return hash.digest("hex").slice(0, 32);
}

/**
 * Pagefind's version and a hash of the synonym list, of the code that prepares pages and of the
 * ICU data its word breaks come from (Intl.Segmenter: Node's ICU).
 */
async function preparingInputs(root: string): Promise<{ version: string; preparing: string; icu: string }> {
  const version = await readFile(path.join(root, "node_modules/pagefind/package.json"), "utf8")
    .then((text) => (JSON.parse(text) as { version: string }).version)
    .catch(() => "unknown");
  const hash = createHash("sha256");
  const synonyms = path.join(root, SYNONYMS_FILE);
  hash.update(existsSync(synonyms) ? await readFile(synonyms) : "");
  for (const dir of PREPARING_CODE) {
    const folder = path.join(root, dir);
    for (const file of (await readdir(folder)).filter((name) => name.endsWith(".ts")).sort())
      hash.update(`\0${dir}/${file}\0`).update(await readFile(path.join(folder, file)));
  }
  return {
    version,
    preparing: hash.digest("hex"),
    icu: `${process.versions.icu} ${process.versions.unicode}`,
  };
}
/** The code a prepared page depends on: this folder and the shared query code it imports. */
const PREPARING_CODE = ["src/features/search/build", "src/features/search/query"];

/**
 * Puts a cached part into the output as hard links (the files are never written in place; a
 * pruned cache entry unlinks only its own names), copying when the two folders are on different
 * file systems. The manifest stays behind.
 */
async function linkTree(from: string, to: string): Promise<void> {
  for (const entry of await readdir(from, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name === MANIFEST) continue;
    const source = path.join(entry.parentPath, entry.name);
    await linkOrCopy(source, path.join(to, path.relative(from, source)));
  }
}

/** The chunk size the running Pagefind service was started with. */
let serviceChunkSize: string | undefined;

/**
 * Writes the pages, prepared, to a folder of their own and indexes it with addDirectory, which
 * reads and indexes pages on every core and, given the same files, writes the same bytes under
 * the same names (addHTMLFile, one page at a time under a lock, numbered pages in the order
 * their promises happened to settle). Pages are prepared a batch at a time, so the build holds
 * no more of them than that. The finished index appears at `target` in one rename. Returns the
 * seconds spent preparing the pages.
 */
async function writeIndex(
  files: readonly string[],
  prepare: (file: string) => Promise<string>,
  target: string,
  {
    language,
    chunkSize,
    cacheDir,
    key,
  }: { language: string; chunkSize: string; cacheDir: string; key: string },
): Promise<number> {
  await mkdir(cacheDir, { recursive: true });
  const work = await mkdtemp(path.join(cacheDir, "work-"));
  try {
    const preparing = performance.now();
    const pages = path.join(work, "pages");
    for (let start = 0; start < files.length; start += BATCH) {
      await Promise.all(
        files.slice(start, start + BATCH).map(async (file) => {
          const prepared = await prepare(file);
          await mkdir(path.dirname(path.join(pages, file)), { recursive: true });
          await writeFile(path.join(pages, file), prepared);
        }),
      );
    }
    const prepareSeconds = (performance.now() - preparing) / 1000;
    const output = path.join(work, "index");
    // Pagefind reads the chunk size from its environment when its service starts: a service left
    // running with another size is closed first (buildSearchIndex closes the last one).
    if (serviceChunkSize !== chunkSize) {
      await pagefind.close();
      process.env[CHUNK_SIZE_ENV] = chunkSize;
      serviceChunkSize = chunkSize;
    }
    const created = await pagefind.createIndex({ forceLanguage: language });
    check("createIndex", created.errors);
    const index = created.index;
    if (!index) throw new Error("pagefind: createIndex returned no index");
    const added = await index.addDirectory({ path: pages });
    check("addDirectory", added.errors);
    if (added.page_count !== files.length) {
      throw new Error(`pagefind: indexed ${added.page_count} of ${files.length} prepared pages`);
    }
    const written = await index.writeFiles({ outputPath: output });
    check("writeFiles", written.errors);
    await index.deleteIndex();
    await writeFile(path.join(output, MANIFEST), JSON.stringify({ key, files: await fileHashes(output) }));
    await mkdir(path.dirname(target), { recursive: true });
    await rm(target, { recursive: true, force: true });
    await rename(output, target);
    return prepareSeconds;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * True when a cached index is complete and unchanged: its manifest lists exactly the files
 * there, each with the hash it was written with. A half-written, edited or truncated index is
 * rebuilt, never published.
 */
export async function verifiedIndex(dir: string): Promise<boolean> {
  try {
    const manifest = JSON.parse(await readFile(path.join(dir, MANIFEST), "utf8")) as {
      key: string;
      files: Record<string, string>;
    };
    if (manifest.key !== path.basename(dir)) return false;
    const actual = await fileHashes(dir);
    const expected = Object.entries(manifest.files);
    if (expected.length === 0 || expected.length !== Object.keys(actual).length) return false;
    if (!expected.every(([file, sha]) => actual[file] === sha)) return false;
    const now = new Date();
    await utimes(dir, now, now);
    return true;
  } catch {
    return false;
  }
}

async function fileHashes(dir: string): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && entry.name !== MANIFEST)
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
  for (const file of files) {
    hashes[file] = createHash("sha256")
      .update(await readFile(path.join(dir, file)))
      .digest("hex");
  }
  return hashes;
}

/** Removes all but the most recently used cached indexes (and work folders a crash left). */
async function pruneIndexes(dir: string, keep: ReadonlySet<string>): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  const dated = await Promise.all(
    entries
      .filter((entry) => entry.isDirectory() && !keep.has(entry.name))
      .map(async (entry) => ({ name: entry.name, time: (await stat(path.join(dir, entry.name))).mtimeMs })),
  );
  dated.sort((a, b) => b.time - a.time || a.name.localeCompare(b.name));
  for (const { name } of dated.slice(KEEP_INDEXES))
    await rm(path.join(dir, name), { recursive: true, force: true });
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

function check(step: string, errors: readonly string[]): void {
  if (errors.length > 0) {
    throw new Error(`pagefind ${step} failed:\n${errors.join("\n")}`);
  }
}

/** Pages actually searchable: those with data-pagefind-body, counted from Pagefind's manifest. */
async function indexedPageCount(outputPath: string): Promise<number> {
  const entry = JSON.parse(await readFile(path.join(outputPath, "pagefind-entry.json"), "utf8")) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

async function directorySize(dir: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files += 1;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return { files, bytes };
}
