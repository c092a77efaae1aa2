import { createHash } from "node:crypto";
import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import { resolveComments } from "../../src/lib/comments/resolveComments.ts";
import { commentCountsUrl, parseCommentCounts } from "../../src/lib/comments/commentCounts.ts";
import { commentsPath } from "../../src/lib/comments/commentsPath.ts";
import { commentsCspSources } from "../../src/lib/comments/commentsCspSources.ts";
import { withContentSecurityPolicy } from "../../src/lib/csp/withContentSecurityPolicy.ts";

describe("resolveComments", () => {
  it("is off by default and ignores a server address when off", () => {
    expect(resolveComments({ provider: "none", serverURL: "" })).toEqual({ provider: "none" });
    expect(resolveComments({ provider: "none", serverURL: "https://c.example.com" })).toEqual({
      provider: "none",
    });
  });

  it("fails a waline build without a serverURL, saying what to set and where", () => {
    const attempt = () => resolveComments({ provider: "waline", serverURL: "  " });
    expect(attempt).toThrow(/comments\.serverURL is empty/);
    expect(attempt).toThrow(/provider “waline” needs the address of your Waline server/);
    expect(attempt).toThrow(/src\/config\.ts/);
    expect(attempt).toThrow(/COMMENTS_SERVER_URL/);
  });

  it("normalises the server address and derives the one origin to allow", () => {
    expect(resolveComments({ provider: "waline", serverURL: "https://c.example.com/" })).toEqual({
      provider: "waline",
      serverURL: "https://c.example.com",
      origin: "https://c.example.com",
    });
    expect(resolveComments({ provider: "waline", serverURL: "https://example.com/waline/" })).toMatchObject({
      serverURL: "https://example.com/waline",
      origin: "https://example.com",
    });
    expect(resolveComments({ provider: "waline", serverURL: "http://127.0.0.1:8360" })).toMatchObject({
      serverURL: "http://127.0.0.1:8360",
      origin: "http://127.0.0.1:8360",
    });
  });

  it.each([
    ["comments.example.com", /not an absolute URL/],
    ["http://comments.example.com", /must use https:\/\//],
    ["ftp://127.0.0.1/", /must use https:\/\//],
    ["https://c.example.com/?x=1", /must not carry a query/],
    ["https://user:pw@c.example.com", /credentials/],
  ])("rejects serverURL %s", (serverURL, message) => {
    expect(() => resolveComments({ provider: "waline", serverURL })).toThrow(message);
  });

  it("rejects an unknown provider and says giscus is not built yet", () => {
    expect(() => resolveComments({ provider: "Waline ", serverURL: "" })).toThrow(
      /“Waline” is not a comment provider; use one of waline, giscus, none/,
    );
    expect(() => resolveComments({ provider: "giscus", serverURL: "" })).toThrow(
      /“giscus” is not supported yet/,
    );
  });
});

describe("commentsPath", () => {
  it("decodes an href so the widget and the counts use one key", () => {
    expect(commentsPath("/articles/%E5%A4%9C%E7%8F%AD/")).toBe("/articles/夜班/");
    expect(commentsPath("/articles/plain/")).toBe("/articles/plain/");
    expect(commentsPath("/articles/%E0%A4%A/")).toBe("/articles/%E0%A4%A/");
  });
});

describe("comment counts", () => {
  it("asks for every path in one request", () => {
    const url = new URL(
      commentCountsUrl("https://c.example.com/", ["/articles/a/", "/articles/夜班/"], "zh-CN"),
    );
    expect(url.origin + url.pathname).toBe("https://c.example.com/api/comment");
    expect(url.searchParams.get("type")).toBe("count");
    expect(url.searchParams.get("url")).toBe("/articles/a/,/articles/夜班/");
    expect(url.searchParams.get("lang")).toBe("zh-CN");
  });

  it("reads counts in the order asked, and a bare number for one path", () => {
    expect(parseCommentCounts({ errno: 0, errmsg: "", data: [1, 0, 12] }, 3)).toEqual([1, 0, 12]);
    expect(parseCommentCounts({ errno: 0, data: 4 }, 1)).toEqual([4]);
  });

  it.each([
    [null, /not a JSON object/],
    [{ errno: 1000, errmsg: "bad" }, /server error 1000 bad/],
    [{ errno: 0, data: [1] }, /expected 2 counts/],
    [{ errno: 0, data: [1, -1] }, /bad count -1/],
    [{ errno: 0, data: [1, "2"] }, /bad count 2/],
  ])("refuses %j rather than show wrong counts", (body, message) => {
    expect(() => parseCommentCounts(body, 2)).toThrow(message);
  });
});

describe("the Content-Security-Policy with comments", () => {
  const page = '<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>';
  const policyOf = (html: string) =>
    load(html)('meta[http-equiv="content-security-policy"]').attr("content") ?? "";
  const emptyHash = `'sha256-${createHash("sha256").update("").digest("base64")}'`;

  it("adds nothing when comments are off", () => {
    expect(commentsCspSources({ provider: "none" })).toEqual({});
    expect(policyOf(withContentSecurityPolicy(page, {}))).not.toMatch(/connect-src/);
  });

  it("lets the page fetch from the comment server's origin and nothing else", () => {
    const sources = commentsCspSources({
      provider: "waline",
      serverURL: "https://example.com/waline",
      origin: "https://example.com",
    });
    const policy = policyOf(withContentSecurityPolicy(page, sources));
    expect(policy).toContain("connect-src 'self' https://example.com;");
    // Waline's always-inserted dark-mode <style> is empty with dark: false; only that is allowed.
    expect(policy).toMatch(new RegExp(`style-src 'self' ${emptyHash.replace(/[+/]/g, "\\$&")};`));
    expect(policy).toContain("img-src 'self' data:;");
    expect(policy).toContain("default-src 'self';");
  });
});
