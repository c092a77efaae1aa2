import { describe, expect, it } from "vitest";
import { renderSocialImage } from "../../src/lib/social/renderSocialImage.ts";

const input = {
  byline: "林间 · 2025年3月1日",
  siteTitle: "观止评论",
  colors: { background: "#fdfcf9", text: "#1f1d1a", muted: "#5c5750", accent: "#8a2f1d" },
};

describe("renderSocialImage", () => {
  it("draws a 1200×630 PNG, and the same card again from the cache", async () => {
    const title = "单元测试的分享图";
    const first = await renderSocialImage({ ...input, title });
    expect(first.subarray(1, 4).toString()).toBe("PNG");
    expect([first.readUInt32BE(16), first.readUInt32BE(20)]).toEqual([1200, 630]);
    expect(await renderSocialImage({ ...input, title })).toEqual(first);
  }, 20_000);

  it("draws different titles differently", async () => {
    const a = await renderSocialImage({ ...input, title: "夜班公交" });
    const b = await renderSocialImage({ ...input, title: "城市阅读" });
    expect(a.equals(b)).toBe(false);
  }, 20_000);
});
