/**
 * Opens the site's search index in the browser. The build writes it in parts, one per
 * publication year (build/pagefindIntegration.ts), listed newest first in /pagefind/parts.json;
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
 * highlight parameter) and returns the parts, newest first. `load` imports Pagefind's module
 * (a dynamic import the caller controls, so bundlers leave it alone); it runs while parts.json is
 * fetched.
 */
export async function openIndex(
  load: () => Promise<PagefindModule>,
  options: Record<string, unknown>,
): Promise<{ module: PagefindModule; parts: string[] }> {
  const [module, parts] = await Promise.all([load(), fetchParts()]);
  const [newest, ...older] = parts;
  if (newest === undefined) throw new Error(`search: ${INDEX_BASE}parts.json lists no parts`);
  await module.options({ ...options, basePath: `${INDEX_BASE}${newest}/` });
  await module.init();
  await Promise.all(older.map((part) => module.mergeIndex(`${INDEX_BASE}${part}/`, options)));
  return { module, parts };
}

async function fetchParts(): Promise<string[]> {
  const response = await fetch(`${INDEX_BASE}parts.json`);
  if (!response.ok) throw new Error(`search: ${response.status} fetching ${INDEX_BASE}parts.json`);
  const { parts } = (await response.json()) as { parts?: unknown };
  if (!Array.isArray(parts) || !parts.every((part) => typeof part === "string"))
    throw new Error(`search: ${INDEX_BASE}parts.json has no list of parts`);
  return parts;
}

/** A result as Pagefind returns it: only what ordering needs. */
interface Ranked {
  score: number;
}

/**
 * A search in date order over a parted index. Pagefind orders merged results by score, and in a
 * sorted search a result's score is its position within its own part, so the parts' results
 * would interleave. The parts are years, and a year is also a filter: searching one year at a
 * time (the reader's own year filter still applies) and joining the years in order gives the
 * site-wide date order. The joined results get descending scores, so code that orders by score
 * keeps that order.
 */
export async function searchInDateOrder<R extends Ranked>(
  search: (filters: Record<string, string[]>) => Promise<R[]>,
  parts: readonly string[],
  direction: "asc" | "desc",
  filters: Record<string, string[]> = {},
): Promise<R[]> {
  const years = direction === "desc" ? [...parts] : [...parts].reverse();
  const wanted = filters["year"];
  const searched = wanted && wanted.length > 0 ? years.filter((year) => wanted.includes(year)) : years;
  const groups = await Promise.all(searched.map((year) => search({ ...filters, year: [year] })));
  const joined = groups.flat();
  return joined.map((result, index) => ({ ...result, score: joined.length - index }));
}
