/**
 * `npm run check:content`: checks every article (content/articles/, or ARTICLES_DIR) without
 * building the site, prints `file:line: field: what is wrong — how to fix` for each problem and
 * a summary, and exits with 1 when there is any error (warnings alone exit 0).
 * `--format github` prints each problem as a GitHub Actions annotation instead (the CI workflow),
 * shown on the file and line.
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { SITE } from "../src/config.ts";
import { checkArticles, type ArticleFile } from "../src/lib/content/checkArticles.ts";
import { formatProblem } from "../src/lib/content/formatProblem.ts";
import { localImageSources, type ImageFacts } from "../src/lib/content/checkImageWeight.ts";
import {
  articlesDirOf,
  NotUtf8Error,
  parseArticleBytes,
  parseArticleText,
} from "../src/lib/content/readArticleFile.ts";
import { formatGithubAnnotation } from "../src/lib/content/formatGithubAnnotation.ts";
import { parseArgs } from "node:util";
import type { ContentProblem } from "../src/lib/content/contentProblem.ts";
import { parseSynonyms } from "../src/features/search/query/synonyms.ts";
import { parseLexicon } from "../src/features/search/query/lexicon.ts";

/** The editors' synonym list (build/pagefindIntegration.ts reads the same file). */
const SYNONYMS_FILE = "content/synonyms.yaml";
const LEXICON_FILE = "content/lexicon.yaml";

const { values: options } = parseArgs({ options: { format: { type: "string", default: "text" } } });
if (options.format !== "text" && options.format !== "github") {
  console.error(`未知的 --format ${options.format} — 可用 text 或 github`);
  process.exit(2);
}
const format = options.format === "github" ? formatGithubAnnotation : formatProblem;

const dir = articlesDirOf(process.env);
const publicDir = path.resolve("public");
if (!existsSync(dir)) {
  console.error(`找不到文章目录 ${dir} — 请在项目根目录运行，或用 ARTICLES_DIR 指定目录`);
  process.exit(2);
}

const files: ArticleFile[] = [];
/** Files that are not UTF-8: no problem list can be read from them. */
const unreadable: string[] = [];
for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !/\.mdx?$/.test(entry.name)) continue;
  const full = path.join(entry.parentPath, entry.name);
  const file = path.relative(process.cwd(), full);
  try {
    const { text } = parseArticleBytes(readFileSync(full), file);
    files.push({ file, id: entry.name.replace(/\.mdx?$/, ""), text });
  } catch (error) {
    if (!(error instanceof NotUtf8Error)) throw error;
    unreadable.push(error.file);
  }
}
files.sort((a, b) => a.file.localeCompare(b.file));

const imagePath = (file: string, src: string) =>
  src.startsWith("/") ? path.join(publicDir, src) : path.resolve(path.dirname(file), src);
// Image sizes are read before the (synchronous) checks; a file sharp cannot read is skipped here.
const facts = new Map<string, ImageFacts>();
for (const { file, text } of files) {
  for (const src of localImageSources(parseArticleText(text, file).prose)) {
    const full = imagePath(file, src);
    if (facts.has(full) || !existsSync(full)) continue;
    try {
      const { width, height } = await sharp(full).metadata();
      if (width && height) facts.set(full, { bytes: statSync(full).size, width, height });
    } catch {
      // Not an image sharp knows (or broken): Astro's build reports it.
    }
  }
}

const problems = checkArticles(files, {
  now: new Date(),
  rejectUnsafeHtml: SITE.rejectUnsafeHtml,
  titleWarnLength: SITE.titleWarnLength,
  imageExists: (file, src) => existsSync(imagePath(file, src)),
  imageFacts: (file, src) => facts.get(imagePath(file, src)),
});

// The synonym list and the readers' lexicon are checked like the frontmatter: the build refuses
// them with the same lines.
for (const [file, field, parse] of [
  [SYNONYMS_FILE, "synonyms", (text: string) => parseSynonyms(text).problems],
  [LEXICON_FILE, "lexicon", (text: string) => parseLexicon(text).problems],
] as const) {
  if (!existsSync(file)) continue;
  for (const { line, message } of parse(readFileSync(file, "utf8"))) {
    problems.push({ file, line, field, message, severity: "error" } satisfies ContentProblem);
  }
}

for (const file of unreadable)
  console.log(
    format({
      file,
      line: 1,
      field: "file",
      message: "文件不是 UTF-8 编码 — 请用编辑器以 UTF-8 重新保存",
      severity: "error",
    }),
  );
for (const problem of problems) console.log(format(problem));
const errors = unreadable.length + problems.filter((p) => p.severity === "error").length;
const warnings = problems.filter((p) => p.severity === "warning").length;
const articles = files.length + unreadable.length;
console.log(
  errors + warnings === 0
    ? `检查了 ${articles} 篇文章，没有发现问题。`
    : `检查了 ${articles} 篇文章：${errors} 个错误，${warnings} 个提醒。`,
);
process.exitCode = errors > 0 ? 1 : 0;
