import { describe, expect, it } from "vitest";
import { socialCard, type CardNode } from "../../src/lib/social/socialCard.ts";

const input = {
  byline: "林间 · 2025年3月1日",
  siteTitle: "观止评论",
  colors: { background: "#fff", text: "#000", muted: "#555", accent: "#a00" },
  fontFamily: '"A", "B"',
};
const children = (node: CardNode) => node.props.children as CardNode[];

describe("socialCard", () => {
  it("is a 1200×630 card with site name, whole title and byline", () => {
    const card = socialCard({ ...input, title: "夜班公交里的城市" });
    expect(card.props.style).toMatchObject({ width: 1200, height: 630, fontFamily: '"A", "B"' });
    expect(children(card).map((c) => c.props.children)).toEqual([
      "观止评论",
      "夜班公交里的城市",
      "林间 · 2025年3月1日",
    ]);
  });

  it("sets a long title smaller instead of cutting it", () => {
    const size = (title: string) =>
      children(socialCard({ ...input, title }))[1]!.props.style["fontSize"] as number;
    const long = "一".repeat(60);
    expect(size(long)).toBeLessThan(size("短标题"));
    expect(children(socialCard({ ...input, title: long }))[1]!.props.children).toBe(long);
  });
});
