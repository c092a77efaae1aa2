import { describe, expect, it } from "vitest";
import { groupByAuthor } from "../../src/lib/groupByAuthor.ts";

describe("groupByAuthor", () => {
  it("groups by author, largest group first, articles in input order", () => {
    const groups = groupByAuthor([
      { id: 1, author: "林间" },
      { id: 2, author: "张三" },
      { id: 3, author: "林间" },
    ]);
    expect(groups.map((g) => [g.name, g.slug, g.articles.map((a) => a.id)])).toEqual([
      ["林间", "林间", [1, 3]],
      ["张三", "张三", [2]],
    ]);
  });

  it("puts names differing only in case or width on one page", () => {
    const groups = groupByAuthor([{ author: "Lin" }, { author: "ｌｉｎ" }]);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.slug).toBe("lin");
  });
});
