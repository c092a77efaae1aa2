import { pageHref, tagHref } from "../../src/site/urls.ts";
import { describe, expect, it } from "vitest";
import { groupByTag } from "../../src/lib/groupByTag.ts";
import { tagSlug } from "../../src/lib/tagSlug.ts";
import { pageNumbers, paginate } from "../../src/lib/paginate.ts";

describe("tag pages", () => {
  it("maps case and width variants to one slug, keeping Chinese", () => {
    expect(tagSlug("AI")).toBe("ai");
    expect(tagSlug("ＡＩ")).toBe("ai");
    expect(tagSlug(" 城市 交通 ")).toBe("城市-交通");
    expect(tagHref("城市")).toBe("/tags/%E5%9F%8E%E5%B8%82/");
  });

  it("groups variants onto one page labelled with the commonest spelling", () => {
    const groups = groupByTag([{ tags: ["AI"] }, { tags: ["ai"] }, { tags: ["AI", "ＡＩ"] }]);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.label).toBe("AI");
    expect(groups[0]?.articles).toHaveLength(3);
  });
});

describe("paginate (numbered from the oldest page)", () => {
  const newestFirst = (n: number) => Array.from({ length: n }, (_, i) => n - i); // n … 1
  it("gives the first page what the full pages below leave, between one and two pages' worth", () => {
    expect(paginate([], 10)).toEqual([{ items: [], number: 0, newer: undefined, older: undefined }]);
    expect(paginate(newestFirst(3), 10).map((p) => p.items)).toEqual([[3, 2, 1]]);
    expect(paginate(newestFirst(19), 10).map((p) => p.items.length)).toEqual([19]);
    const pages = paginate(newestFirst(25), 10);
    expect(pages.map((p) => [p.number, p.items.length, p.newer, p.older])).toEqual([
      [0, 15, undefined, 1],
      [1, 10, 0, undefined],
    ]);
    expect(pages[1]!.items).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    const deeper = paginate(newestFirst(42), 10);
    expect(deeper.map((p) => [p.number, p.items[0], p.items.at(-1), p.newer, p.older])).toEqual([
      [0, 42, 31, undefined, 3],
      [3, 30, 21, 0, 2],
      [2, 20, 11, 3, 1],
      [1, 10, 1, 2, undefined],
    ]);
  });

  it("keeps every page below the first as it was when a newer item is added", () => {
    for (let n = 0; n < 60; n += 1) {
      const before = paginate(newestFirst(n), 10);
      const after = paginate(newestFirst(n + 1), 10);
      const changed = after.filter((page) => {
        const old = before.find((p) => p.number === page.number);
        return JSON.stringify(old) !== JSON.stringify(page);
      });
      // The first page always; when it splits (every tenth item) also the page it leaves behind,
      // and that page's older neighbour, whose newer link moves from the first page to it.
      expect(changed.length, `${n} → ${n + 1}`).toBeLessThanOrEqual(3);
      expect(after.flatMap((p) => p.items)).toEqual(newestFirst(n + 1));
      expect(pageNumbers(n + 1, 10)).toEqual(after.map((p) => p.number));
    }
  });

  it("links the first page to the listing itself", () => {
    expect(pageHref("/", 0)).toBe("/");
    expect(pageHref("/", 3)).toBe("/page/3/");
  });
});
