import type { ContentProblem } from "./contentProblem.ts";
import type { ProseLine } from "./proseLines.ts";
import { HTML_IMAGE, MARKDOWN_IMAGE, REMOTE, attribute, decode } from "./checkArticleImages.ts";

/** What `npm run check:content` reads of a local image file. */
export interface ImageFacts {
  bytes: number;
  width: number;
  height: number;
}

export interface ImageLimits {
  /** An original above this many bytes gets a warning. */
  maxBytes: number;
  /** An original wider or taller than this many pixels gets a warning. */
  maxPixels: number;
}

/** Over 2 MB or 3000 px: a phone photo straight off the camera, more than any page needs. */
export const IMAGE_LIMITS: ImageLimits = { maxBytes: 2 * 1024 * 1024, maxPixels: 3000 };

/**
 * Warnings (never errors) about images that cost readers: an oversized original (the build
 * resizes Markdown images, but the repository and every build carry the original), and a raw
 * `<img>` without width and height, which the build leaves alone — the text jumps when it loads.
 * `factsOf(src)` reads a local image (undefined when it cannot: the existence check reports that).
 */
export function checkImageWeight(
  file: string,
  lines: readonly ProseLine[],
  factsOf: (src: string) => ImageFacts | undefined,
  limits: ImageLimits = IMAGE_LIMITS,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const warn = (line: number, message: string) =>
    problems.push({ file, line, field: "body", message, severity: "warning" });
  const checkSize = (line: number, src: string) => {
    if (src === "" || REMOTE.test(src)) return;
    const facts = factsOf(decode(src.split(/[?#]/)[0] ?? src));
    if (!facts) return;
    const megabytes = (facts.bytes / 1024 / 1024).toFixed(1);
    if (facts.bytes > limits.maxBytes || Math.max(facts.width, facts.height) > limits.maxPixels) {
      warn(
        line,
        `图片 ${src} 原图过大（${megabytes} MB，${facts.width}×${facts.height} 像素） — 构建会缩小它，但仓库和每次构建都带着原图；请先缩到长边 ${limits.maxPixels} 像素、${(limits.maxBytes / 1024 / 1024).toFixed(0)} MB 以内`,
      );
    }
  };
  for (const { line, text } of lines) {
    for (const match of text.matchAll(MARKDOWN_IMAGE)) checkSize(line, match[2] ?? "");
    for (const match of text.matchAll(HTML_IMAGE)) {
      const src = attribute(match[0], "src") ?? "";
      checkSize(line, src);
      if (attribute(match[0], "width") === undefined || attribute(match[0], "height") === undefined) {
        warn(
          line,
          `<img src="${src}"> 没有写 width 和 height — 图片加载时正文会跳动；请加上图片的像素尺寸（如 width="1200" height="800"），或改用 Markdown 写法 ![描述](${src || "./images/…"})，构建会自动处理`,
        );
      }
    }
  }
  return problems;
}

/** The local images (Markdown and raw `<img>`) an article's prose lines use, as written. */
export function localImageSources(lines: readonly ProseLine[]): string[] {
  const sources = lines.flatMap(({ text }) => [
    ...[...text.matchAll(MARKDOWN_IMAGE)].map((match) => match[2] ?? ""),
    ...[...text.matchAll(HTML_IMAGE)].map((match) => attribute(match[0], "src") ?? ""),
  ]);
  return [...new Set(sources.filter((src) => src !== "" && !REMOTE.test(src)).map((src) => decode(src.split(/[?#]/)[0] ?? src)))];
}
