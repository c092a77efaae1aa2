/** U+200B ZERO WIDTH SPACE: a word boundary for Pagefind's indexer that readers never see. */
export const WORD_BREAK = "\u200B";

const HAN = /\p{Script=Han}/u;
const wordSegmenter = new Intl.Segmenter("zh", { granularity: "word" });

/**
 * Marks the word boundaries Intl.Segmenter finds in Chinese text with zero-width spaces.
 *
 * Why: Pagefind splits page text with jieba but splits queries with the browser's
 * Intl.Segmenter (Pagefind #1237). When they disagree — jieba keeps 防火墙 whole, the browser
 * asks for 防火 + 墙 — a page that plainly contains the query is not found. Breaking the text at
 * Intl.Segmenter's boundaries before indexing makes the index hold the words the query side will
 * ask for; jieba never joins across a break. Latin text is left alone.
 */
export function segmentForIndex(text: string): string {
  if (!HAN.test(text)) return text;
  let out = "";
  let previousHan = false;
  for (const { segment, isWordLike } of wordSegmenter.segment(text)) {
    const han = Boolean(isWordLike) && HAN.test(segment);
    if (han && previousHan) out += WORD_BREAK;
    out += segment;
    previousHan = han;
  }
  return out;
}

/**
 * Applies segmentForIndex to the text between tags of an HTML document and to the `data-title`
 * attribute (Pagefind's title metadata, which it also searches), leaving other attributes (URLs,
 * metadata shown as is), the contents of <script>/<style> and the text of `data-pagefind-filter`
 * elements untouched: a filter value is matched exactly (a tag 手册页 chosen on /search/, or
 * written in its URL, must be 手册页, not 手册 + break + 页). The client strips the breaks from what
 * it displays (stripWordBreaks).
 */
export function segmentHtmlForIndex(html: string): string {
  return html.replace(
    /(<(script|style)\b[\s\S]*?<\/\2>|<[a-z][^>]*\sdata-pagefind-filter=[^>]*>[^<]*<)|(\sdata-title=")([^"]*)"|>([^<]+)</gi,
    (whole, raw?: string, _tag?: string, titleAttr?: string, title?: string, text?: string) => {
      if (raw !== undefined) return whole;
      if (titleAttr !== undefined) return `${titleAttr}${segmentForIndex(title ?? "")}"`;
      return text === undefined ? whole : `>${segmentForIndex(text)}<`;
    },
  );
}

/** Removes the zero-width breaks segmentForIndex added from text Pagefind hands back. */
export function stripWordBreaks(text: string): string {
  return text.replaceAll(WORD_BREAK, "");
}
