import { isRealCalendarDay } from "../dates.ts";

export interface FrontmatterProblem {
  /** 1-based line in the file (the frontmatter starts after the opening `---` on line 1). */
  line: number;
  field: string;
  message: string;
}

const DATE_FIELDS = ["date", "updated"] as const;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Checks the date fields as the author wrote them, before YAML turns them into Date objects:
 * YAML silently rolls `2025-02-30` over to March 2nd and reads a time without an offset as UTC,
 * neither of which the author meant. Returns one problem per bad field.
 */
export function checkFrontmatterDates(rawFrontmatter: string): FrontmatterProblem[] {
  const problems: FrontmatterProblem[] = [];
  const lines = rawFrontmatter.split(/\r?\n/);
  lines.forEach((text, index) => {
    const match = /^(\w+):[ \t]*(.*?)[ \t]*(?:#.*)?$/.exec(text);
    const field = match?.[1];
    if (!match || !DATE_FIELDS.includes(field as (typeof DATE_FIELDS)[number])) return;
    const value = (match[2] ?? "").replace(/^(["'])(.*)\1$/, "$2");
    if (value === "") return; // an empty value is the schema's to report
    const line = index + 2;
    const parts = DATE_ONLY.exec(value) ?? DATE_TIME.exec(value);
    if (!parts) {
      problems.push({
        line,
        field: field!,
        message: `“${value}”不是可识别的日期 — 请写成 2025-03-01（只写日期），或 2025-03-01T20:30:00+08:00（带时区的时间）`,
      });
      return;
    }
    const [, year, month, day, hour, minute, second, offset] = parts;
    if (!isRealCalendarDay(Number(year), Number(month), Number(day))) {
      problems.push({
        line,
        field: field!,
        message: `“${value}”不是真实存在的日期（${Number(month)} 月没有 ${Number(day)} 日）— 请改为正确的日期`,
      });
    } else if (hour !== undefined && (Number(hour) > 23 || Number(minute) > 59 || Number(second ?? 0) > 59)) {
      problems.push({ line, field: field!, message: `“${value}”的时间不存在 — 时、分、秒应在 00:00:00 到 23:59:59 之间` });
    } else if (hour !== undefined && offset === undefined) {
      problems.push({
        line,
        field: field!,
        message: `“${value}”带时间却没有时区，会被当作 UTC — 请加上时区，例如 ${value.replace(" ", "T")}+08:00，或只写日期`,
      });
    }
  });
  return problems;
}
