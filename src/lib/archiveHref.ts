import type { YearMonth } from "./siteMonth.ts";

/** The id of a month's section on /archive/: "2025-03". */
export function archiveMonthId({ year, month }: YearMonth): string {
  return `${year}-${String(month).padStart(2, "0")}`;
}

/** Link to a month's section of the archive page. */
export function archiveHref(yearMonth: YearMonth): string {
  return `/archive/#${archiveMonthId(yearMonth)}`;
}
