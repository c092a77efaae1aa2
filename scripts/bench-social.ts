// Sharing-card cost, stage by stage, over the titles of the real corpus (../shared/corpus/zh-docs):
// satori layout → SVG, rasterising (sharp/librsvg), then the stored encodings side by side.
//
//   npm run bench:social -- [--count 100]
//
// Runs on one thread, nothing cached; figures go to docs/performance.md.
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import satori from "satori";
import sharp from "sharp";
import { fontSlicesFor } from "../src/lib/social/fontSlicesFor.ts";
import { cardPalette, palettePng } from "../src/lib/social/palettePng.ts";
import { socialCard } from "../src/lib/social/socialCard.ts";

const countArg = process.argv.indexOf("--count");
const count = countArg === -1 ? 100 : Number(process.argv[countArg + 1]);
const corpus = path.resolve(import.meta.dirname, "../../shared/corpus/zh-docs");
const titles = readdirSync(corpus)
  .filter((file) => file.endsWith(".md"))
  .slice(0, count)
  .map(
    (file) =>
      /^title:\s*["']?(.*?)["']?\s*$/m.exec(readFileSync(path.join(corpus, file), "utf8"))?.[1] ?? file,
  );
if (titles.length === 0) throw new Error(`no articles in ${corpus}`);

const fontDir = path.dirname(createRequire(import.meta.url).resolve("@fontsource/noto-sans-sc/unicode.json"));
const ranges = JSON.parse(readFileSync(path.join(fontDir, "unicode.json"), "utf8")) as Record<string, string>;
const colors = { background: "#fdfcf9", text: "#1f1d1a", muted: "#5c5750", accent: "#8a2f1d" };
const palette = cardPalette(colors.background, [colors.text, colors.muted, colors.accent], 16);
sharp.concurrency(1);

// Font files held in memory once read, as the build's renderer does (renderSocialImage.ts).
const fontFiles = new Map<string, Buffer>();
function fontFile(name: string): Buffer {
  if (!fontFiles.has(name)) fontFiles.set(name, readFileSync(path.join(fontDir, "files", name)));
  return fontFiles.get(name)!;
}

const totals = new Map<string, { ms: number; bytes: number }>();
async function timed<T extends string | Buffer>(stage: string, work: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  const result = await work();
  const entry = totals.get(stage) ?? { ms: 0, bytes: 0 };
  entry.ms += performance.now() - started;
  entry.bytes += result.length;
  totals.set(stage, entry);
  return result;
}

for (const title of titles) {
  const byline = "林间 · 2025年3月1日";
  const siteTitle = "观止评论";
  const names = fontSlicesFor(title + byline + siteTitle, ranges);
  const fonts = names.flatMap((name) =>
    ([400, 700] as const).map((weight) => ({
      name: `Noto Sans SC ${name}`,
      data: fontFile(`noto-sans-sc-${name.replace(/^\[(\d+)\]$/, "$1")}-${weight}-normal.woff`),
      weight,
      style: "normal" as const,
    })),
  );
  const card = socialCard({
    title,
    byline,
    siteTitle,
    colors,
    fontFamily: names.map((n) => `"Noto Sans SC ${n}"`).join(", "),
  });
  const svg = await timed("satori layout → SVG", () =>
    satori(card as never, { width: 1200, height: 630, fonts }),
  );
  const raw = await timed("rasterise (sharp → RGBA)", () =>
    sharp(Buffer.from(svg)).ensureAlpha().raw().toBuffer(),
  );
  await timed("encode: palette PNG (palettePng.ts, stored)", () => palettePng(raw, 1200, 630, palette));
  const rawImage = { raw: { width: 1200, height: 630, channels: 4 as const } };
  await timed("encode: full-colour PNG (before)", () =>
    sharp(raw, rawImage).png({ compressionLevel: 6, adaptiveFiltering: false }).toBuffer(),
  );
  await timed("encode: libimagequant palette, 16 colours", () =>
    sharp(raw, rawImage).png({ palette: true, colours: 16, effort: 1, dither: 0 }).toBuffer(),
  );
  await timed("encode: JPEG q85 4:4:4", () =>
    sharp(raw, rawImage).jpeg({ quality: 85, chromaSubsampling: "4:4:4" }).toBuffer(),
  );
}

console.log(`${titles.length} cards of the real corpus, one thread, ${new Date().toISOString()}\n`);
console.log("| stage | ms/card | KB/card |\n| --- | ---: | ---: |");
for (const [stage, { ms, bytes }] of totals)
  console.log(
    `| ${stage} | ${(ms / titles.length).toFixed(1)} | ${stage.startsWith("encode") ? (bytes / titles.length / 1000).toFixed(1) : ""} |`,
  );
