import { createHash } from "node:crypto";
import { access, mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { threadId } from "node:worker_threads";
import satori from "satori";
import sharp from "sharp";
import { BUILD_CACHES } from "../buildCaches.ts";
import { fontSlicesFor } from "./fontSlicesFor.ts";
import { cardPalette, palettePng } from "./palettePng.ts";
import { socialCard, type SocialCardInput } from "./socialCard.ts";

const fontDir = path.dirname(createRequire(import.meta.url).resolve("@fontsource/noto-sans-sc/unicode.json"));
/** Rendered cards between builds, keyed by the card's full description (text, design, fonts). */
const CACHE_DIR = BUILD_CACHES.socialImages;

/** What a card shows; the font family is chosen here from the text. */
export type SocialImageInput = Omit<SocialCardInput, "fontFamily">;

/**
 * How a card is stored, part of the cache key: an 8-bit palette PNG of the background and each
 * ink in 16 steps (palettePng.ts). A third of the bytes of a full-colour PNG of the same pixels,
 * and cheaper to encode; figures in docs/performance.md. PNG, not JPEG: Chinese glyph edges blur
 * in JPEG at any size that saves bytes, and WeChat, Weibo and Twitter all take PNG.
 */
const FORMAT = { type: "palette-png", levels: 16 } as const;

let ranges: Promise<Record<string, string>> | undefined;
const slices = new Map<string, Promise<Buffer>>();

async function sliceNamesFor(text: string): Promise<string[]> {
  ranges ??= readFile(path.join(fontDir, "unicode.json"), "utf8").then((json) => JSON.parse(json));
  return fontSlicesFor(text, await ranges);
}

/** One family name per slice: satori picks a single face per family and weight, so slices
 * sharing a name would hide each other's glyphs. */
const familyOf = (slice: string) => `Noto Sans SC ${slice}`;

function loadFonts(names: readonly string[]) {
  return Promise.all(
    names.flatMap((name) =>
      ([400, 700] as const).map(async (weight) => {
        const file = `noto-sans-sc-${name.replace(/^\[(\d+)\]$/, "$1")}-${weight}-normal.woff`;
        if (!slices.has(file)) slices.set(file, readFile(path.join(fontDir, "files", file)));
        return { name: familyOf(name), data: await slices.get(file)!, weight, style: "normal" as const };
      }),
    ),
  );
}

/**
 * A 1200×630 PNG of an article's sharing card, its text drawn in Noto Sans SC from only the font
 * slices that hold its characters. Cards are cached on disk by the hash of their element tree
 * (which holds every text, colour, size and font slice) and the PNG settings, so a rebuild redraws
 * only changed cards; clear .cache/social-images after upgrading satori or sharp.
 * Returns the cached file's path: a build renders cards in worker threads (socialImagePool.ts)
 * and only the path crosses back.
 */
export async function socialImageFile(input: SocialImageInput): Promise<string> {
  const names = await sliceNamesFor(input.title + input.byline + input.siteTitle);
  const card = socialCard({ ...input, fontFamily: names.map((name) => `"${familyOf(name)}"`).join(", ") });
  const key = createHash("sha1").update(JSON.stringify({ card, FORMAT })).digest("hex");
  const cached = path.join(CACHE_DIR, `${key}.png`);
  if (
    await access(cached).then(
      () => true,
      () => false,
    )
  )
    return cached;

  // Font files are read only on a cache miss.
  const svg = await satori(card as never, { width: 1200, height: 630, fonts: await loadFonts(names) });
  const { data, info } = await sharp(Buffer.from(svg))
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const { background, text, muted, accent } = input.colors;
  const png = palettePng(
    data,
    info.width,
    info.height,
    cardPalette(background, [text, muted, accent], FORMAT.levels),
  );
  await mkdir(CACHE_DIR, { recursive: true });
  const temporary = `${cached}.${process.pid}.${threadId}.tmp`;
  await writeFile(temporary, png);
  await rename(temporary, cached); // atomic: a concurrent build or thread never reads half a file
  return cached;
}

/** The card as PNG bytes (see socialImageFile). */
export async function renderSocialImage(input: SocialImageInput): Promise<Buffer> {
  return readFile(await socialImageFile(input));
}
