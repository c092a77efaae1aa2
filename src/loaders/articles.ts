import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Loader } from "astro/loaders";
import { glob } from "astro/loaders";
import { checkFrontmatterDates } from "../lib/content/checkFrontmatterDates.ts";

/**
 * The articles folder: `content/articles/` unless `ARTICLES_DIR` points elsewhere (benchmarks,
 * the real corpus, test fixtures).
 */
export const articlesDir = path.resolve(process.env["ARTICLES_DIR"] ?? "content/articles");

/**
 * Astro's glob loader over the articles folder, with two additions: the id (and URL) of an
 * article is its file name without extension, and date fields are checked as written before
 * YAML reinterprets them (see checkFrontmatterDates). Errors name the file and line.
 */
export function articlesLoader(): Loader {
  const inner = glob({
    pattern: "**/*.{md,mdx}",
    base: articlesDir,
    generateId: ({ entry }) => path.basename(entry).replace(/\.mdx?$/, ""),
    // Rendering at page time instead of during content sync keeps memory flat on large sites.
    deferRender: true,
  });
  return {
    name: "articles-loader",
    load: (context) =>
      inner.load({
        ...context,
        parseData: async (props) => {
          if (props.filePath) {
            const text = await readFile(props.filePath, "utf8");
            const front = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? "";
            const problems = checkFrontmatterDates(front);
            if (problems.length > 0) {
              const file = path.relative(process.cwd(), props.filePath);
              throw new Error(problems.map((p) => `${file}:${p.line}: ${p.field}: ${p.message}`).join("\n"));
            }
          }
          return context.parseData(props);
        },
      }),
  };
}
