import { segmentHtmlForIndex } from "../query/segmentForIndex.ts";
import { segmentQuery } from "../query/searchWithFallback.ts";
import { indexExpansions, type SynonymGroups } from "../query/synonyms.ts";

export interface PrepareOptions {
  /** The editors' synonym groups (content/synonyms.yaml). */
  synonyms: SynonymGroups;
  /** Insert Intl.Segmenter's word breaks before Pagefind sees the text (segmentForIndex.ts). */
  presegment: boolean;
}

/**
 * Turns a page's searchable part (searchablePart.ts) into what Pagefind indexes: the same
 * document plus, at the end of its <article>, a paragraph of the words a folded query asks for
 * that the page writes differently (the standard form of a synonym or variant spelling it uses;
 * synonyms.ts). The paragraph has a low weight, so a page that writes the word itself still
 * ranks first. Pure: the same page and options always give the same bytes.
 */
export function prepareSearchPage(searchable: string, options: PrepareOptions): string {
  const text = textOf(searchable);
  const added = indexExpansions(text, options.synonyms, segmentQuery);
  const end = searchable.lastIndexOf("</article>");
  const withExpansions =
    added.length === 0 || end === -1
      ? searchable
      : `${searchable.slice(0, end)}<p data-pagefind-weight="${EXPANSION_WEIGHT}">${added.join(" ")}</p>${searchable.slice(end)}`;
  return options.presegment ? segmentHtmlForIndex(withExpansions) : withExpansions;
}

/** Pagefind's weight for added words (1 is body text, 10 the title). */
const EXPANSION_WEIGHT = 0.5;

/** The text of an HTML fragment, roughly: tags and script/style bodies removed, entities left. */
function textOf(html: string): string {
  return html.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, " ").replace(/<[^>]*>/g, " ");
}
