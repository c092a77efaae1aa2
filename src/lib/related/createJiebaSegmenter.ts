import { dict } from "@node-rs/jieba/dict.js";
import { hashSlot, loadJiebaDictionary, type JiebaDictionary } from "./loadJiebaDictionary.ts";
import type { SegmentWords } from "./types.ts";

/**
 * Chinese word segmentation with jieba's dictionary, HMM off: jieba-rs's `cut(text, false)`
 * (the algorithm @node-rs/jieba runs natively) redone in JavaScript, word for word the same
 * (see the segmenter tests). Redone because on 10k articles crossing N-API cost more than
 * segmenting: the native cut took 1.9 s CPU, most of it making 6.6 million JS strings; this
 * takes about 1 s and hands out one shared string per dictionary word. It also runs the same
 * on every platform, where the native one takes its logarithms from the system's libm.
 * jieba over Intl.Segmenter, and HMM off, were chosen by measurement: see eval:related.
 */
export function createJiebaSegmenter(dictionary?: JiebaDictionary): SegmentWords {
  let cut: SegmentWords | undefined;
  // The dictionary is loaded on first use: a rebuild whose counts all come from the cache
  // never needs it (0.15 s and 30 MB saved).
  return (text) => (cut ??= createCutter(dictionary ?? loadDefaultDictionary()))(text);
}

function createCutter(dictionary: JiebaDictionary): SegmentWords {
  const { table, mask, roots, childBits, logProbability, unknownLogProbability } = dictionary;
  // One string per dictionary word, made the first time the word is cut.
  const words = new Array<string | undefined>(logProbability.length).fill(undefined);
  // Per block, by offset from the block's start: best score from here to the end, where the
  // best first word ends, and its node (−1: a character no word starts with).
  let score = new Float64Array(256);
  let wordEnd = new Int32Array(256);
  let wordNode = new Int32Array(256);

  const childOf = (parent: number, codePoint: number): number => {
    if (parent === 0 && codePoint < 0x10000) return roots[codePoint] ?? -1;
    if (((childBits[parent] ?? 0) & (1 << (codePoint & 31))) === 0) return -1;
    let slot = hashSlot(parent, codePoint, mask);
    for (;;) {
      const at = slot * 3;
      const stored = table[at] ?? -1;
      if (stored === parent && table[at + 1] === codePoint) return table[at + 2] ?? -1;
      if (stored === -1) return -1;
      slot = (slot + 1) & mask;
    }
  };

  /** jieba-rs `cut_dag_no_hmm` on text[start, end), a run of block characters. */
  const cutBlock = (text: string, start: number, end: number, out: string[]): void => {
    const size = end - start;
    if (score.length <= size) {
      score = new Float64Array(2 * size + 1);
      wordEnd = new Int32Array(2 * size + 1);
      wordNode = new Int32Array(2 * size + 1);
    }
    // Most probable path by dynamic programming from the end (jieba's `calc`). Candidates come
    // shortest first and a later one wins a tie, as with Rust's max_by over (score, end).
    score[size] = 0;
    let next = end;
    for (let i = end - 1; i >= start; i--) {
      const unit = text.charCodeAt(i);
      if (unit >= 0xdc00 && unit <= 0xdfff && i > start) continue;
      let best = Number.NEGATIVE_INFINITY;
      let bestEnd = -1;
      let bestNode = -1;
      let node = 0;
      for (let j = i; j < end;) {
        let codePoint = text.charCodeAt(j++);
        if (codePoint >= 0xd800 && codePoint <= 0xdbff && j < end) {
          codePoint = ((codePoint - 0xd800) << 10) + (text.charCodeAt(j++) - 0xdc00) + 0x10000;
        }
        node = childOf(node, codePoint);
        if (node < 0) break;
        const word = logProbability[node] ?? Number.NaN;
        if (word !== word) continue;
        const candidate = word + (score[j - start] ?? 0);
        if (candidate >= best) {
          best = candidate;
          bestEnd = j;
          bestNode = node;
        }
      }
      if (bestEnd < 0) {
        best = unknownLogProbability + (score[next - start] ?? 0);
        bestEnd = next;
      }
      score[i - start] = best;
      wordEnd[i - start] = bestEnd;
      wordNode[i - start] = bestNode;
      next = i;
    }
    // Consecutive single ASCII letters or digits are joined into one word, as jieba does.
    let ascii = -1;
    for (let x = start; x < end;) {
      const y = wordEnd[x - start] ?? end;
      if (y - x === 1 && isAsciiAlphanumeric(text.charCodeAt(x))) {
        if (ascii < 0) ascii = x;
      } else {
        if (ascii >= 0) out.push(text.slice(ascii, x));
        ascii = -1;
        const node = wordNode[x - start] ?? -1;
        out.push(node < 0 ? text.slice(x, y) : (words[node] ??= text.slice(x, y)));
      }
      x = y;
    }
    if (ascii >= 0) out.push(text.slice(ascii, end));
  };

  return (text) => {
    const out: string[] = [];
    for (let i = 0; i < text.length;) {
      const codePoint = text.codePointAt(i) ?? 0;
      const width = codePoint > 0xffff ? 2 : 1;
      if (isBlockCharacter(codePoint)) {
        let j = i + width;
        while (j < text.length) {
          const next = text.codePointAt(j) ?? 0;
          if (!isBlockCharacter(next)) break;
          j += next > 0xffff ? 2 : 1;
        }
        cutBlock(text, i, j, out);
        i = j;
      } else {
        // Outside blocks every character is a word of its own; \r\n stays one.
        const end = codePoint === 0x0d && text.charCodeAt(i + 1) === 0x0a ? i + 2 : i + width;
        out.push(text.slice(i, end));
        i = end;
      }
    }
    return out;
  };
}

let defaultDictionary: JiebaDictionary | undefined;

/** The dictionary that ships with @node-rs/jieba, parsed once per process. */
function loadDefaultDictionary(): JiebaDictionary {
  defaultDictionary ??= loadJiebaDictionary(new TextDecoder().decode(dict));
  return defaultDictionary;
}

/** jieba's RE_HAN_DEFAULT: CJK ideographs, ASCII letters and digits, and + # & . _ % -. */
function isBlockCharacter(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    isAsciiAlphanumeric(c) ||
    c === 0x2b ||
    c === 0x23 ||
    c === 0x26 ||
    c === 0x2e ||
    c === 0x5f ||
    c === 0x25 ||
    c === 0x2d ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0x20000 && c <= 0x2a6df) ||
    (c >= 0x2a700 && c <= 0x2ebef) ||
    (c >= 0x2f800 && c <= 0x2fa1f)
  );
}

function isAsciiAlphanumeric(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}
