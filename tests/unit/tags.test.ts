import { pageHref, tagHref } from "../../src/site/urls.ts";
import { describe, expect, it } from "vitest";
import { groupByTag } from "../../src/lib/groupByTag.ts";
import { tagSlug } from "../../src/lib/tagSlug.ts";
import { paginate } from "../../src/lib/paginate.ts";

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

describe("paginate", () => {
  it("splits into pages and always has a first page", () => {
    expect(paginate([1, 2, 3], 2).map((p) => p.items)).toEqual([[1, 2], [3]]);
    expect(paginate([], 10)).toEqual([{ items: [], current: 1, total: 1 }]);
  });
  it("links page 1 to the listing itself", () => {
    expect(pageHref("/", 1)).toBe("/");
    expect(pageHref("/", 3)).toBe("/page/3/");
  });
});
