import { describe, expect, it } from "vitest";
import { assignParts, indexPartOf, yearOf } from "../../../src/features/search/build/pagefindIntegration.ts";
import { partsWithin, searchInDateOrder, yearsOf } from "../../../src/features/search/client/openIndex.ts";

describe("yearOf and indexPartOf (which part of the index a page goes to)", () => {
  it("reads the page's year filter", () => {
    expect(yearOf('<article data-pagefind-body="" data-year="2024" data-date="2024-06-01">')).toBe("2024");
    expect(yearOf("<article data-pagefind-body>")).toBe("other");
    expect(yearOf('<article data-year="24">')).toBe("other");
  });

  it("puts a year in the span of years it falls in, counted from year 0, whatever other years exist", () => {
    expect(["2019", "2020", "2021", "2022", "2024", "2025"].map((year) => indexPartOf(year, 3))).toEqual([
      "2019-2021",
      "2019-2021",
      "2019-2021",
      "2022-2024",
      "2022-2024",
      "2025-2027",
    ]);
    expect(indexPartOf("2025", 1)).toBe("2025");
    expect(indexPartOf("other", 3)).toBe("other");
  });
});

describe("assignParts (a span of years too large for one part is split into years)", () => {
  /** Each year's part, for pages per year, with spans of three years and at most 100 pages a part. */
  const partsFor = (pagesPerYear: Record<string, number>) =>
    Object.fromEntries(
      assignParts(new Map(Object.entries(pagesPerYear)), { yearsPerPart: 3, maxPagesPerPart: 100 }),
    );

  it("keeps spans of years whose pages fit in one part", () => {
    expect(partsFor({ "2021": 40, "2022": 30, "2024": 70, other: 500 })).toEqual({
      "2021": "2019-2021",
      "2022": "2022-2024",
      "2024": "2022-2024",
      other: "other",
    });
  });

  it("gives each year of an over-full span a part of its own, and leaves the other spans alone", () => {
    expect(partsFor({ "2021": 40, "2022": 30, "2023": 1, "2024": 70 })).toEqual({
      "2021": "2019-2021",
      "2022": "2022",
      "2023": "2023",
      "2024": "2024",
    });
  });

  it("splits at more than the limit, not at it", () => {
    expect(partsFor({ "2022": 60, "2023": 40 })["2022"]).toBe("2022-2024");
    expect(partsFor({ "2022": 60, "2023": 41 })["2022"]).toBe("2022");
  });
});

describe("yearsOf (the years the dropdown says it searched)", () => {
  const list = {
    parts: ["2025", "2024", "2019-2021"],
    years: ["2025", "2024", "2021", "2020", "2019"],
    pages: [12_000, 14_000, 9_000],
  };

  it("reads a one-year part's name as that year, and a span's as every year in it", () => {
    expect(yearsOf(list, 1)).toEqual(["2025"]);
    expect(yearsOf(list, 2)).toEqual(["2025", "2024"]);
    expect(
      yearsOf({ ...list, parts: ["2025-2027", "2022-2024"], years: ["2025", "2023", "2022"] }, 1),
    ).toEqual(["2025"]);
  });

  it("gives every year when every part is open", () => {
    expect(yearsOf(list, 3)).toEqual(list.years);
  });
});

describe("searchInDateOrder (a date order across the parts)", () => {
  // Each part's results in its own date order, scored by position as Pagefind scores a sorted search.
  const byYear: Record<string, string[]> = {
    "2025": ["2025-03", "2025-01"],
    "2024": ["2024-12", "2024-06", "2024-02"],
    "2023": ["2023-05"],
  };
  const parts = ["2025", "2024", "2023"];
  const search = (direction: "asc" | "desc") => async (filters: Record<string, string[]>) => {
    const years = filters["year"] ?? [];
    expect(years).toHaveLength(1);
    const dates = direction === "desc" ? byYear[years[0]!]! : [...byYear[years[0]!]!].reverse();
    return dates.map((date, index) => ({ date, score: dates.length - index, tag: filters["tag"] }));
  };

  it("joins the years newest first, with scores that keep that order", async () => {
    const results = await searchInDateOrder(search("desc"), parts, "desc");
    expect(results.map((r) => r.date)).toEqual([
      "2025-03",
      "2025-01",
      "2024-12",
      "2024-06",
      "2024-02",
      "2023-05",
    ]);
    const byScore = [...results].sort((a, b) => b.score - a.score);
    expect(byScore).toEqual(results);
  });

  it("oldest first", async () => {
    const results = await searchInDateOrder(search("asc"), parts, "asc");
    expect(results.map((r) => r.date)).toEqual([
      "2023-05",
      "2024-02",
      "2024-06",
      "2024-12",
      "2025-01",
      "2025-03",
    ]);
  });

  it("keeps the reader's filters, and searches only the years the reader chose", async () => {
    const results = await searchInDateOrder(search("desc"), parts, "desc", { tag: ["城市"], year: ["2024"] });
    expect(results.map((r) => r.date)).toEqual(["2024-12", "2024-06", "2024-02"]);
    expect(results.every((r) => r.tag?.[0] === "城市")).toBe(true);
  });
});

describe("partsWithin (how many of the newest parts the dropdown opens)", () => {
  it("opens the newest parts while their pages stay within the limit, always at least one", () => {
    // A 100,000-article archive: parts of 12,600, 43,000 and 44,400 pages, newest first.
    expect(partsWithin([12_600, 43_000, 44_400], 20_000)).toBe(1);
    expect(partsWithin([12_600, 43_000, 44_400], 60_000)).toBe(2);
    expect(partsWithin([30_000, 5_000], 20_000)).toBe(1);
    // Today's sizes: every part opens, as before the limit existed.
    expect(partsWithin([1_400, 4_300, 4_300], 20_000)).toBe(3);
    expect(partsWithin([0, 0], 20_000)).toBe(2);
    expect(partsWithin([], 20_000)).toBe(0);
  });

  it("stops at the first part that does not fit, so the parts opened are the newest years", () => {
    expect(partsWithin([5_000, 16_000, 1_000], 20_000)).toBe(1);
  });
});
