import { replaceFencedCode } from "./markdown/fencedCode.ts";

const graphemes = new Intl.Segmenter("zh", { granularity: "grapheme" });

/**
 * The readable prose of a Markdown/MDX body, for excerpts and search snippets: headings, code,
 * tables, HTML/JSX, images, MDX imports and link targets are dropped; emphasis markers are
 * removed; paragraphs are joined with a space.
 */
export function markdownToPlainText(markdown: string): string {
  const withoutBlocks = replaceFencedCode(markdown.replace(/\r\n?/g, "\n"), () => "\n")
    .replace(/<!--[\s\S]*?-->/g, " ")
    .replace(/^(?:import|export)\s[^\n]*$/gm, "") // MDX ESM lines
    .replace(/^ {0,3}#{1,6}\s[^\n]*$/gm, "") // ATX headings
    .replace(/^[^\n]+\n(?:=+|-+)\s*$/gm, "") // setext headings
    .replace(/^[ \t]*\|[^\n]*$/gm, "") // table rows
    .replace(/^ {0,3}(?:[-*_]\s*){3,}$/gm, "") // thematic breaks
    .replace(/^(?: {4}|\t)[^\n]*$/gm, ""); // indented code

  const inline = withoutBlocks
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "") // images
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1") // links keep their text
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, "$1") // reference links
    .replace(/^[ \t]*\[[^\]]+\]:[ \t]*\S+.*$/gm, "") // link definitions
    .replace(/<\/?[A-Za-z][^>]*>/g, " ") // HTML and JSX tags
    .replace(/`([^`]*)`/g, "$1")
    .replace(/(\*\*|__|\*|~~)(?=\S)([\s\S]*?\S)\1/g, "$2")
    .replace(/^[ \t]{0,3}>[ \t]?/gm, "") // blockquote markers
    .replace(/^[ \t]*(?:[-+*]|\d+[.)])[ \t]+/gm, "") // list markers
    .replace(/\\([\\`*_{}[\]()#+\-.!~|>])/g, "$1"); // escapes

  return inline
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.replace(/\s*\n\s*/g, joinLines).trim())
    .filter(Boolean)
    .join(" ")
    .replace(/\s{2,}/g, " ")
    .trim();
}

// A line break between two Han characters is no space in Chinese; between Latin words it is.
function joinLines(_match: string, offset: number, whole: string): string {
  const before = whole.slice(0, offset).at(-1) ?? "";
  const after = whole.slice(offset).trimStart().at(0) ?? "";
  return /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u.test(before + after) ? "" : " ";
}

/**
 * Cuts text to at most `max` user-perceived characters (never inside an emoji or a combined
 * character) and adds "…" when something was cut. Trailing punctuation before the "…" is
 * dropped so the cut never reads "，…".
 */
export function cutExcerpt(text: string, max: number): string {
  const parts = Array.from(graphemes.segment(text), (s) => s.segment);
  if (parts.length <= max) return text;
  const kept = parts
    .slice(0, max)
    .join("")
    .replace(/[\s，。、；：,.;:!！?？]+$/u, "");
  return `${kept}…`;
}

/** The excerpt shown for an article: its description if it has one, else its opening words. */
export function articleExcerpt(
  article: { description?: string | undefined; body?: string | undefined },
  max: number,
): string {
  const source = article.description?.trim() || markdownToPlainText(article.body ?? "");
  return cutExcerpt(source, max);
}
