import { describe, expect, it } from "vitest";
import { selectRelatedByTags } from "../../src/lib/related/selectRelatedByTags.ts";

const a = (id: string, day: number, tags: string[]) => ({ id, date: new Date(Date.UTC(2025, 0, day)), tags });

describe("selectRelatedByTags", () => {
  const articles = [
    a("city-1", 1, ["城市", "交通"]),
    a("city-2", 2, ["城市"]),
    a("city-3", 3, ["城市", "交通"]),
    a("books", 4, ["阅读"]),
  ];
  const related = selectRelatedByTags(articles, 5);

  it("ranks by tags shared, then newest first", () => {
    expect(related.get("city-1")?.map((p) => p.id)).toEqual(["city-3", "city-2"]);
    expect(related.get("city-2")?.map((p) => p.id)).toEqual(["city-3", "city-1"]);
  });
  it("never lists the article itself, nor articles with no shared tag", () => {
    expect(related.get("books")).toEqual([]);
  });
  it("says which tags are shared", () => {
    expect(related.get("city-1")?.[0]?.sharedTags).toEqual(["城市", "交通"]);
  });
  it("respects the limit and is independent of input order", () => {
    expect(selectRelatedByTags(articles, 1).get("city-1")).toHaveLength(1);
    expect(selectRelatedByTags([...articles].reverse(), 5)).toEqual(related);
  });
});
