import { encode } from "uqr";

/**
 * A QR code of `text` as the inner markup and size of an SVG: one `<path>` of dark runs (each run
 * of adjacent dark modules in a row is one rectangle, which keeps a URL's code near 1.5 KB) on a
 * light square with the 4-module quiet zone scanners need. Drawn at build time, so the page needs
 * no script to show it. Error correction M: still readable when a phone photographs a screen.
 */
export function qrCodeSvg(text: string): { size: number; path: string } {
  const { data, size } = encode(text, { ecc: "M", border: 4 });
  let path = "";
  data.forEach((row, y) => {
    let x = 0;
    while (x < size) {
      if (!row[x]) {
        x += 1;
        continue;
      }
      const start = x;
      while (x < size && row[x]) x += 1;
      path += `M${start} ${y}h${x - start}v1h${start - x}z`;
    }
  });
  return { size, path };
}
