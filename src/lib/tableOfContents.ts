export interface TocHeading {
  depth: number;
  slug: string;
  text: string;
}

/**
 * The entries of an article's 目录: its h2 and h3 headings (h1 is the title; deeper levels
 * clutter a sidebar), or none when there are fewer than `minHeadings` of them, since a table
 * of contents for a two-section article is noise.
 */
export function tableOfContents(headings: readonly TocHeading[], minHeadings: number): TocHeading[] {
  const entries = headings.filter((h) => h.depth === 2 || h.depth === 3);
  return entries.length >= minHeadings ? entries.map(({ depth, slug, text }) => ({ depth, slug, text })) : [];
}
