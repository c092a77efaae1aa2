import { format } from "date-fns";
import { zhCN } from "date-fns/locale";
import { TZDate, tz } from "@date-fns/tz";
import { SITE } from "../config.ts";

const inSite = { in: tz(SITE.timeZone) };

/** "2025年3月1日": the long date shown on article pages. Always in the site's time zone. */
export function formatArticleDate(date: Date): string {
  return format(date, "PPP", { ...inSite, locale: zhCN });
}

/** "2025-03-01": the short date of lists and the 相关文章 sidebar, in the site's time zone. */
export function formatIsoDay(date: Date): string {
  return format(date, "yyyy-MM-dd", inSite);
}

/** "2025-03-01T08:00:00+08:00": machine-readable, for <time datetime> and feeds. */
export function formatIsoDateTime(date: Date): string {
  return format(date, "yyyy-MM-dd'T'HH:mm:ssxxx", inSite);
}

/** The calendar year in the site's time zone (archives, search filters). */
export function siteYear(date: Date): number {
  return Number(format(date, "yyyy", inSite));
}

/**
 * YAML reads a date-only value such as `2025-03-01` as midnight UTC. Authors mean that day in
 * the site's time zone, so such a value becomes midnight there (2025-03-01T00:00+08:00); this
 * matters for scheduled publishing and for the order of articles of the same day. A value with
 * a time of day is kept as it is. Limit: a datetime written as exactly `T00:00:00Z` is
 * indistinguishable from a date-only value after YAML parsing and is read the same way.
 */
export function toSiteDate(value: Date): Date {
  const isUtcMidnight =
    value.getUTCHours() === 0 &&
    value.getUTCMinutes() === 0 &&
    value.getUTCSeconds() === 0 &&
    value.getUTCMilliseconds() === 0;
  if (!isUtcMidnight) return value;
  const siteMidnight = new TZDate(
    value.getUTCFullYear(),
    value.getUTCMonth(),
    value.getUTCDate(),
    SITE.timeZone,
  );
  return new Date(siteMidnight.getTime());
}

/** True when year-month-day names a real calendar day (2025-02-30 does not). */
export function isRealCalendarDay(year: number, month: number, day: number): boolean {
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}
