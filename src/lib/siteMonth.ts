import { format } from "date-fns";
import { tz } from "@date-fns/tz";

export interface YearMonth {
  year: number;
  /** 1–12. */
  month: number;
}

/**
 * The calendar month of a moment in the given time zone: an article published at 23:30 on
 * 31 December in Shanghai belongs to December even when the build runs in UTC.
 */
export function siteMonth(date: Date, timeZone: string): YearMonth {
  const [year = 0, month = 0] = format(date, "yyyy-M", { in: tz(timeZone) })
    .split("-")
    .map(Number);
  return { year, month };
}
