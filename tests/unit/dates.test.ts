import { describe, expect, it } from "vitest";
import {
  formatArticleDate,
  formatIsoDateTime,
  formatIsoDay,
  isRealCalendarDay,
  toSiteDate,
} from "../../src/lib/dates.ts";

// The suite runs with TZ set to a zone far from the site's (see package.json "test:unit").
describe("dates are shown in the site's time zone, whatever the machine's", () => {
  it("runs in a zone other than Asia/Shanghai, so the tests below mean something", () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).not.toBe("Asia/Shanghai");
  });

  it("reads a YAML date-only value (UTC midnight) as that day in Shanghai", () => {
    const yamlDate = new Date(Date.UTC(2025, 2, 1)); // what YAML makes of `date: 2025-03-01`
    const date = toSiteDate(yamlDate);
    expect(date.toISOString()).toBe("2025-02-28T16:00:00.000Z");
    expect(formatIsoDay(date)).toBe("2025-03-01");
    expect(formatArticleDate(date)).toBe("2025年3月1日");
  });

  it("keeps a datetime with an offset as written", () => {
    const date = toSiteDate(new Date("2025-11-02T21:30:00+08:00"));
    expect(formatIsoDateTime(date)).toBe("2025-11-02T21:30:00+08:00");
  });

  it("puts a late-evening Los Angeles moment on the next Shanghai day", () => {
    const date = new Date("2025-06-30T20:00:00-07:00"); // 2025-07-01 11:00 in Shanghai
    expect(formatIsoDay(date)).toBe("2025-07-01");
    expect(formatArticleDate(date)).toBe("2025年7月1日");
  });

  it("knows impossible calendar days", () => {
    expect(isRealCalendarDay(2025, 2, 28)).toBe(true);
    expect(isRealCalendarDay(2025, 2, 29)).toBe(false);
    expect(isRealCalendarDay(2024, 2, 29)).toBe(true);
    expect(isRealCalendarDay(2025, 13, 1)).toBe(false);
  });
});
