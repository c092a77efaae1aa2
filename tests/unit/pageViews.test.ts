import { describe, expect, it } from "vitest";
import {
  countViewRequest,
  pageViewsUrl,
  parsePageViews,
  rankByViews,
} from "../../src/features/comments/pageViews.ts";
import { popularCandidates } from "../../src/features/comments/popularCandidates.ts";

describe("pageViewsUrl / countViewRequest", () => {
  it("reads many pages in one request, keys encoded, and counts one with a POST body", () => {
    expect(pageViewsUrl("https://c.example.com/waline/", ["/articles/夜班/", "/b/"], "zh-CN")).toBe(
      "https://c.example.com/waline/api/article?path=%2Farticles%2F%E5%A4%9C%E7%8F%AD%2F%2C%2Fb%2F&type=time&lang=zh-CN",
    );
    const request = countViewRequest("http://127.0.0.1:8360", "/articles/夜班/", "zh-CN");
    expect(request.url).toBe("http://127.0.0.1:8360/api/article?lang=zh-CN");
    expect(JSON.parse(request.body)).toEqual({ path: "/articles/夜班/", type: "time", action: "inc" });
  });
});

describe("parsePageViews", () => {
  it("reads counts in the order asked; a page never viewed is 0", () => {
    expect(parsePageViews({ errno: 0, data: [{ time: 3 }, { time: 0 }, {}] }, 3)).toEqual([3, 0, 0]);
    expect(parsePageViews({ errno: 0, data: { time: 7 } }, 1)).toEqual([7]);
  });

  it.each([
    [{ errno: 1000, errmsg: "boom" }, 1, /server error 1000 boom/],
    [{ errno: 0, data: [{ time: 1 }] }, 2, /expected 2 counts/],
    [{ errno: 0, data: [{ time: -1 }] }, 1, /bad count/],
    [{ errno: 0, data: [{ time: "5" }] }, 1, /bad count/],
    [null, 1, /not a JSON object/],
  ])("refuses %j", (body, expected, message) => {
    expect(() => parsePageViews(body, expected)).toThrow(message);
  });
});

describe("rankByViews", () => {
  const articles = ["a", "b", "c", "d"].map((id) => ({ href: `/articles/${id}/`, title: id }));

  it("ranks by views, leaves out unread articles, keeps list order on ties, and stops at size", () => {
    const ranked = rankByViews(articles, [2, 0, 5, 2], 2);
    expect(ranked.map((r) => [r.article.title, r.views])).toEqual([
      ["c", 5],
      ["a", 2],
    ]);
    expect(rankByViews(articles, [2, 0, 5, 2], 10).map((r) => r.article.title)).toEqual(["c", "a", "d"]);
    expect(rankByViews(articles, [0, 0, 0, 0], 5)).toEqual([]);
  });
});

describe("popularCandidates", () => {
  const articles = [
    { id: "夜班", title: "夜班" },
    { id: "b", title: "乙" },
    { id: "c", title: "丙" },
  ];

  it("is empty with comments off, so no page carries the list", () => {
    expect(popularCandidates(articles, { provider: "none" }, 30)).toEqual([]);
  });

  it("takes the newest `limit` articles, keyed like their comments (decoded path)", () => {
    const on = {
      provider: "waline",
      serverURL: "http://127.0.0.1:8360",
      origin: "http://127.0.0.1:8360",
    } as const;
    expect(popularCandidates(articles, on, 2)).toEqual([
      { href: "/articles/夜班/", title: "夜班" },
      { href: "/articles/b/", title: "乙" },
    ]);
  });
});
