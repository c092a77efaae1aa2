/**
 * Opens the site's search index in the browser. The build writes it in parts, one per span of
 * publication years (build/pagefindIntegration.ts), listed newest first in /pagefind/parts.json;
 * Pagefind opens the newest as its primary index and merges the others (`mergeIndex`: each part
 * brings its own metadata and chunks, the WebAssembly is loaded once). A search may open only
 * the newest parts (the dropdown on a large site, `partsWithin`) and the rest later (`openRest`).
 */
export const INDEX_BASE = "/pagefind/";

/** `pagefind/parts.json`, as the build writes it (build/pagefindIntegration.ts). */
export interface IndexParts {
  /** Part folders, newest first: "2025-2027", "2022-2024"… ("other" for pages without a year). */
  parts: string[];
  /** Every publication year the index holds, newest first. */
  years: string[];
  /** Searchable pages in each part, in the order of `parts`. */
  pages: number[];
}

/** What this site uses of Pagefind's module API. */
export interface PagefindModule {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(path: string, options?: Record<string, unknown>): Promise<void>;
}

/** An index opened in the browser, whole or its newest parts only. */
export interface OpenedIndex {
  module: PagefindModule;
  /** Publication years of the opened parts, newest first. */
  years: string[];
  /** Every year the whole index holds: more than `years` while older parts are not opened. */
  allYears: string[];
  /** Opens the parts not opened yet (once; later calls wait for the same work). */
  openRest(): Promise<void>;
}

/**
 * How many of the newest parts hold at most `maxPages` pages together — at least one. The first
 * query fetches each opened part's page list, so this bounds it on a large archive.
 */
export function partsWithin(pages: readonly number[], maxPages: number): number {
  let total = pages[0] ?? 0;
  let count = Math.min(1, pages.length);
  while (count < pages.length && total + pages[count]! <= maxPages) total += pages[count++]!;
  return count;
}

/**
 * Initialises Pagefind with the given options (ranking weights, highlight parameter) over the
 * newest parts of the index — all of them, or those within `maxPages` pages — and returns what it
 * opened. `load` imports Pagefind's module (a dynamic import the caller controls, so bundlers
 * leave it alone); it runs while parts.json is fetched.
 */
export async function openIndex(
  load: () => Promise<PagefindModule>,
  options: Record<string, unknown>,
  maxPages = Infinity,
): Promise<OpenedIndex> {
  const [module, list] = await Promise.all([load(), fetchParts()]);
  const [newest] = list.parts;
  if (newest === undefined) throw new Error(`search: ${INDEX_BASE}parts.json lists no parts`);
  await module.options({ ...options, basePath: `${INDEX_BASE}${newest}/` });
  await module.init();
  const opened = partsWithin(list.pages, maxPages);
  const merge = (parts: string[]) =>
    Promise.all(parts.map((part) => module.mergeIndex(`${INDEX_BASE}${part}/`, options)));
  await merge(list.parts.slice(1, opened));
  let rest: Promise<void> | undefined = opened === list.parts.length ? Promise.resolve() : undefined;
  const index: OpenedIndex = {
    module,
    years: yearsOf(list, opened),
    allYears: list.years,
    openRest: () =>
      (rest ??= merge(list.parts.slice(opened)).then(() => {
        index.years = list.years;
      })),
  };
  return index;
}

/**
 * The years of the first `count` parts: a part's folder names its span ("2022-2024") or, on a
 * large archive, its one year ("2025"; build/pagefindIntegration.ts assignParts).
 */
export function yearsOf(list: IndexParts, count: number): string[] {
  if (count === list.parts.length) return list.years;
  const spans = list.parts.slice(0, count).map((part) => part.split("-").map(Number));
  return list.years.filter((year) =>
    spans.some(([first, last]) => Number(year) >= first! && Number(year) <= (last ?? first)!),
  );
}

async function fetchParts(): Promise<IndexParts> {
  const response = await fetch(`${INDEX_BASE}parts.json`);
  if (!response.ok) throw new Error(`search: ${response.status} fetching ${INDEX_BASE}parts.json`);
  const { parts, years, pages } = (await response.json()) as Partial<Record<keyof IndexParts, unknown>>;
  const strings = (list: unknown): list is string[] =>
    Array.isArray(list) && list.every((item) => typeof item === "string");
  if (!strings(parts) || !strings(years))
    throw new Error(`search: ${INDEX_BASE}parts.json has no list of parts and years`);
  // An index written before parts.json counted pages: open every part, as then.
  const counts =
    Array.isArray(pages) && pages.length === parts.length && pages.every((n) => typeof n === "number")
      ? (pages as number[])
      : parts.map(() => 0);
  return { parts, years, pages: counts };
}

/** A result as Pagefind returns it: only what ordering needs. */
interface Ranked {
  score: number;
}

/**
 * A search in date order over a parted index. Pagefind orders merged results by score, and in a
 * sorted search a result's score is its position within its own part, so the parts' results
 * would interleave. A year lies in one part, and a year is also a filter: searching one year at
 * a time (the reader's own year filter still applies) and joining the years in order gives the
 * site-wide date order. The joined results get descending scores, so code that orders by score
 * keeps that order.
 */
export async function searchInDateOrder<R extends Ranked>(
  search: (filters: Record<string, string[]>) => Promise<R[]>,
  yearsNewestFirst: readonly string[],
  direction: "asc" | "desc",
  filters: Record<string, string[]> = {},
): Promise<R[]> {
  const years = direction === "desc" ? [...yearsNewestFirst] : [...yearsNewestFirst].reverse();
  const wanted = filters["year"];
  const searched = wanted && wanted.length > 0 ? years.filter((year) => wanted.includes(year)) : years;
  const groups = await Promise.all(searched.map((year) => search({ ...filters, year: [year] })));
  const joined = groups.flat();
  return joined.map((result, index) => ({ ...result, score: joined.length - index }));
}
