import { decodeCharSet } from "./charSet.ts";
import { normalizeQuery } from "./normalizeQuery.ts";
import { TRADITIONAL_CHARACTERS } from "./traditionalCharacters.ts";

let traditional: Set<number> | undefined;

/**
 * True when the text has a character the traditional→simplified converter may change (a 3,400-
 * character set generated from its dictionaries). When false, toSimplified would return the text
 * as it is, so the search does not load its tables (~50 KB gzipped) for the query: most queries,
 * written in simplified characters, never do.
 */
export function mayBeTraditional(text: string): boolean {
  traditional ??= decodeCharSet(TRADITIONAL_CHARACTERS);
  for (const char of text) if (traditional.has(char.codePointAt(0)!)) return true;
  return false;
}

/**
 * True when folding traditional to simplified may change what normalizeQuery makes of a query:
 * only then does the search load the converter. Question words are left out of the check: 什么
 * and 怎么 pass through the converter unchanged (its tw stage writes 什麼, its cn stage 什么 again),
 * but their 么 alone does change (么 → 幺), so the character set has to flag it.
 */
export function needsFolding(raw: string): boolean {
  return mayBeTraditional(normalizeQuery(raw));
}
