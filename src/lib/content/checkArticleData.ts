import yaml from "js-yaml";
import { articleSchema } from "./articleSchema.ts";
import { checkFrontmatterDates } from "./checkFrontmatterDates.ts";
import type { ContentProblem } from "./contentProblem.ts";
import type { ArticleParts } from "./splitArticleFile.ts";
import { formatIsoDateTime } from "../dates.ts";

export type ArticleData = ReturnType<typeof articleSchema.parse>;

export interface DataCheck {
  /** The frontmatter after the schema, when it is valid. */
  data: ArticleData | undefined;
  problems: ContentProblem[];
}

/**
 * Checks an article's frontmatter the way the build does — YAML as Astro reads it (js-yaml),
 * dates as written, then the shared schema — and points each problem at its line. A future
 * date on a non-draft is a warning: the article is scheduled, which may be what the author meant.
 */
export function checkArticleData(file: string, parts: ArticleParts, now: Date): DataCheck {
  const problem = (line: number, field: string, message: string): ContentProblem => ({
    file,
    line,
    field,
    message,
    severity: "error",
  });
  if (parts.frontmatter === undefined) {
    return {
      data: undefined,
      problems: [problem(1, "frontmatter", "文件开头没有 frontmatter — 第一行应为 ---，写上 title 和 date，再以 --- 结束")],
    };
  }
  let raw: unknown;
  try {
    raw = yaml.load(parts.frontmatter);
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? String(error);
    return {
      data: undefined,
      problems: [
        problem(
          (mark?.line ?? 0) + 2,
          "frontmatter",
          `YAML 格式错误（${reason}）— 检查这一行的冒号、引号和缩进；含冒号或引号的值请整体加双引号`,
        ),
      ],
    };
  }
  const dateProblems = checkFrontmatterDates(parts.frontmatter).map((p) => problem(p.line, p.field, p.message));
  const result = articleSchema.safeParse(raw ?? {});
  const lineOf = (field: string | undefined) => (field && parts.fieldLines.get(field)) || 1;
  const schemaProblems = result.success
    ? []
    : result.error.issues.flatMap((issue) => {
        if (issue.code === "unrecognized_keys") {
          return issue.keys.map((key) => problem(lineOf(key), key, issue.message));
        }
        const field = issue.path[0] === undefined ? "frontmatter" : String(issue.path[0]);
        // A bad date already has a precise message from checkFrontmatterDates.
        if (dateProblems.some((p) => p.field === field)) return [];
        const where = issue.path.length > 1 ? `${issue.path.join(".")}: ` : "";
        return [problem(lineOf(field), field, `${where}${issue.message}`)];
      });
  const problems = [...dateProblems, ...schemaProblems];
  const data = result.success ? result.data : undefined;
  if (data && !data.draft && data.date.getTime() > now.getTime()) {
    problems.push({
      ...problem(lineOf("date"), "date", ""),
      severity: "warning",
      message: `日期在将来，这是一篇定时发布的文章：${formatIsoDateTime(data.date)} 之后的第一次构建才会发布 — 若不是有意为之，请改正日期或设 draft: true`,
    });
  }
  return { data, problems };
}
