export interface ReadingStats {
  /** Han characters in the prose (code excluded). */
  hanChars: number;
  /** Latin-script words (English, numbers, identifiers) in the prose. */
  latinWords: number;
  /** hanChars + latinWords: the "字数" shown to readers. */
  length: number;
  /** Whole minutes, at least 1. */
  minutes: number;
}

import { replaceFencedCode } from "./markdown/fencedCode.ts";

const HAN = /\p{Script=Han}/gu;
const LATIN_WORD = /[\p{Script=Latin}\p{Nd}][\p{Script=Latin}\p{Nd}'’._-]*/gu;

/**
 * Length and reading time of a Markdown body, counted the Chinese way: Han characters and Latin
 * words are counted apart (a word count alone says a Chinese article has a handful of "words"),
 * code blocks are skipped since nobody reads them at prose speed.
 */
export function readingStats(
  markdown: string,
  speeds: { hanCharsPerMinute: number; latinWordsPerMinute: number },
): ReadingStats {
  const prose = replaceFencedCode(markdown, () => " ")
    .replace(/`[^`\n]*`/g, " ")
    .replace(/\]\([^)]*\)/g, "]") // link targets are not read
    .replace(/<[^>]+>/g, " ");
  const hanChars = prose.match(HAN)?.length ?? 0;
  const latinWords = prose.match(LATIN_WORD)?.length ?? 0;
  const minutes = hanChars / speeds.hanCharsPerMinute + latinWords / speeds.latinWordsPerMinute;
  return {
    hanChars,
    latinWords,
    length: hanChars + latinWords,
    minutes: Math.max(1, Math.round(minutes)),
  };
}
