import { describe, expect, it } from "vitest";
import { buildSite, type SiteEntry } from "../../../src/site/buildSite.ts";
import { authorRoutes, indexPageRoutes, tagRoutes } from "../../../src/site/routes.ts";
import type { LoadedSite } from "../../../src/site/loadSite.ts";
import { SITE } from "../../../src/config.ts";

// What an incremental build re-renders is decided by the routes' cache keys: a list page whose
// key stays the same is restored. These tests build the site model from plain objects twice —
// before and after one new article — and count the list pages whose keys changed.

const now = new Date("2026-06-01T00:00:00Z");
const settings = {
  excerptLength: 20,
  hanCharsPerMinute: 400,
  latinWordsPerMinute: 200,
  timeZone: "Asia/Shanghai",
};

function entry(i: number): SiteEntry {
  return {
    id: `a${String(i).padStart(4, "0")}`,
    file: `a${i}.md`,
    data: {
      title: `第 ${i} 篇`,
      date: new Date(Date.UTC(2020, 0, 1) + i * 6 * 3600 * 1000),
      // Two authors and a tag every article has, so every list is many pages long.
      author: i % 2 === 0 ? "甲" : "乙",
      tags: ["城市", ...(i % 3 === 0 ? ["交通"] : [])],
      draft: false,
      related: [],
      pinned: false,
    },
  };
}

function site(count: number): LoadedSite {
  const entries = Array.from({ length: count }, (_, i) => entry(i));
  const bodies = new Map(entries.map((e) => [e.id, `${e.data.title}的正文。`]));
  const data = buildSite(entries, bodies, { now, preview: false, settings, relate: () => new Map() });
  return { ...data, now, preview: false, fileDigests: new Map() } as unknown as LoadedSite;
}

function keys(routes: { params: object; cacheKey: string }[]): Map<string, string> {
  return new Map(routes.map((r) => [JSON.stringify(r.params), r.cacheKey]));
}

function changed(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after].filter(([params, key]) => before.get(params) !== key).map(([params]) => params);
}

describe("list pages' cache keys when one article is added", () => {
  const size = SITE.pageSize;
  // Every count of articles modulo the page size, so the first page both grows and splits.
  for (const count of Array.from({ length: size }, (_, i) => 12 * size + i)) {
    it(`${count} → ${count + 1} articles: only the first pages' keys change`, () => {
      const [before, after] = [site(count), site(count + 1)];
      const index = changed(keys(indexPageRoutes(before)), keys(indexPageRoutes(after)));
      const tags = changed(keys(tagRoutes(before)), keys(tagRoutes(after)));
      const authors = changed(keys(authorRoutes(before)), keys(authorRoutes(after)));
      expect(indexPageRoutes(after).length).toBeGreaterThan(8);
      // /page/N/ below the home page: none, or (when the home page splits) the page it leaves
      // behind and the one below it, whose newer link moves.
      expect(index.length, index.join(" ")).toBeLessThanOrEqual(2);
      // The new article's tags (城市, maybe 交通) and author: each its first page, at most two more.
      expect(tags.length, tags.join(" ")).toBeLessThanOrEqual(2 * 3);
      expect(authors.length, authors.join(" ")).toBeLessThanOrEqual(3);
    });
  }
});
