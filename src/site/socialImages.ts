import { availableParallelism } from "node:os";
import { SITE } from "../config.ts";
import { formatArticleDate } from "../lib/dates.ts";
import type { SocialImageInput } from "../lib/social/renderSocialImage.ts";
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

/** Each article's id and its card's file in .cache/social-images. */
export type SocialCardFiles = readonly (readonly [id: string, file: string])[];

/** A build's queued cards, as the socialImages integration collects them. */
export interface QueuedSocialCards {
  files: Promise<SocialCardFiles>;
  /** Called once the pages are rendered: the main thread is free, so draw on every core. */
  useEveryCore(): void;
}

/**
 * Where `astro build` hands the cards from the pages' bundle (which loads the site model) to the
 * socialImages integration, which puts them into the output at astro:build:done: the two are
 * separate module graphs in one process.
 */
const SOCIAL_CARDS = Symbol.for("site:social-images:cards");

/**
 * Starts drawing every article's card in worker threads at the start of a build — one thread
 * fewer than the cores while Astro renders pages on the main thread, every core once it is done;
 * the socialImages integration then puts the files into /og/. No page waits for a card: while
 * /og/<id>.png was a route, rendering stopped at /og/ until the worker had drawn every card,
 * the main thread idle meanwhile. A card already in .cache/social-images costs a file check.
 * Measured: see docs/performance.md.
 */
export function queueSocialImages(
  articles: readonly { id: string; title: string; author: string; date: Date }[],
): void {
  if (!pool || !SITE.socialImages) return;
  const started = performance.now();
  const files = Promise.all(
    articles.map(async (article) => [article.id, await pool.file(socialCardOf(article))] as const),
  ).then((done) => {
    console.info(`[site:social-images] ${done.length} cards in ${secondsSince(started)} s`);
    recordTiming("sharing cards", started, `${done.length} cards, in worker threads`);
    return done;
  });
  files.catch(() => {}); // reported by the integration, which fails the build
  const queued: QueuedSocialCards = { files, useEveryCore: () => pool.resize(availableParallelism()) };
  (globalThis as Record<symbol, unknown>)[SOCIAL_CARDS] = queued;
}

/** The cards queued by this build (and forgets them), or undefined when none were. */
export function takeQueuedSocialCards(): QueuedSocialCards | undefined {
  const queued = (globalThis as Record<symbol, QueuedSocialCards | undefined>)[SOCIAL_CARDS];
  delete (globalThis as Record<symbol, unknown>)[SOCIAL_CARDS];
  return queued;
}
