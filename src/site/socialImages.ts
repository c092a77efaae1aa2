import { readFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { SITE } from "../config.ts";
import { formatArticleDate } from "../lib/dates.ts";
import { renderSocialImage, type SocialImageInput } from "../lib/social/renderSocialImage.ts";
import { createSocialImagePool } from "../lib/social/socialImagePool.ts";
import { secondsSince } from "../lib/secondsSince.ts";
import { recordTiming } from "../lib/buildTimings.ts";

/** What an article's sharing card shows: the og route's props (and cache key). */
export function socialCardOf(article: { title: string; author: string; date: Date }): SocialImageInput {
  return {
    title: article.title,
    byline: `${article.author} · ${formatArticleDate(article.date)}`,
    siteTitle: SITE.title,
    // The light theme's colours (src/styles/global.css).
    colors: { background: "#fdfcf9", text: "#1f1d1a", muted: "#5c5750", accent: "#8a2f1d" },
  };
}

// Set by the socialImages integration for `astro build` only (astro dev draws a card when asked).
const workerFile = import.meta.env.SOCIAL_IMAGE_WORKER;
// One thread is left to Astro, which renders pages on the main thread meanwhile.
const pool = workerFile
  ? createSocialImagePool(workerFile, Math.max(1, availableParallelism() - 1))
  : undefined;

/**
 * Starts drawing every article's card in worker threads at the start of a build, so they are
 * drawn while Astro renders the HTML pages instead of one by one when it reaches /og/. A card
 * already in .cache/social-images costs a file check. Measured: see docs/performance.md.
 */
export function queueSocialImages(articles: readonly { title: string; author: string; date: Date }[]): void {
  if (!pool || !SITE.socialImages) return;
  const started = performance.now();
  // A failure is reported by the page that awaits the card (socialImageOf), failing the build.
  const cards = articles.map((article) => pool.file(socialCardOf(article)).catch(() => {}));
  void Promise.all(cards).then(() => {
    console.info(`[site:social-images] ${cards.length} cards in ${secondsSince(started)} s`);
    recordTiming("sharing cards", started, `${cards.length} cards, in worker threads`);
  });
}

/** The PNG of a sharing card (1200×630). */
export async function socialImageOf(card: SocialImageInput): Promise<Buffer> {
  return pool ? readFile(await pool.file(card)) : renderSocialImage(card);
}
