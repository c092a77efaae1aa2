import { describe, expect, it } from "vitest";
import { buildSite, type BuildSiteOptions, type SiteEntry } from "../../src/site/buildSite.ts";
import type { RelatedSource } from "../../src/lib/related/types.ts";

const settings = {
  excerptLength: 10,
  hanCharsPerMinute: 400,
  latinWordsPerMinute: 200,
  timeZone: "Asia/Shanghai",
};
const now = new Date("2025-06-01T00:00:00Z");

function entry(id: string, date: string, more: Partial<SiteEntry["data"]> = {}): SiteEntry {
  return {
    id,
    file: `${id}.md`,
    data: {
      title: `标题${id}`,
      date: new Date(date),
      author: "甲",
      tags: [],
      draft: false,
      related: [],
      pinned: false,
      ...more,
    },
  };
}

/** A related engine that recommends every other article, oldest first, and records what it saw. */
function recordingRelate() {
  const seen: RelatedSource[][] = [];
  const relate: BuildSiteOptions["relate"] = (sources) => {
    seen.push([...sources]);
    const ids = [...sources].sort((a, b) => a.date.getTime() - b.date.getTime()).map((s) => s.id);
    return new Map(
      ids.map((id) => [
        id,
        ids
          .filter((other) => other !== id)
          .map((other) => ({ id: other, pinned: false, sharedTerms: [], sharedTags: ["城市"], score: 0.5 })),
      ]),
    );
  };
  return { relate, seen };
}

const entries = [
  entry("a", "2025-01-01T00:00:00Z", { tags: ["城市", "Linux"], author: "甲" }),
  entry("b", "2025-02-01T00:00:00Z", { tags: ["linux"], author: "乙" }),
  entry("c", "2025-03-01T00:00:00Z", { tags: ["城市"], author: "甲", description: "自己写的摘要" }),
  entry("draft", "2025-04-01T00:00:00Z", { draft: true, tags: ["城市"] }),
  entry("future", "2025-12-01T00:00:00Z", { tags: ["城市"] }),
];
const bodies = new Map([
  ["a", "第一篇文章的正文，讲城市。\n\n```sh\nls -la 代码不算字数\n```\n"],
  ["b", "第二篇 Linux 文章。"],
  ["c", "第三篇。"],
  ["draft", "草稿"],
  ["future", "未来"],
]);

