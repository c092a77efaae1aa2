import { readFile, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration, AstroIntegrationLogger } from "astro";
import * as pagefind from "pagefind";

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
        await buildIndex(fileURLToPath(dir), lang, logger);
      },
    },
  };
}

async function buildIndex(outDir: string, lang: string, logger: AstroIntegrationLogger): Promise<void> {
  // Pagefind runs its Chinese segmenter (jieba) only for pages it believes are Chinese. Forcing
  // the language makes that independent of each page's <html lang>, and the check keeps a config
  // change from silently turning the index into one long unsegmented token per sentence.
  const language = lang.toLowerCase();
  if (!language.startsWith("zh")) {
    throw new Error(`pagefind: SITE.lang is "${lang}"; the search index is tuned for Chinese (zh*).`);
  }
  const started = performance.now();
  const outputPath = path.join(outDir, "pagefind");
  try {
    const created = await pagefind.createIndex({ forceLanguage: language });
    const index = created.index;
    check("createIndex", created.errors);
    if (!index) throw new Error("pagefind: createIndex returned no index");

    const added = await index.addDirectory({ path: outDir });
    check("addDirectory", added.errors);
    if (added.page_count === 0) {
      throw new Error(`pagefind: no pages with data-pagefind-body found in ${outDir}`);
    }

    const written = await index.writeFiles({ outputPath });
    check("writeFiles", written.errors);

    const indexed = await indexedPageCount(outputPath);
    const { files, bytes } = await directorySize(outputPath);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    logger.info(
      `indexed ${indexed} of ${added.page_count} pages in ${seconds} s: ${files} files, ${(bytes / 1024).toFixed(0)} KiB in ${outputPath}`,
    );
  } finally {
    await pagefind.close();
  }
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
