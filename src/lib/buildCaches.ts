/**
 * The build state: everything a build keeps between runs, under one folder at the project root
 * (`.cache/`, not in git) so that a CI workflow can keep it between runs with one cache step and
 * `npm ci` (which empties node_modules) never throws it away. Every entry is keyed by content or
 * checked against the sources before use, so a stale entry is never published; `npm run bench`
 * clears them all for a cold build.
 */
export const BUILD_STATE_ROOT = ".cache";

export const BUILD_CACHES = {
  /** Astro's cache folder: content store, incremental-build manifest and restored pages. */
  astro: `${BUILD_STATE_ROOT}/astro`,
  /** Term counts of every article (src/site/loadSite.ts, createTermCountCache). */
  related: `${BUILD_STATE_ROOT}/related`,
  /** Rendered sharing-card images (src/lib/social/renderSocialImage.ts). */
  socialImages: `${BUILD_STATE_ROOT}/social-images`,
  /** The search index's per-part state (src/features/search/build/pagefindIntegration.ts). */
  search: `${BUILD_STATE_ROOT}/search`,
} as const;
