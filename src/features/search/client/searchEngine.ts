/**
 * The site's search, as the client runs it: Pagefind loaded on first use, queries folded and
 * stripped (../query), the all-words-then-any-word fallback, and results with the zero-width
 * word breaks of the index removed. Shared by the dropdown and the /search/ page.
 */
import lexiconSource from "../../../../content/lexicon.yaml?raw";
import synonymSource from "../../../../content/synonyms.yaml?raw";
import { expandQuery } from "../query/expandQuery.ts";
import { parseLexicon } from "../query/lexicon.ts";
import { searchSlots } from "../query/searchSlots.ts";
import { needsFolding } from "../query/mayBeTraditional.ts";
import { normalizeQuery, type NormalizeOptions } from "../query/normalizeQuery.ts";
import { comparableTitle, parseSynonyms } from "../query/synonyms.ts";
import type { FoldReply, FoldRequest } from "./foldingWorker.ts";
import {
  INDEX_BASE,
  openIndex,
  searchInDateOrder,
  type OpenedIndex,
  type PagefindModule,
} from "./openIndex.ts";
import { rerankByTitle } from "../query/rerankByTitle.ts";
import { searchWithFallback } from "../query/searchWithFallback.ts";
import { stripWordBreaks } from "../query/segmentForIndex.ts";
import { SEARCH } from "../query/settings.ts";

export type Filters = Record<string, string[]>;

/**
 * What a search covers: the whole index (the /search/ page), or on a large site only its newest
 * parts (the dropdown; SEARCH.index.dropdownPages), which keeps a reader's first query small.
 */
export type Scope = "all" | "recent";

export interface SearchOptions {
  filters?: Filters;
  sort?: Record<string, "asc" | "desc">;
  /** Default "all". */
  scope?: Scope;
}

interface RawResult {
  id: string;
  score: number;
  data(): Promise<RawData>;
}

interface RawData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}

interface Pagefind extends PagefindModule {
  search(term: string | null, options?: SearchOptions): Promise<{ results: RawResult[] } | null>;
  preload(term: string): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

/** A result ready to show; `load` fetches its excerpt (one small file per result). */
export interface Hit {
  id: string;
  load(): Promise<HitData>;
}

export interface HitData {
  url: string;
  title: string;
  date: string;
  tags: string[];
  /** Pagefind's excerpt: escaped text with <mark> around matched words. */
  excerptHtml: string;
}

export interface Found {
  /** The query as searched (folded, question words dropped). */
  query: string;
  hits: Hit[];
  relaxed: boolean;
  /** Set when only the newest parts were searched: the oldest year searched ("2025"). */
  since?: string;
}

/** Thrown on the dev server, where no index exists; the UI shows search.devNotice. */
export class NoIndexError extends Error {}

/** Pagefind over the index, opened by the first search (its newest parts or all of them). */
let opening: Promise<OpenedIndex> | undefined;

/** Starts loading Pagefind early, e.g. when a search box gets focus. */
export function warmUp(scope: Scope = "all"): void {
  void loadPagefind(scope).catch(() => undefined);
}

/**
 * The editors' synonyms (content/synonyms.yaml), bundled as text. The build has already checked
 * the file and fails on any problem in it, so here its groups are simply read.
 */
const SYNONYMS = parseSynonyms(synonymSource).groups;

/**
 * The readers' lexicon (content/lexicon.yaml), bundled as text like the synonyms; checked by the
 * build and by tests/unit/search/lexicon.test.ts.
 */
const LEXICON = parseLexicon(lexiconSource).lexicon;

let converter: Worker | undefined;
let requests = 0;
const pending = new Map<number, { resolve: (text: string) => void; reject: (error: Error) => void }>();

/**
 * How to fold a query: with the traditional→simplified converter when it may have traditional
 * characters (a worker of its own, ~50 KB gzipped, started then; see foldingWorker.ts), else as
 * it is. A converter that fails (a page open across a deploy, offline) leaves the query
 * unfolded rather than failing the search: simplified text still finds what it finds; the next
 * query tries again.
 */
async function foldingFor(raw: string): Promise<NormalizeOptions> {
  const options: NormalizeOptions = { synonyms: SYNONYMS };
  if (!needsFolding(raw)) return options;
  try {
    const text = raw.normalize("NFKC");
    const folded = await convert(text);
    return { ...options, fold: (input) => (input === text ? folded : input) };
  } catch (error) {
    console.warn(error);
    return options;
  }
}

function convert(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = (converter ??= startConverter());
    const id = (requests += 1);
    pending.set(id, { resolve, reject });
    worker.postMessage({ id, text } satisfies FoldRequest);
  });
}

