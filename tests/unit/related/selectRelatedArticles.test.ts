import { describe, expect, it } from "vitest";
import { createJiebaSegmenter } from "../../../src/lib/related/createJiebaSegmenter.ts";
import { findUnknownPins } from "../../../src/lib/related/findUnknownPins.ts";
import { isPublished } from "../../../src/lib/publish.ts";
import {
  RELATED_DEFAULTS,
  selectRelatedArticles,
  type RelatedOptions,
} from "../../../src/lib/related/selectRelatedArticles.ts";
import type { RelatedSource, TermCounts } from "../../../src/lib/related/types.ts";

const segmentWords = createJiebaSegmenter();
const options: RelatedOptions = { ...RELATED_DEFAULTS, limit: 2, segmentWords, segmenterName: "jieba" };
const day = (d: number) => new Date(Date.UTC(2025, 0, d));
const article = (id: string, title: string, body: string, tags: string[] = [], d = 1): RelatedSource => ({
  id,
  title,
  body,
  tags,
  date: day(d),
});

const articles = [
  article("bus-1", "城市夜班公交", "夜班公交线路覆盖城市主干道，公交司机和乘客都需要安全保障。", ["城市"]),
  article("bus-2", "夜班公交的乘客", "深夜乘坐夜班公交的乘客多是外卖骑手和医院护士，公交线路要延长。", [
    "城市",
  ]),
  article("books-1", "独立书店的生存", "独立书店靠读书会和咖啡维持，书店店主说阅读人口在减少。", ["阅读"]),
  article("books-2", "手机时代的阅读", "手机阅读挤占了纸质书的时间，书店和图书馆都在寻找读者。", ["阅读"]),
  article("food", "外卖骑手的速度", "外卖平台的算法压缩配送时间，骑手在城市里奔跑。", ["城市"]),
];

describe("selectRelatedArticles", () => {
  const related = selectRelatedArticles(articles, options);

  it("ranks the articles that share key terms first and says which terms", () => {
    const [first] = related.get("bus-1") ?? [];
    expect(first?.id).toBe("bus-2");
    expect(first?.sharedTerms).toEqual(expect.arrayContaining(["公交", "夜班"]));
    expect(related.get("books-1")?.[0]?.id).toBe("books-2");
  });

  it("never lists an article as related to itself and respects the limit", () => {
    for (const [id, picks] of related) {
      expect(picks.map((p) => p.id)).not.toContain(id);
      expect(picks.length).toBeLessThanOrEqual(2);
    }
  });

  it("gives the same lists whatever the input order (deterministic)", () => {
    expect(selectRelatedArticles([...articles].reverse(), options)).toEqual(related);
  });

  it("breaks exact ties by newer date, then by id", () => {
    const twins = [
      article("a-old", "潮汐", "潮汐能发电", [], 1),
      article("b-new", "潮汐", "潮汐能发电", [], 9),
      article("c-new", "潮汐", "潮汐能发电", [], 9),
      article("seed", "潮汐", "潮汐能发电", [], 5),
    ];
    const picks = selectRelatedArticles(twins, { ...options, limit: 3 }).get("seed") ?? [];
    expect(picks.map((p) => p.id)).toEqual(["b-new", "c-new", "a-old"]);
  });

  it("puts the author's pins first, in their order, then fills with the engine's picks", () => {
    const pinned = articles.map((a) => (a.id === "bus-1" ? { ...a, pinned: ["books-1"] } : a));
    const picks = selectRelatedArticles(pinned, options).get("bus-1") ?? [];
    expect(picks.map((p) => [p.id, p.pinned])).toEqual([
      ["books-1", true],
      ["bus-2", false],
    ]);
  });

  it("skips a pin to an article that is not published", () => {
    const pinned = articles.map((a) => (a.id === "bus-1" ? { ...a, pinned: ["draft-x"] } : a));
    expect(selectRelatedArticles(pinned, options).get("bus-1")?.[0]?.id).toBe("bus-2");
  });

  it("weighs a tag carried by every article at nothing, a rare one above nothing", () => {
    const tagged = [
      article("x", "甲", "", ["手册页", "稀有"]),
      article("y", "乙", "", ["手册页", "稀有"]),
      article("z", "丙", "", ["手册页"]),
    ];
    const lists = selectRelatedArticles(tagged, { ...options, contentWeight: 0, tagWeight: 1 });
    expect(lists.get("x")?.map((p) => [p.id, p.sharedTags])).toEqual([["y", ["稀有"]]]);
    expect(lists.get("z")).toEqual([]);
  });

  it("reuses cached term counts and segments only what changed", () => {
    const store = new Map<string, TermCounts>();
    let segmented = 0;
    const counting: RelatedOptions = {
      ...options,
      segmentWords: (text) => {
        segmented++;
        return segmentWords(text);
      },
      cache: { get: (key) => store.get(key), set: (key, counts) => void store.set(key, counts) },
    };
    const first = selectRelatedArticles(articles, counting);
    const afterFirst = segmented;
    expect(selectRelatedArticles(articles, counting)).toEqual(first);
    expect(segmented).toBe(afterFirst);
    const edited = articles.map((a) => (a.id === "food" ? { ...a, body: `${a.body}骑手很累。` } : a));
    selectRelatedArticles(edited, counting);
    // One article changed: its title and body are segmented again, nothing else.
    expect(segmented - afterFirst).toBe(afterFirst / articles.length);
  });
});

describe("drafts", () => {
  it("are never recommended and never receive a list: the publish rule runs before the engine", () => {
    const entries = [
      ...articles.map((a) => ({ ...a, data: { draft: false, date: a.date } })),
      {
        ...article("bus-draft", "夜班公交草稿", "夜班公交线路覆盖城市主干道，公交司机。", ["城市"]),
        data: { draft: true, date: day(1) },
      },
    ];
    const published = entries.filter((e) => isPublished(e, { now: day(30), preview: false }));
    const related = selectRelatedArticles(published, options);
    expect(related.has("bus-draft")).toBe(false);
    for (const picks of related.values()) expect(picks.map((p) => p.id)).not.toContain("bus-draft");
  });
});

describe("findUnknownPins", () => {
  it("names the file and the unknown id; drafts count as known", () => {
    expect(
      findUnknownPins([
        { id: "a", file: "content/articles/a.md", pinned: ["b", "nope"] },
        { id: "b", file: "content/articles/b.md", pinned: [] },
      ]),
    ).toEqual([
      { file: "content/articles/a.md", id: "nope", message: expect.stringMatching(/^找不到文章 “nope” — /) },
    ]);
  });
});
