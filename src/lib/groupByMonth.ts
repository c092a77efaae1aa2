import { siteMonth, type YearMonth } from "./siteMonth.ts";

export interface MonthGroup<A> extends YearMonth {
  articles: A[];
}

export interface YearGroup<A> {
  year: number;
  months: MonthGroup<A>[];
}

/**
 * The archive's shape: years, then months of the given time zone, in the order the articles
 * come (newest first in, newest first out).
 */
export function groupByMonth<A extends { date: Date }>(
  articles: readonly A[],
  timeZone: string,
): YearGroup<A>[] {
  const years: YearGroup<A>[] = [];
  for (const article of articles) {
    const { year, month } = siteMonth(article.date, timeZone);
    let yearGroup = years.find((y) => y.year === year);
    if (!yearGroup) years.push((yearGroup = { year, months: [] }));
    let monthGroup = yearGroup.months.find((m) => m.month === month);
    if (!monthGroup) yearGroup.months.push((monthGroup = { year, month, articles: [] }));
    monthGroup.articles.push(article);
  }
  return years;
}
