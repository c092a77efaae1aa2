/**
 * Opens the site's search index in the browser. The build writes it in parts, one per span of
 * publication years (build/pagefindIntegration.ts), listed newest first in /pagefind/parts.json;
 * Pagefind opens the newest as its primary index and merges the others (`mergeIndex`: each part
 * brings its own metadata and chunks, the WebAssembly is loaded once).
 */
export const INDEX_BASE = "/pagefind/";

/** What this site uses of Pagefind's module API. */
export interface PagefindModule {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(path: string, options?: Record<string, unknown>): Promise<void>;
}

/**
 * Initialises Pagefind over every part of the index with the given options (ranking weights,
 * highlight parameter) and returns the publication years it holds, newest first. `load` imports Pagefind's module
 * (a dynamic import the caller controls, so bundlers leave it alone); it runs while parts.json is
 * fetched.
 */
export async function openIndex(
  load: () => Promise<PagefindModule>,
  options: Record<string, unknown>,
): Promise<{ module: PagefindModule; years: string[] }> {
  const [module, { parts, years }] = await Promise.all([load(), fetchParts()]);
  const [newest, ...older] = parts;
  if (newest === undefined) throw new Error(`search: ${INDEX_BASE}parts.json lists no parts`);
  await module.options({ ...options, basePath: `${INDEX_BASE}${newest}/` });
  await module.init();
  await Promise.all(older.map((part) => module.mergeIndex(`${INDEX_BASE}${part}/`, options)));
  return { module, years };
}

async function fetchParts(): Promise<{ parts: string[]; years: string[] }> {
  const response = await fetch(`${INDEX_BASE}parts.json`);
  if (!response.ok) throw new Error(`search: ${response.status} fetching ${INDEX_BASE}parts.json`);
  const { parts, years } = (await response.json()) as { parts?: unknown; years?: unknown };
  const strings = (list: unknown): list is string[] =>
    Array.isArray(list) && list.every((item) => typeof item === "string");
  if (!strings(parts) || !strings(years))
    throw new Error(`search: ${INDEX_BASE}parts.json has no list of parts and years`);
  return { parts, years };
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
