/**
 * The site's search, as the client runs it: Pagefind loaded on first use, queries folded and
 * stripped (src/lib/search), the all-words-then-any-word fallback, and results with the zero-width
 * word breaks of the index removed. Shared by the dropdown and the /search/ page.
 */
import { needsFolding } from "../lib/search/mayBeTraditional.ts";
import { normalizeQuery, type NormalizeOptions } from "../lib/search/normalizeQuery.ts";
import { rerankByTitle } from "../lib/search/rerankByTitle.ts";
import { searchWithFallback } from "../lib/search/searchWithFallback.ts";
import { stripWordBreaks } from "../lib/search/segmentForIndex.ts";
import { SEARCH } from "../lib/search/settings.ts";

export type Filters = Record<string, string[]>;

export interface SearchOptions {
  filters?: Filters;
  sort?: Record<string, "asc" | "desc">;
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

interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
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
}

/** Thrown on the dev server, where no index exists; the UI shows search.devNotice. */
export class NoIndexError extends Error {}

let pagefind: Promise<Pagefind> | undefined;

/** Starts loading Pagefind early, e.g. when a search box gets focus. */
export function warmUp(): void {
  void loadPagefind().catch(() => undefined);
}

let folding: Promise<(text: string) => string> | undefined;

/**
 * How to fold a query: with the traditional→simplified converter when it may have traditional
 * characters, loaded then (a bundle of its own, ~50 KB gzipped; see foldingLoader.ts), else as
 * it is. A converter that fails to load (a page open across a deploy, offline) leaves the query
 * unfolded rather than failing the search: simplified text still finds what it finds; the next
 * query tries again.
 */
async function foldingFor(raw: string): Promise<NormalizeOptions> {
  if (!needsFolding(raw)) return {};
  folding ??= loadConverter();
  try {
    return { fold: await folding };
  } catch (error) {
    folding = undefined;
    console.warn(error);
    return {};
  }
}

async function loadConverter(): Promise<(text: string) => string> {
  const url = window.__searchFold;
  if (url === undefined) throw new Error("search: no converter URL (SearchBox.astro's loader sets it)");
  await import(/* @vite-ignore */ url);
  if (window.__toSimplified === undefined) throw new Error(`search: ${url} did not set the converter`);
  return window.__toSimplified;
}

function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (async () => {
    // A variable keeps Vite from trying to bundle the index, which exists only after a build.
    const url = "/pagefind/pagefind.js";
    let module: Pagefind;
    try {
      module = (await import(/* @vite-ignore */ url)) as Pagefind;
    } catch (error) {
      throw import.meta.env.DEV ? new NoIndexError("no search index on the dev server") : error;
    }
    await module.options({ ranking: SEARCH.ranking, highlightParam: SEARCH.highlightParam });
    await module.init();
    return module;
  })();
  return pagefind;
}

/**
 * Fetches the index chunks a query will need while the reader is still typing (before the
 * debounce ends), so the search itself finds them in memory.
 */
export function preload(raw: string): void {
  void (async () => {
    const query = normalizeQuery(raw, await foldingFor(raw));
    if (query !== "") await (await loadPagefind()).preload(query);
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
  const engine = await loadPagefind();
  const run = async (term: string) => (await engine.search(term, options))?.results ?? [];
  const { results, relaxed } = await searchWithFallback(query, run);
  const hits = results.map((result): Hit => {
    let data: Promise<HitData> | undefined;
    return { id: result.id, load: () => (data ??= result.data().then(toHitData)) };
  });
  // A date order is the reader's choice; only a relevance order is adjusted for titles.
  if (options.sort) return { query, relaxed, hits };
  const head = hits.slice(0, SEARCH.titleRerankDepth);
  const titles = new Map(
    await Promise.all(head.map(async (hit) => [hit, (await hit.load()).title] as const)),
  );
  const typed = normalizeQuery(raw, { ...fold, dropQuestionWords: false });
  const reordered = rerankByTitle(head, (hit) => titles.get(hit) ?? "", { searched: query, typed });
  return { query, relaxed, hits: [...reordered, ...hits.slice(head.length)] };
}

/** Every filter value with its number of articles: { tag: { 网络: 12 }, year: { "2025": 30 } }. */
export async function filterCounts(): Promise<Record<string, Record<string, number>>> {
  return (await loadPagefind()).filters();
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
