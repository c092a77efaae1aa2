import { ARTICLE_BODY_END } from "../../../lib/articleBodyEnd.ts";

/**
 * The only part of a built page Pagefind reads: its `<article data-pagefind-body>` element (title,
 * metadata attributes, filters and body), in a minimal document. An article page is ~4× larger
 * than its article — inlined stylesheet, header, sidebar, related list — and Pagefind would parse
 * all of it only to ignore it. Pages without data-pagefind-body come back undefined.
 *
 * The article ends at the first `</article>` after the layout's ARTICLE_BODY_END marker, so an
 * `</article>` an author wrote inside the body cannot cut it short.
 */
export function searchablePart(html: string, lang: string): string | undefined {
  const marker = html.indexOf("data-pagefind-body");
  if (marker === -1) return undefined;
  const start = html.lastIndexOf("<article", marker);
  const bodyEnd = html.lastIndexOf(ARTICLE_BODY_END);
  const end = html.indexOf("</article>", Math.max(bodyEnd, marker));
  if (start === -1 || end === -1) throw new Error("searchablePart: data-pagefind-body outside an <article>");
  const article = html.slice(start, end + "</article>".length);
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"></head><body>${article}</body></html>`;
}
