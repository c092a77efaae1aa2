import { tagSlug } from "../../lib/tagSlug.ts";

/** What grouping reads of an article. */
export interface SeriesMember {
  id: string;
  date: Date;
  series: string | undefined;
  seriesOrder: number | undefined;
}

export interface SeriesGroup<A> {
  /** The page's path segment: spellings that differ only in case or width share it (see tagSlug). */
  slug: string;
  /** The name shown: the spelling used by the most parts (ties: the first in part order). */
  label: string;
  /** The parts in reading order. */
  parts: A[];
}

/**
 * Groups articles into series (专题). Parts are in reading order: those with a `seriesOrder` by
 * that number, then those without, oldest first; ties (only possible with duplicate orders, which
 * the checker reports) fall back to the date and the id so the order is still deterministic.
 * Series are sorted by their latest part, newest first.
 */
export function groupBySeries<A extends SeriesMember>(articles: readonly A[]): SeriesGroup<A>[] {
  const groups = new Map<string, A[]>();
  for (const article of articles) {
    if (article.series === undefined) continue;
    const slug = tagSlug(article.series);
    if (!slug) continue;
    groups.set(slug, [...(groups.get(slug) ?? []), article]);
  }
  const newest = (parts: readonly A[]) => Math.max(...parts.map((part) => part.date.getTime()));
  return [...groups.entries()]
    .map(([slug, members]) => {
      const parts = [...members].sort(readingOrder);
      return { slug, label: mostUsedSpelling(parts), parts };
    })
    .sort((a, b) => newest(b.parts) - newest(a.parts) || a.slug.localeCompare(b.slug));
}

function readingOrder(a: SeriesMember, b: SeriesMember): number {
  const order = (m: SeriesMember) => m.seriesOrder ?? Number.POSITIVE_INFINITY;
  return (
    order(a) - order(b) || a.date.getTime() - b.date.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

function mostUsedSpelling(parts: readonly SeriesMember[]): string {
  const counts = new Map<string, number>();
  for (const part of parts) counts.set(part.series!, (counts.get(part.series!) ?? 0) + 1);
  let best = parts[0]!.series!;
  for (const [spelling, count] of counts) if (count > counts.get(best)!) best = spelling;
  return best;
}
