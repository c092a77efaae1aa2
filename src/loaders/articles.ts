import { existsSync } from "node:fs";
import path from "node:path";
import type { Loader } from "astro/loaders";
import { glob } from "astro/loaders";
import { SITE } from "../config.ts";
import { checkArticleImages } from "../lib/content/checkArticleImages.ts";
import { checkFrontmatterDates } from "../lib/content/checkFrontmatterDates.ts";
import { findUnsafeHtml } from "../lib/content/findUnsafeHtml.ts";
import { articlesDirOf, readArticleFile, type ArticleFile } from "../lib/content/readArticleFile.ts";

export const articlesDir = articlesDirOf(process.env);

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
    // Rendered during content sync, where Astro caches the HTML by file digest. Measured on the
    // 720-article corpus (npm run bench): deferRender: true made every build compile each article
    // as a module — cold 45 s → 28 s, warm 35 s → 21 s, peak 1.7 → 1.3 GiB with it off.
    deferRender: false,
    // The store is serialised as one string, which must stay under V8's limit (2^29 characters):
    // without the raw Markdown it holds ~4,300 characters an article instead of ~6,400, room for
    // ~125k make-corpus articles instead of ~83k. src/site/loadSite.ts reads the bodies it needs.
    retainBody: false,
  });
  return {
    name: "articles-loader",
    load: (context) =>
      inner.load({
        ...context,
        parseData: async (props) => {
          if (props.filePath) {
            const article = await readArticleFile(props.filePath);
            const { file } = article;
            const problems = [
              ...checkFrontmatterDates(article.frontmatter ?? ""),
              ...checkBody(props.filePath, article),
            ];
            if (problems.length > 0) {
              throw new Error(problems.map((p) => `${file}:${p.line}: ${p.field}: ${p.message}`).join("\n"));
            }
          }
          return context.parseData(props);
        },
      }),
  };
}

/**
 * What the build itself refuses in a body: a missing local image (Astro's own error names the
 * image but not the article) and, when SITE.rejectUnsafeHtml is on, script-running raw HTML.
 * `npm run check:content` reports the same and more (see src/lib/content/checkArticles.ts).
 */
function checkBody(
  fullPath: string,
  article: ArticleFile,
): { line: number; field: string; message: string }[] {
  const { file, prose: lines } = article;
  const publicDir = path.resolve("public");
  const exists = (src: string) =>
    existsSync(src.startsWith("/") ? path.join(publicDir, src) : path.resolve(path.dirname(fullPath), src));
  const images = checkArticleImages(file, lines, exists, { requireAlt: false });
  const unsafe = SITE.rejectUnsafeHtml
    ? findUnsafeHtml(lines).map(({ line, what }) => ({
        line,
        field: "body",
        message: `正文含有 ${what}，而 SITE.rejectUnsafeHtml 已开启 — 请删去，或放进代码块里展示`,
      }))
    : [];
  return [...images, ...unsafe];
}
