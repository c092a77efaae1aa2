import { tagSlug } from "../tagSlug.ts";
import type { ContentProblem } from "./contentProblem.ts";
import { checkArticleImages } from "./checkArticleImages.ts";
import type { ProseLine } from "./proseLines.ts";

export interface BodyContext {
  /** Every article id, with whether the build will publish it. */
  articles: ReadonlyMap<string, { published: boolean }>;
  /** The tag slugs that have a page (tags of published articles). */
  tagSlugs: ReadonlySet<string>;
  /** Whether a local image referenced from this article exists (relative or site-absolute). */
  imageExists: (src: string) => boolean;
}

const MARKDOWN_LINK = /(?<!!)\[[^\]]*\]\(\s*<?([^)\s>]+)>?[^)]*\)/g;
const HTML_LINK = /<a\b[^>]*?\bhref\s*=\s*["']([^"']+)["']/gi;

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Checks what the body links to and shows: internal links must reach a published article or an
 * existing tag page; images are checked by checkArticleImages.
 * An empty body is an error: the page would show a title and nothing else.
 */
export function checkArticleBody(file: string, body: string, lines: readonly ProseLine[], context: BodyContext): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const report = (line: number, message: string) =>
    problems.push({ file, line, field: "body", message, severity: "error" });

  const text = body
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/^(?:import|export)\s.*$/gm, "")
    .trim();
  if (text === "") report(lines[0]?.line ?? 1, "正文为空 — 请在 frontmatter 之后写上正文");

  const checkLink = (line: number, href: string) => {
    const path = href.split(/[?#]/)[0] ?? "";
    const article = /^\/articles\/([^/]+)\/?$/.exec(path);
    if (article) {
      const id = decode(article[1] ?? "");
      const target = context.articles.get(id);
      if (!target) report(line, `链接 ${href} 指向不存在的文章 “${id}” — 请改为现有文章的文件名（不含扩展名），如 /articles/night-buses/`);
      else if (!target.published) report(line, `链接 ${href} 指向草稿或尚未发布的文章 — 读者会看到 404；请等它发布后再链接`);
      return;
    }
    const tag = /^\/tags\/([^/]+)\/?$/.exec(path);
    if (tag && !context.tagSlugs.has(tagSlug(decode(tag[1] ?? "")))) {
      report(line, `链接 ${href} 指向不存在的标签页 — 只有已发布文章用到的标签才有页面，请检查拼写`);
    }
  };
  for (const { line, text: prose } of lines) {
    for (const match of prose.matchAll(MARKDOWN_LINK)) checkLink(line, match[1] ?? "");
    for (const match of prose.matchAll(HTML_LINK)) checkLink(line, match[1] ?? "");
  }
  problems.push(...checkArticleImages(file, lines, context.imageExists));
  return problems;
}