describe("buildSite", () => {
  const { relate, seen } = recordingRelate();
  const site = buildSite(entries, bodies, { now, preview: false, settings, relate });

  it("publishes by the one rule: no draft, no scheduled article, newest first", () => {
    expect(site.articles.map((a) => a.id)).toEqual(["c", "b", "a"]);
    expect(seen[0]!.map((s) => s.id).sort()).toEqual(["a", "b", "c"]);
  });

  it("shows drafts and scheduled articles in preview, marked as such", () => {
    const preview = buildSite(entries, bodies, {
      now,
      preview: true,
      settings,
      relate: recordingRelate().relate,
    });
    expect(preview.articles.map((a) => a.id)).toEqual(["future", "draft", "c", "b", "a"]);
    expect(preview.byId.get("future")!.scheduled).toBe(true);
    expect(preview.byId.get("draft")!.draft).toBe(true);
  });

  it("cuts excerpts from the body unless a description is given, and counts prose only", () => {
    expect(site.byId.get("a")!.excerpt).toBe("第一篇文章的正文，讲…");
    expect(site.byId.get("c")!.excerpt).toBe("自己写的摘要");
    expect(site.byId.get("a")!.stats.hanChars).toBe("第一篇文章的正文讲城市".length);
  });

  it("turns the engine's picks into 相关文章 items of published articles", () => {
    expect(site.related.get("b")!.map((item) => [item.href, item.title, item.reason])).toEqual([
      ["/articles/a/", "标题a", "共同标签：城市"],
      ["/articles/c/", "标题c", "共同标签：城市"],
    ]);
  });

  it("links neighbours in publication order with only what the page shows", () => {
    expect(site.adjacent.get("b")).toEqual({
      newer: { id: "c", title: "标题c" },
      older: { id: "a", title: "标题a" },
    });
    expect(site.adjacent.get("c")).toEqual({ newer: undefined, older: { id: "b", title: "标题b" } });
  });

  it("groups by tag (case folded), author and month, leaving unpublished articles out", () => {
    expect(site.tags.map((g) => [g.slug, g.articles.map((a) => a.id)])).toEqual([
      ["linux", ["b", "a"]],
      ["城市", ["c", "a"]],
    ]);
    expect(site.authors.map((g) => [g.name, g.articles.map((a) => a.id)])).toEqual([
      ["甲", ["c", "a"]],
      ["乙", ["b"]],
    ]);
    expect(site.months.map((y) => [y.year, y.months.map((m) => m.month)])).toEqual([[2025, [3, 2, 1]]]);
  });

  it("fails on a pin to an unknown article, naming the file", () => {
    const pinned = [...entries, entry("d", "2025-03-02T00:00:00Z", { related: ["nope"] })];
    expect(() =>
      buildSite(pinned, new Map([...bodies, ["d", ""]]), { now, preview: false, settings, relate }),
    ).toThrow(/^d\.md:1: related: 找不到文章 “nope”/);
    expect(() =>
      buildSite(pinned, new Map([...bodies, ["d", ""]]), {
        now,
        preview: false,
        settings,
        relate,
        fieldLine: (file, field) => (file === "d.md" && field === "related" ? 7 : undefined),
      }),
    ).toThrow(/^d\.md:7: related: /);
  });

  it("puts pinned articles first on the home page, once each, and nowhere else", () => {
    const withPins = [
      ...entries,
      entry("old-pin", "2024-01-01T00:00:00Z", { pinned: true }),
      entry("draft-pin", "2025-01-15T00:00:00Z", { pinned: true, draft: true }),
    ];
    const pinnedSite = buildSite(withPins, new Map([...bodies, ["old-pin", ""], ["draft-pin", ""]]), {
      now,
      preview: false,
      settings,
      relate: recordingRelate().relate,
    });
    expect(pinnedSite.front.map((a) => a.id)).toEqual(["old-pin", "c", "b", "a"]);
    // Every other list keeps publication order.
    expect(pinnedSite.articles.map((a) => a.id)).toEqual(["c", "b", "a", "old-pin"]);
  });

  it("groups series parts in reading order and gives each part its place", () => {
    const parts = [
      entry("p2", "2025-01-01T00:00:00Z", { series: "城市笔记", seriesOrder: 2 }),
      entry("p1", "2025-02-01T00:00:00Z", { series: "城市笔记", seriesOrder: 1 }),
      entry("p3", "2025-03-01T00:00:00Z", { series: "城市笔记" }),
      entry("p-draft", "2025-01-02T00:00:00Z", { series: "城市笔记", seriesOrder: 3, draft: true }),
    ];
    const seriesSite = buildSite(parts, new Map(parts.map((p) => [p.id, ""])), {
      now,
      preview: false,
      settings,
      relate: recordingRelate().relate,
    });
    expect(seriesSite.series.map((g) => [g.label, g.parts.map((a) => a.id)])).toEqual([
      ["城市笔记", ["p1", "p2", "p3"]],
    ]);
    expect(seriesSite.seriesOf.get("p2")).toEqual({
      slug: "城市笔记",
      label: "城市笔记",
      position: 2,
      parts: [
        { id: "p1", title: "标题p1" },
        { id: "p2", title: "标题p2" },
        { id: "p3", title: "标题p3" },
      ],
    });
    expect(seriesSite.seriesOf.has("p-draft")).toBe(false);
  });

  it("fails on two parts of a series with the same order, naming both files (drafts included)", () => {
    const clash = [
      ...entries,
      entry("s1", "2025-01-01T00:00:00Z", { series: "笔记", seriesOrder: 1 }),
      entry("s2", "2025-01-02T00:00:00Z", { series: "笔记", seriesOrder: 1, draft: true }),
    ];
    expect(() =>
      buildSite(clash, new Map([...bodies, ["s1", ""], ["s2", ""]]), {
        now,
        preview: false,
        settings,
        relate,
      }),
    ).toThrow(/s1\.md:1: seriesOrder: .*s2\.md/);
  });

  it("refuses a published article whose body was not read", () => {
    expect(() => buildSite(entries, new Map(), { now, preview: false, settings, relate })).toThrow(/a\.md/);
  });
});
