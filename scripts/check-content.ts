/**
 * `npm run check:content`: checks every article (content/articles/, or ARTICLES_DIR) without
 * building the site, prints `file:line: field: what is wrong — how to fix` for each problem and
 * a summary, and exits with 1 when there is any error (warnings alone exit 0).
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { SITE } from "../src/config.ts";
import { checkArticles, type ArticleFile } from "../src/lib/content/checkArticles.ts";
import { formatProblem } from "../src/lib/content/formatProblem.ts";
import { articlesDirOf, NotUtf8Error, parseArticleBytes } from "../src/lib/content/readArticleFile.ts";

const dir = articlesDirOf(process.env);
const publicDir = path.resolve("public");
if (!existsSync(dir)) {
  console.error(`找不到文章目录 ${dir} — 请在项目根目录运行，或用 ARTICLES_DIR 指定目录`);
  process.exit(2);
}

const files: ArticleFile[] = [];
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
    unreadable.push(error.message);
  }
}
files.sort((a, b) => a.file.localeCompare(b.file));

const problems = checkArticles(files, {
  now: new Date(),
  rejectUnsafeHtml: SITE.rejectUnsafeHtml,
  titleWarnLength: SITE.titleWarnLength,
  imageExists: (file, src) =>
    existsSync(src.startsWith("/") ? path.join(publicDir, src) : path.resolve(path.dirname(file), src)),
});

for (const line of unreadable) console.log(line);
for (const problem of problems) console.log(formatProblem(problem));
const errors = unreadable.length + problems.filter((p) => p.severity === "error").length;
const warnings = problems.filter((p) => p.severity === "warning").length;
const articles = files.length + unreadable.length;
console.log(
  errors + warnings === 0
    ? `检查了 ${articles} 篇文章，没有发现问题。`
    : `检查了 ${articles} 篇文章：${errors} 个错误，${warnings} 个提醒。`,
);
process.exitCode = errors > 0 ? 1 : 0;
