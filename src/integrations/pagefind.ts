import { readFile, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import * as pagefind from "pagefind";
import { segmentHtmlForIndex } from "../lib/search/segmentForIndex.ts";
import { searchablePart } from "../lib/search/searchablePart.ts";

export interface PagefindOptions {
  /** The site's BCP 47 language (SITE.lang). Must be Chinese: Pagefind segments only `zh*`. */
  lang: string;
}

/**
 * Builds the Pagefind search index into `<outDir>/pagefind/` once Astro has written the site.
 * Which parts of a page are indexed is decided by the `data-pagefind-*` attributes in the
 * layouts (only the article body and title); this hook only runs the indexer and fails the build,
 * with Pagefind's own message, on anything it reports.
 */
export function pagefindIntegration({ lang }: PagefindOptions): AstroIntegration {
  return {
    name: "site:pagefind",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const { indexed, pages, seconds, files, bytes, outputPath } = await buildSearchIndex({
          siteDir: fileURLToPath(dir),
          lang,
        });
        logger.info(
          `indexed ${indexed} of ${pages} pages in ${seconds.toFixed(1)} s: ${files} files, ${(bytes / 1024).toFixed(0)} KiB in ${outputPath}`,
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
}

export interface SearchIndexStats {
  /** Pages searchable (with data-pagefind-body). */
  indexed: number;
  /** HTML pages looked at. */
  pages: number;
  seconds: number;
  /** Files and bytes written under outputPath. */
  files: number;
  bytes: number;
  outputPath: string;
}

/**
 * Indexes every HTML page of a folder for search, exactly as the build does (the build calls
 * this on its output; the search budget test calls it on pages it renders cheaply). Throws with
 * Pagefind's message on any error it reports.
 */
export async function buildSearchIndex({ siteDir, lang }: SearchIndexOptions): Promise<SearchIndexStats> {
  // Pagefind runs its Chinese segmenter (jieba) only for pages it believes are Chinese. Forcing
  // the language makes that independent of each page's <html lang>, and the check keeps a config
  // change from silently turning the index into one long unsegmented token per sentence.
  const language = lang.toLowerCase();
  if (!language.startsWith("zh")) {
    throw new Error(`pagefind: SITE.lang is "${lang}"; the search index is tuned for Chinese (zh*).`);
  }
  const started = performance.now();
  const outputPath = path.join(siteDir, "pagefind");
  try {
    const created = await pagefind.createIndex({ forceLanguage: language });
    const index = created.index;
    check("createIndex", created.errors);
    if (!index) throw new Error("pagefind: createIndex returned no index");

    // Pages are handed over one by one rather than with addDirectory so that their Chinese text
    // can be pre-segmented the way queries are (see segmentForIndex.ts). Only pages that mark a
    // data-pagefind-body are searchable at all; the rest are not even sent, and of those only the
    // <article> is (searchablePart.ts).
    const pages = (await htmlFiles(siteDir)).filter((file) => !file.startsWith(`pagefind${path.sep}`));
    let seen = 0;
    for (let start = 0; start < pages.length; start += BATCH) {
      await Promise.all(
        pages.slice(start, start + BATCH).map(async (file) => {
          const searchable = searchablePart(await readFile(path.join(siteDir, file), "utf8"), language);
          if (searchable === undefined) return;
          seen += 1;
          const added = await index.addHTMLFile({
            url: pageUrl(file),
            content: segmentHtmlForIndex(searchable),
          });
          check(`addHTMLFile ${file}`, added.errors);
        }),
      );
    }
    if (seen === 0) throw new Error(`pagefind: no pages with data-pagefind-body found in ${siteDir}`);

    const written = await index.writeFiles({ outputPath });
    check("writeFiles", written.errors);

    return {
      indexed: await indexedPageCount(outputPath),
      pages: pages.length,
      seconds: (performance.now() - started) / 1000,
      ...(await directorySize(outputPath)),
      outputPath,
    };
  } finally {
    await pagefind.close();
  }
}

const BATCH = 32;

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** "articles/防火墙/index.html" → "/articles/%E9%98%B2%E7%81%AB%E5%A2%99/", as a browser requests it. */
function pageUrl(file: string): string {
  const urlPath = `/${file.split(path.sep).join("/")}`.replace(/(^|\/)index\.html$/, "$1");
  return encodeURI(urlPath);
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
