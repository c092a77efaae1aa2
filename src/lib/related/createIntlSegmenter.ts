import type { SegmentWords } from "./types.ts";

/** Chinese word segmentation with ICU's dictionary via Intl.Segmenter: no dependency. */
export function createIntlSegmenter(): SegmentWords {
  const segmenter = new Intl.Segmenter("zh", { granularity: "word" });
  return (text) => {
    const words: string[] = [];
    for (const s of segmenter.segment(text)) if (s.isWordLike) words.push(s.segment);
    return words;
  };
}
