import { deflateSync, constants } from "node:zlib";

/** "#rrggbb" → [r, g, b]. */
function rgbOf(hex: string): [number, number, number] {
  if (!/^#[\da-f]{6}$/i.test(hex))
    throw new Error(`palettePng: colour ${JSON.stringify(hex)} is not #rrggbb`);
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/**
 * The colours a card can hold: its background, and each ink blended over the background in
 * `levels - 1` steps (the edges of anti-aliased glyphs). 1 + 3 inks × 15 steps = 46 colours.
 */
export function cardPalette(background: string, inks: readonly string[], levels: number): number[][] {
  const bg = rgbOf(background);
  const palette: number[][] = [bg];
  for (const ink of inks.map(rgbOf))
    for (let step = 1; step < levels; step++)
      palette.push(bg.map((b, k) => Math.round(b + ((ink[k]! - b) * step) / (levels - 1))));
  if (palette.length > 256) throw new Error(`palettePng: ${palette.length} colours do not fit a PNG palette`);
  return palette;
}

const CRC_TABLE = Int32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

const HASH_BITS = 16;
const HASH_SIZE = 1 << HASH_BITS;

function nearest(palette: readonly (readonly number[])[], r: number, g: number, b: number): number {
  let best = Infinity;
  let index = 0;
  palette.forEach(([pr = 0, pg = 0, pb = 0], p) => {
    const distance = (pr - r) ** 2 + (pg - g) ** 2 + (pb - b) ** 2;
    if (distance < best) [best, index] = [distance, p];
  });
  return index;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "latin1");
  out.set(data, 8);
  let crc = -1;
  for (let i = 4; i < 8 + data.length; i++) crc = CRC_TABLE[(crc ^ out[i]!) & 255]! ^ (crc >>> 8);
  out.writeUInt32BE((crc ^ -1) >>> 0, 8 + data.length);
  return out;
}

/**
 * An 8-bit palette PNG of an RGBA raster whose every pixel is the background, an ink, or an ink
 * blended over the background (a sharing card: flat colours and anti-aliased text). Each pixel
 * takes the nearest palette colour; a card has a few hundred distinct colours, so the search runs
 * once per colour, not per pixel. A general quantiser (libimagequant, sharp's `palette: true`)
 * searches for the palette and cost 3–8× the time of a plain PNG here; this one is given it.
 * Deflated as runs (Z_RLE): rows of one colour are most of a card.
 */
export function palettePng(
  rgba: Uint8Array,
  width: number,
  height: number,
  palette: readonly (readonly number[])[],
): Buffer {
  if (rgba.length !== width * height * 4) throw new Error("palettePng: expected RGBA pixels");
  const aligned = rgba.byteOffset % 4 === 0 ? rgba : rgba.slice();
  const pixels = new Uint32Array(aligned.buffer, aligned.byteOffset, width * height);
  const rows = new Uint8Array((width + 1) * height); // each row: filter byte 0, then indices
  // Nearest palette entry per distinct colour, in an open-addressing table (a Map lookup per
  // pixel cost more than the rest of the encode): keys are 0xRRGGBB + 1, 0 marks a free slot.
  const keys = new Int32Array(HASH_SIZE);
  const values = new Uint8Array(HASH_SIZE);
  let distinct = 0;
  let lastPixel = -1;
  let lastIndex = 0;
  for (let y = 0, i = 0; y < height; y++) {
    let at = y * (width + 1) + 1;
    for (let x = 0; x < width; x++, i++) {
      const pixel = pixels[i]! & 0xffffff; // little-endian: R | G << 8 | B << 16, alpha dropped
      if (pixel !== lastPixel) {
        let slot = Math.imul(pixel, 0x9e3779b1) >>> (32 - HASH_BITS);
        while (keys[slot] !== 0 && keys[slot] !== pixel + 1) slot = (slot + 1) & (HASH_SIZE - 1);
        if (keys[slot] === 0) {
          if (++distinct > HASH_SIZE / 2) throw new Error("palettePng: too many distinct colours for a card");
          keys[slot] = pixel + 1;
          values[slot] = nearest(palette, pixel & 255, (pixel >> 8) & 255, pixel >> 16);
        }
        lastPixel = pixel;
        lastIndex = values[slot]!;
      }
      rows[at++] = lastIndex;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 3; // colour type: indexed
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk("IHDR", header),
    chunk("PLTE", Uint8Array.from(palette.flat())),
    chunk("IDAT", deflateSync(rows, { level: 9, strategy: constants.Z_RLE })),
    chunk("IEND", new Uint8Array(0)),
  ]);
}
