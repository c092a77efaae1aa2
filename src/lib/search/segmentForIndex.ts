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
 * Applies segmentForIndex to the text between tags of an HTML document, leaving tags, attribute
 * values (metadata, URLs) and the contents of <script>/<style> untouched.
 */
export function segmentHtmlForIndex(html: string): string {
  return html.replace(/(<(script|style)\b[\s\S]*?<\/\2>)|>([^<]+)</gi, (whole, raw: string | undefined, _tag, text: string | undefined) =>
    raw !== undefined || text === undefined ? whole : `>${segmentForIndex(text)}<`,
  );
}
