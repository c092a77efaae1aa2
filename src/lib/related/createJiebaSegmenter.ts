import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import type { SegmentWords } from "./types.ts";

/**
 * Chinese word segmentation with jieba's dictionary (@node-rs/jieba, native). Chosen over
 * Intl.Segmenter by measurement: see scripts/eval-related.ts and the bench. HMM is off: new-word
 * guessing made results slightly worse and slower on the docs corpus.
 */
export function createJiebaSegmenter(): SegmentWords {
  const jieba = Jieba.withDict(dict);
  return (text) => jieba.cut(text, false);
}
