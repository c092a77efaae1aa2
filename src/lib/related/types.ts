/** Splits Chinese text into words. Only runs of Han characters matter; the rest is ignored. */
export type SegmentWords = (text: string) => readonly string[];

/** What the related-articles engine reads of an article. */
export interface RelatedSource {
  id: string;
  title: string;
  /** Markdown body; prose, headings and code identifiers all count. */
  body: string;
  tags: readonly string[];
  date: Date;
  /** Ids the author pinned with `related:` in frontmatter, in the author's order. */
  pinned?: readonly string[];
}

/** Weighted term counts of one article: the unit that is cached by content hash. */
export interface TermCounts {
  terms: string[];
  counts: number[];
}

/** One article's entry in the 相关文章 list, with the evidence for it. */
export interface RelatedPick {
  id: string;
  /** Pinned by the author in frontmatter rather than found by the engine. */
  pinned: boolean;
  /** Key terms both articles share, strongest first (empty for a pin). */
  sharedTerms: string[];
  /** Tags both articles carry, most specific (rarest) first. */
  sharedTags: string[];
  /** Blended similarity, 0..1 (0 for a pin). */
  score: number;
}
