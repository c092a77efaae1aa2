import { tagSlug } from "../../lib/tagSlug.ts";

export interface SeriesOrderClash {
  /** The file whose order clashes (one clash per file involved). */
  file: string;
  series: string;
  order: number;
  /** The other files with the same series and order. */
  others: string[];
}

/**
 * Parts of one series that claim the same `seriesOrder`. Checked over every article, drafts
 * included (like `related` pins), so that publishing a draft never turns a valid site into a
 * failing build. Series spellings are compared as their page slugs.
 */
export function findSeriesOrderClashes(
  articles: readonly { file: string; series?: string | undefined; seriesOrder?: number | undefined }[],
): SeriesOrderClash[] {
  const byPlace = new Map<string, { series: string; order: number; files: string[] }>();
  for (const { file, series, seriesOrder } of articles) {
    if (series === undefined || seriesOrder === undefined) continue;
    const place = `${tagSlug(series)}\u0000${seriesOrder}`;
    const entry = byPlace.get(place) ?? { series, order: seriesOrder, files: [] };
    entry.files.push(file);
    byPlace.set(place, entry);
  }
  return [...byPlace.values()]
    .filter(({ files }) => files.length > 1)
    .flatMap(({ series, order, files }) =>
      files.map((file) => ({ file, series, order, others: files.filter((other) => other !== file) })),
    );
}

/** The one-line message for a clash (the checker adds file:line: field:, the build the file). */
export function seriesOrderClashMessage(clash: SeriesOrderClash): string {
  return `系列“${clash.series}”中 seriesOrder: ${clash.order} 重复（${clash.others.join("、")} 也是第 ${clash.order} 篇）— 请给每一篇不同的序号`;
}
