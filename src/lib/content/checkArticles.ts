import { isPublished } from "../publish.ts";
import { tagSlug } from "../tagSlug.ts";
import { checkArticleBody } from "./checkArticleBody.ts";
import { checkArticleData, type ArticleData } from "./checkArticleData.ts";
import type { ContentProblem } from "./contentProblem.ts";
import { findDuplicateIds } from "./findDuplicateIds.ts";
import { findUnsafeHtml } from "./findUnsafeHtml.ts";
import { checkImageWeight, type ImageFacts } from "./checkImageWeight.ts";
import { parseArticleText } from "./readArticleFile.ts";
import { findSeriesOrderClashes, seriesOrderClashMessage } from "../../features/series/findSeriesOrderClashes.ts";

export interface ArticleFile {
  /** Path shown in messages. */
  file: string;
  /** The article's id: its file name without extension. */
  id: string;
  text: string;
}

export interface CheckOptions {
  /** The moment to judge scheduled articles against (the build's "now"). */
  now: Date;
  /** Whether an image `src` used by `file` exists on disk. */
  imageExists: (file: string, src: string) => boolean;
  /** SITE.rejectUnsafeHtml: unsafe raw HTML is an error (the build fails) rather than a warning. */
  rejectUnsafeHtml: boolean;
  /** SITE.titleWarnLength: longer titles get a warning (they wrap badly in lists and feeds). */
  titleWarnLength: number;
  /** Size and bytes of a local image used by `file` (read beforehand); enables the weight warnings. */
  imageFacts?: (file: string, src: string) => ImageFacts | undefined;
}

/**
 * Every problem `npm run check:content` reports for a set of articles, in file order: the
 * frontmatter against the build's schema, then what needs the whole collection (duplicate ids, series orders,
 * `related` ids, internal links, tags), then images and raw HTML in each body.
 */
export function checkArticles(files: readonly ArticleFile[], options: CheckOptions): ContentProblem[] {
  const checked = files.map((article) => {
    const parts = parseArticleText(article.text, article.file);
    return { ...article, parts, ...checkArticleData(article.file, parts, options.now) };
  });
  const publishedData = checked
    .map((a) => a.data)
    .filter((data): data is ArticleData => data !== undefined)
    .filter((data) => isPublished({ data }, { now: options.now, preview: false }));
  const context = {
    articles: new Map(
      checked.map((a) => [a.id, { published: a.data ? isPublished({ data: a.data }, { now: options.now, preview: false }) : false }]),
    ),
    tagSlugs: new Set(publishedData.flatMap((data) => data.tags.map(tagSlug))),
  };

  const problems = [...findDuplicateIds(files)];
  const seriesOrderLine = new Map(checked.map((a) => [a.file, a.parts.fieldLines.get("seriesOrder") ?? 1]));
  for (const clash of findSeriesOrderClashes(
    checked.map((a) => ({ file: a.file, series: a.data?.series, seriesOrder: a.data?.seriesOrder })),
  )) {
    problems.push({
      file: clash.file,
      line: seriesOrderLine.get(clash.file) ?? 1,
      field: "seriesOrder",
      message: seriesOrderClashMessage(clash),
      severity: "error",
    });
  }
  for (const article of checked) {
    problems.push(...article.problems);
    const titleLength = [...(article.data?.title ?? "")].length;
    if (titleLength > options.titleWarnLength) {
      problems.push({
        file: article.file,
        line: article.parts.fieldLines.get("title") ?? 1,
        field: "title",
        message: `标题有 ${titleLength} 个字，超过 ${options.titleWarnLength} 个 — 在列表和订阅里会折成好几行，建议缩短，把细节留给 description`,
        severity: "warning",
      });
    }
    const relatedLine = article.parts.fieldLines.get("related") ?? 1;
    for (const id of article.data?.related ?? []) {
      if (!context.articles.has(id)) {
        problems.push({
          file: article.file,
          line: relatedLine,
          field: "related",
          message: `related 中的 “${id}” 不是任何文章的 id — 请写文章的文件名（不含扩展名）`,
          severity: "error",
        });
      }
    }
    const lines = article.parts.prose;
    problems.push(
      ...checkArticleBody(article.file, article.parts.body, lines, {
        ...context,
        imageExists: (src) => options.imageExists(article.file, src),
      }),
    );
    const { imageFacts } = options;
    if (imageFacts) problems.push(...checkImageWeight(article.file, lines, (src) => imageFacts(article.file, src)));
    for (const { line, what } of findUnsafeHtml(lines)) {
      problems.push({
        file: article.file,
        line,
        field: "body",
        message: `正文含有 ${what}，会在读者的浏览器里执行或嵌入外站内容 — 请删去，或放进代码块里展示${options.rejectUnsafeHtml ? "（SITE.rejectUnsafeHtml 已开启，构建会失败）" : ""}`,
        severity: options.rejectUnsafeHtml ? "error" : "warning",
      });
    }
  }
  const order = new Map(files.map((f, index) => [f.file, index]));
  return problems.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) || a.line - b.line);
}