function startConverter(): Worker {
  // The bundle's URL is rendered by SearchBox.astro, which gets it from Vite.
  const url = document.querySelector<HTMLElement>("[data-search-fold]")?.dataset["searchFold"];
  if (url === undefined)
    throw new Error("search: no [data-search-fold] on the page (SearchBox.astro renders it)");
  const worker = new Worker(url, { type: "module" });
  worker.addEventListener("message", (event: MessageEvent<FoldReply>) => {
    pending.get(event.data.id)?.resolve(event.data.text);
    pending.delete(event.data.id);
  });
  worker.addEventListener("error", () => {
    for (const { reject } of pending.values()) reject(new Error(`search: the converter ${url} failed`));
    pending.clear();
    worker.terminate();
    converter = undefined;
  });
  return worker;
}

async function loadPagefind(scope: Scope): Promise<{ engine: Pagefind; index: OpenedIndex }> {
  opening ??= (async () => {
    // A variable keeps Vite from trying to bundle the index, which exists only after a build.
    const url = `${INDEX_BASE}pagefind.js`;
    const load = async () => {
      try {
        return (await import(/* @vite-ignore */ url)) as Pagefind;
      } catch (error) {
        throw import.meta.env.DEV ? new NoIndexError("no search index on the dev server") : error;
      }
    };
    return openIndex(
      load,
      { ranking: SEARCH.ranking, highlightParam: SEARCH.highlightParam },
      scope === "recent" ? SEARCH.index.dropdownPages : Infinity,
    );
  })();
  const index = await opening;
  if (scope === "all") await index.openRest();
  return { engine: index.module as Pagefind, index };
}

/**
 * Fetches the index chunks a query will need while the reader is still typing (before the
 * debounce ends), so the search itself finds them in memory.
 */
export function preload(raw: string, scope: Scope = "all"): void {
  void (async () => {
    const query = normalizeQuery(raw, await foldingFor(raw));
    if (query === "") return;
    const { engine } = await loadPagefind(scope);
    // An expanded query searches each alternative on its own (searchSlots.ts), so each is fetched.
    const expansion = expandQuery(query, LEXICON, SYNONYMS);
    const terms = expansion.expanded
      ? [...new Set(expansion.slots.flatMap((slot) => slot.alternatives))]
      : [query];
    await Promise.all(terms.map((term) => engine.preload(term)));
  })().catch(() => undefined);
}

/**
 * Searches the site. An empty query (after normalising) finds nothing. In relevance order the top
 * results are re-ordered by title match, which loads their data (SEARCH.titleRerankDepth fetches).
 */
export async function search(raw: string, options: SearchOptions = {}): Promise<Found> {
  const fold = await foldingFor(raw);
  const query = normalizeQuery(raw, fold);
  if (query === "") return { query, hits: [], relaxed: false };
  const { scope = "all", ...pagefindOptions } = options;
  const { engine, index } = await loadPagefind(scope);
  const { years } = index;
  const since = years.length < index.allYears.length ? years.at(-1) : undefined;
  const { sort } = pagefindOptions;
  const date = sort?.["date"];
  const run = async (term: string): Promise<RawResult[]> =>
    date !== undefined && years.length > 1
      ? searchInDateOrder(
          async (filters) => (await engine.search(term, { ...pagefindOptions, filters }))?.results ?? [],
          years,
          date,
          pagefindOptions.filters,
        )
      : ((await engine.search(term, pagefindOptions))?.results ?? []);
  // A query with a reader's everyday word (删掉) also asks for the lexicon's terms (删除).
  const expansion = expandQuery(query, LEXICON, SYNONYMS);
  const { results, relaxed } = expansion.expanded
    ? await searchSlots(expansion.slots, run)
    : await searchWithFallback(query, run);
  const hits = results.map((result): Hit => {
    let data: Promise<HitData> | undefined;
    return { id: result.id, load: () => (data ??= result.data().then(toHitData)) };
  });
  // A date order is the reader's choice; only a relevance order is adjusted for titles.
  const found = { query, relaxed, ...(since === undefined ? {} : { since }) };
  if (sort) return { ...found, hits };
  const head = hits.slice(0, SEARCH.titleRerankDepth);
  const titles = new Map(
    await Promise.all(head.map(async (hit) => [hit, (await hit.load()).title] as const)),
  );
  const typed = normalizeQuery(raw, { ...fold, dropQuestionWords: false });
  const titleOf = (hit: Hit) => comparableTitle(titles.get(hit) ?? "", SYNONYMS);
  const slots = expansion.expanded ? expansion.slots.map((slot) => slot.alternatives) : undefined;
  const reordered = rerankByTitle(head, titleOf, { searched: query, typed, ...(slots ? { slots } : {}) });
  return { ...found, hits: [...reordered, ...hits.slice(head.length)] };
}

/** Every filter value with its number of articles: { tag: { 网络: 12 }, year: { "2025": 30 } }. */
export async function filterCounts(): Promise<Record<string, Record<string, number>>> {
  return (await loadPagefind("all")).engine.filters();
}

function toHitData(data: RawData): HitData {
  const meta = data.meta;
  return {
    url: data.url,
    title: stripWordBreaks(meta["title"] ?? data.url),
    date: meta["date"] ?? "",
    tags: (meta["tags"] ?? "").split("、").filter(Boolean),
    excerptHtml: stripWordBreaks(data.excerpt),
  };
}
