import jsQR from "jsqr";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { qrCodeSvg } from "../../src/lib/share/qrCodeSvg.ts";
import { weiboShareHref } from "../../src/lib/share/weiboShareHref.ts";

/** Rasterises the SVG as the page draws it and reads it back with a QR decoder. */
async function decode(text: string): Promise<string | undefined> {
  const { size, path } = qrCodeSvg(text);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" width="${size * 8}" height="${size * 8}" shape-rendering="crispEdges"><rect width="${size}" height="${size}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
  const { data, info } = await sharp(Buffer.from(svg))
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data;
}

describe("qrCodeSvg", () => {
  it("draws a code that a QR reader decodes back to the URL", async () => {
    const url = "https://example.com/articles/reader-photo/";
    expect(await decode(url)).toBe(url);
  });

  it("encodes a long percent-encoded Chinese URL too", async () => {
    const url = `https://example.com/articles/${encodeURIComponent("城市夜班公交与年轻人的通勤")}/`;
    expect(await decode(url)).toBe(url);
  });

  it("keeps the 4-module quiet zone and stays small", () => {
    const { size, path } = qrCodeSvg("https://example.com/articles/reader-photo/");
    const starts = [...path.matchAll(/M(\d+) (\d+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(starts.length).toBeGreaterThan(50);
    expect(Math.min(...starts.map(([x]) => x!))).toBe(4);
    expect(Math.min(...starts.map(([, y]) => y!))).toBe(4);
    expect(Math.max(...starts.map(([, y]) => y!))).toBe(size - 5);
    expect(path.length).toBeLessThan(3000);
  });
});

describe("weiboShareHref", () => {
  it("passes the URL and title as query parameters, encoded", () => {
    const href = new URL(weiboShareHref("https://example.com/articles/a/?x=1&y=2", "标题 & 副题"));
    expect(href.origin + href.pathname).toBe("https://service.weibo.com/share/share.php");
    expect(href.searchParams.get("url")).toBe("https://example.com/articles/a/?x=1&y=2");
    expect(href.searchParams.get("title")).toBe("标题 & 副题");
  });
});
