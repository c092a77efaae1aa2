import { HAN_STOP_WORDS, LATIN_STOP_WORDS } from "./stopWords.ts";
import type { SegmentWords } from "./types.ts";

// Only runs of two or more Han characters can hold a word worth keeping.
const HAN_RUN = /\p{Script=Han}{2,}/gu;
// An identifier: letters and digits, possibly joined by - _ . (apt-get, sources.list, O_RDONLY).
const LATIN_WORD = /[A-Za-z][A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)*/g;
const COMPOUND = /[-_.]|[a-z0-9][A-Z]/;
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
  // The segmenter sees the Han runs alone, one per line: half the work of segmenting the whole
  // text (measured with jieba on 10k articles), and Latin words are split better below anyway.
  const hanRuns = clean.match(HAN_RUN);
  if (hanRuns) {
    for (const word of segmentWords(hanRuns.join("\n"))) {
      // Length first: it drops most of what the segmenter returns (single characters, "\n").
      if (word.length >= 2 && !HAN_STOP_WORDS.has(word) && !word.includes("\n")) terms.push(word);
    }
  }
  for (const [word] of clean.matchAll(LATIN_WORD)) {
    const whole = word.toLowerCase();
    if (isLatinTerm(whole)) terms.push(whole);
    if (!COMPOUND.test(word)) continue;
    for (const part of word.split(/[-_.]|(?<=[a-z0-9])(?=[A-Z])/)) {
      const lower = part.toLowerCase();
      if (isLatinTerm(lower)) terms.push(lower);
    }
  }
  return terms;
}

function isLatinTerm(word: string): boolean {
  return word.length >= 2 && !LATIN_STOP_WORDS.has(word) && !/^[\d._-]+$/.test(word);
}
