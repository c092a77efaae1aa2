import { describe, expect, it } from "vitest";
import { groupByMonth } from "../../src/lib/groupByMonth.ts";

describe("groupByMonth", () => {
  const article = (id: string, iso: string) => ({ id, date: new Date(iso) });

  it("groups newest-first articles into years and months, keeping their order", () => {
    const years = groupByMonth(
      [
        article("d", "2025-12-20T10:00:00+08:00"),
        article("c", "2025-12-02T10:00:00+08:00"),
        article("b", "2025-03-01T10:00:00+08:00"),
        article("a", "2024-07-01T10:00:00+08:00"),
      ],
      "Asia/Shanghai",
    );
    expect(years.map((y) => [y.year, y.months.map((m) => [m.month, m.articles.map((a) => a.id)])])).toEqual([
      [
        2025,
        [
          [12, ["d", "c"]],
          [3, ["b"]],
        ],
      ],
      [2024, [[7, ["a"]]]],
    ]);
  });

  it("files by the site's calendar, not UTC (tests run in Los Angeles time)", () => {
    // 00:30 on 1 January in Shanghai is still 31 December in UTC and in Los Angeles.
    const years = groupByMonth([article("new-year", "2025-01-01T00:30:00+08:00")], "Asia/Shanghai");
    expect(years[0]).toMatchObject({ year: 2025, months: [{ year: 2025, month: 1 }] });
  });

  it("returns nothing for no articles", () => {
    expect(groupByMonth([], "Asia/Shanghai")).toEqual([]);
  });
});
