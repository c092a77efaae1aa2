import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fixtureArticles, repoRoot } from "../support/paths.ts";
import { page } from "../support/readBuilt.ts";
import { runBuild } from "../support/runBuild.ts";

// The shared fixture site is built with comments off (the default); the browser test
// tests/e2e/comments.test.ts builds its own with a Waline server.

describe("comments off (the default)", () => {
  it.each(["/", "articles/alpha-emphasis/"])(
    "%s has no comment section, count, 阅读, 热门文章, script or origin",
    (url) => {
      const $ = page(url);
      expect(
        $(".comments, [data-comments-server], [data-comment-count], [data-page-views], [data-popular]")
          .length,
      ).toBe(0);
      expect($.html()).not.toMatch(
        /commentsWidget|CommentsScript|commentCounts|pageViews|waline|发表评论|条评论|热门文章/i,
      );
      expect($('meta[http-equiv="content-security-policy"]').attr("content")).not.toMatch(/connect-src/);
    },
  );
});

describe("comments misconfigured", () => {
  it("fails the build when provider is waline and serverURL is empty, and says how to fix it", async () => {
    const out = path.join(repoRoot, "tests/.output/comments-misconfigured");
    const result = await runBuild(fixtureArticles, out, {
      COMMENTS_PROVIDER: "waline",
      COMMENTS_SERVER_URL: "",
    });
    expect(result.ok).toBe(false);
    expect(result.output).toContain("comments.serverURL is empty");
    expect(result.output).toContain("COMMENTS_SERVER_URL");
    expect(existsSync(path.join(out, "index.html"))).toBe(false);
  });
});
