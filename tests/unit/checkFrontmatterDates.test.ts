import { describe, expect, it } from "vitest";
import { checkFrontmatterDates } from "../../src/lib/content/checkFrontmatterDates.ts";

describe("checkFrontmatterDates", () => {
  it("accepts date-only values and datetimes with an offset", () => {
    expect(checkFrontmatterDates('title: x\ndate: 2025-03-01\nupdated: "2025-03-02T08:00:00+08:00"')).toEqual(
      [],
    );
  });

  it("rejects a day that does not exist, naming line and field", () => {
    const [problem] = checkFrontmatterDates("title: x\ndate: 2025-02-30");
    expect(problem).toMatchObject({ line: 3, field: "date" });
    expect(problem?.message).toContain("不是真实存在的日期");
  });

  it("rejects a time without a time zone, suggesting +08:00", () => {
    const [problem] = checkFrontmatterDates("updated: 2025-03-01 20:30");
    expect(problem?.field).toBe("updated");
    expect(problem?.message).toContain("+08:00");
  });

  it("rejects other spellings of a date", () => {
    expect(checkFrontmatterDates("date: 2025/3/1")[0]?.message).toContain("不是可识别的日期");
  });
});
