import { HAN_STOP_WORDS, LATIN_STOP_WORDS } from "./stopWords.ts";
import type { SegmentWords } from "./types.ts";

const HAN_WORD = /^\p{Script=Han}{2,}$/u;
// An identifier: letters and digits, possibly joined by - _ . (apt-get, sources.list, O_RDONLY).
const LATIN_WORD = /[A-Za-z][A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)*/g;
const URL = /\b(?:https?|ftp):\/\/\S+/g;

/**
 * The index terms of a text: Han words of two or more characters from the segmenter, and Latin
 * words and code identifiers lowercased. A compound identifier also yields its parts
 * (`getFooBar` → getfoobar, get, foo, bar; `apt-get` → apt-get, apt, get) so prose that names
 * one part still meets it. Stop words, numbers and one-letter words are dropped.
 */
export function extractTerms(text: string, segmentWords: SegmentWords): string[] {
  const clean = text.normalize("NFKC").replace(URL, " ");
  const terms: string[] = [];
  for (const word of segmentWords(clean)) {
    if (HAN_WORD.test(word) && !HAN_STOP_WORDS.has(word)) terms.push(word);
  }
  for (const [word] of clean.matchAll(LATIN_WORD)) {
    const whole = word.toLowerCase();
    if (isLatinTerm(whole)) terms.push(whole);
    const parts = word
      .split(/[-_.]|(?<=[a-z0-9])(?=[A-Z])/)
      .map((part) => part.toLowerCase())
      .filter(isLatinTerm);
    if (parts.length > 1) terms.push(...parts);
  }
  return terms;
}

function isLatinTerm(word: string): boolean {
  return word.length >= 2 && !LATIN_STOP_WORDS.has(word) && !/^[\d._-]+$/.test(word);
}
