import { describe, expect, it } from "vitest";
import { groupBySeries, type SeriesMember } from "../../../src/features/series/groupBySeries.ts";
import {
  findSeriesOrderClashes,
  seriesOrderClashMessage,
} from "../../../src/features/series/findSeriesOrderClashes.ts";

const part = (id: string, date: string, series?: string, seriesOrder?: number): SeriesMember => ({
  id,
  date: new Date(date),
  series,
  seriesOrder,
});

describe("groupBySeries", () => {
  it("orders numbered parts by number, then unnumbered ones oldest first", () => {
    const groups = groupBySeries([
      part("late", "2025-05-01", "笔记"),
      part("two", "2025-01-01", "笔记", 2),
      part("early", "2025-04-01", "笔记"),
      part("one", "2025-03-01", "笔记", 1),
      part("alone", "2025-02-01"),
    ]);
    expect(groups.map((g) => [g.label, g.parts.map((p) => p.id)])).toEqual([
      ["笔记", ["one", "two", "early", "late"]],
    ]);
  });

  it("merges spellings that share a page and shows the most used one", () => {
    const groups = groupBySeries([
      part("a", "2025-01-01", "Linux 入门", 1),
      part("b", "2025-01-02", "linux 入门", 2),
      part("c", "2025-01-03", "linux 入门", 3),
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.label).toBe("linux 入门");
    expect(groups[0]!.parts.map((p) => p.id)).toEqual(["a", "b", "c"]);
  });

  it("lists the series with the latest part first", () => {
    const groups = groupBySeries([
      part("x1", "2024-01-01", "旧系列", 1),
      part("y1", "2025-01-01", "新系列", 1),
      part("x2", "2024-02-01", "旧系列", 2),
    ]);
    expect(groups.map((g) => g.label)).toEqual(["新系列", "旧系列"]);
  });

  it("is empty when no article is in a series", () => {
    expect(groupBySeries([part("a", "2025-01-01")])).toEqual([]);
  });
});

describe("findSeriesOrderClashes", () => {
  it("reports every file of a clash, with the others named, across spellings of one series", () => {
    const clashes = findSeriesOrderClashes([
      { file: "a.md", series: "笔记", seriesOrder: 1 },
      { file: "b.md", series: "笔记", seriesOrder: 2 },
      { file: "c.md", series: "笔记", seriesOrder: 1 },
      { file: "d.md", series: "另一个", seriesOrder: 1 },
      { file: "e.md", series: "ＡＢ", seriesOrder: 5 },
      { file: "f.md", series: "ab", seriesOrder: 5 },
      { file: "g.md", series: "笔记" },
      { file: "h.md", series: "笔记" },
    ]);
    expect(clashes.map((c) => [c.file, c.others])).toEqual([
      ["a.md", ["c.md"]],
      ["c.md", ["a.md"]],
      ["e.md", ["f.md"]],
      ["f.md", ["e.md"]],
    ]);
    expect(seriesOrderClashMessage(clashes[0]!)).toBe(
      "系列“笔记”中 seriesOrder: 1 重复（c.md 也是第 1 篇）— 请给每一篇不同的序号",
    );
  });
});
