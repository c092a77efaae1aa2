import type { ContentProblem } from "./contentProblem.ts";
import type { ProseLine } from "./proseLines.ts";

export const MARKDOWN_IMAGE = /!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?[^)]*\)/g;
export const HTML_IMAGE = /<img\b[^>]*>/gi;
export const REMOTE = /^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i;

export function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(tag);
  return match ? (match[1] ?? match[2] ?? match[3] ?? "") : undefined;
}

export function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Images in Markdown (`![alt](src)`) and raw `<img>`: each needs alt text (screen readers, and
 * the page makes no sense without it when the image fails), and a local image must exist —
 * Astro's own error for a missing image names the image but not the article.
 */
export function checkArticleImages(
  file: string,
  lines: readonly ProseLine[],
  imageExists: (src: string) => boolean,
  { requireAlt = true }: { requireAlt?: boolean } = {},
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const check = (line: number, src: string, alt: string | undefined) => {
    const report = (message: string) => problems.push({ file, line, field: "body", message, severity: "error" });
    if (requireAlt && (alt === undefined || alt.trim() === "")) {
      report(`图片 ${src} 没有替代文字 — 写成 ![图片内容的简短描述](${src})，或给 <img> 加上 alt="…"`);
    }
    if (src !== "" && !REMOTE.test(src) && !imageExists(decode(src.split(/[?#]/)[0] ?? src))) {
      report(`找不到图片文件 ${src} — 路径相对于文章所在目录（如 ./images/chart.svg），以 / 开头则相对于 public/`);
    }
  };
  for (const { line, text } of lines) {
    for (const match of text.matchAll(MARKDOWN_IMAGE)) check(line, match[2] ?? "", match[1]);
    for (const match of text.matchAll(HTML_IMAGE)) check(line, attribute(match[0], "src") ?? "", attribute(match[0], "alt"));
  }
  return problems;
}
