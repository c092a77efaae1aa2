import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { cardPalette, palettePng } from "../../src/lib/social/palettePng.ts";
import { renderSocialImage } from "../../src/lib/social/renderSocialImage.ts";

const colors = { background: "#fdfcf9", text: "#1f1d1a", muted: "#5c5750", accent: "#8a2f1d" };
const palette = cardPalette(colors.background, [colors.text, colors.muted, colors.accent], 16);

/** A 4×2 raster: background, each ink, and ink blends that must map to their nearest step. */
function raster(): Uint8Array {
  const px = [
    [0xfd, 0xfc, 0xf9],
    [0x1f, 0x1d, 0x1a],
    [0x5c, 0x57, 0x50],
    [0x8a, 0x2f, 0x1d],
    [0x8e, 0x8c, 0x8a], // ~ halfway text over background
    [0xc3, 0x95, 0x8b], // ~ halfway accent over background
    [0xfd, 0xfc, 0xf9],
    [0x1f, 0x1d, 0x1a],
  ];
  return Uint8Array.from(px.flatMap(([r, g, b]) => [r!, g!, b!, 255]));
}

describe("palettePng", () => {
  it("holds the background and 15 blend steps of each ink", () => {
    expect(palette).toHaveLength(1 + 3 * 15);
    expect(palette[0]).toEqual([0xfd, 0xfc, 0xf9]);
    expect(palette[15]).toEqual([0x1f, 0x1d, 0x1a]);
    expect(palette[45]).toEqual([0x8a, 0x2f, 0x1d]);
  });

  it("encodes a PNG that decodes to the nearest palette colour of every pixel", async () => {
    const png = palettePng(raster(), 4, 2, palette);
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height, info.channels]).toEqual([4, 2, 3]);
    const source = raster();
    for (let i = 0; i < 8; i++) {
      const got = [...data.subarray(i * 3, i * 3 + 3)];
      const want = [...source.subarray(i * 4, i * 4 + 3)];
      // exact colours stay exact; blends land within half a step (~8 levels) of the source
      for (let k = 0; k < 3; k++)
        expect(Math.abs(got[k]! - want[k]!)).toBeLessThanOrEqual(i < 4 || i > 5 ? 0 : 8);
    }
    expect((await sharp(png).metadata()).isPalette).toBe(true);
  });

  it("refuses a raster that is not RGBA of the given size, and colours it cannot read", () => {
    expect(() => palettePng(new Uint8Array(4 * 2 * 3), 4, 2, palette)).toThrow(/RGBA/);
    expect(() => cardPalette("white", ["#000000"], 16)).toThrow(/#rrggbb/);
  });

  it("draws a real card as a palette PNG that matches the full-colour drawing", async () => {
    const png = await renderSocialImage({
      title: `调色板分享图 ${Date.now()}`,
      byline: "林间 · 2025年3月1日",
      siteTitle: "观止评论",
      colors,
    });
    const meta = await sharp(png).metadata();
    expect([meta.width, meta.height, meta.isPalette]).toEqual([1200, 630, true]);
    const { data } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    // the left accent bar, the background, and some text pixels all present
    const at = (x: number, y: number) => [...data.subarray((y * 1200 + x) * 3, (y * 1200 + x) * 3 + 3)];
    expect(at(5, 300)).toEqual([0x8a, 0x2f, 0x1d]);
    expect(at(1190, 10)).toEqual([0xfd, 0xfc, 0xf9]);
    let ink = 0;
    for (let i = 0; i < data.length; i += 3) if (data[i] === 0x1f && data[i + 1] === 0x1d) ink++;
    expect(ink).toBeGreaterThan(2000);
  }, 30_000);
});
