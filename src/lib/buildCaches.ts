/**
 * What a build keeps between runs besides Astro's own content cache, relative to the project
 * root, each keyed by content so a stale entry is never used: `npm run bench` clears them all for
 * a cold build.
 */
export const BUILD_CACHES = {
  /** Term counts of every article (src/data/articles.ts, createTermCountCache). */
  related: "node_modules/.cache/related",
  /** Rendered sharing-card PNGs (src/lib/social/renderSocialImage.ts). */
  socialImages: "node_modules/.cache/social-images",
} as const;
