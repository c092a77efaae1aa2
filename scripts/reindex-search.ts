/**
 * Re-indexes an already built site for search, exactly as the build's integration does, without
 * rebuilding its pages: for measuring index settings (docs/search.md) and index build time.
 *
 *   node scripts/reindex-search.ts /tmp/zh                 (cached in .cache/search, as a build)
 *   node scripts/reindex-search.ts /tmp/zh --cold          (no cache: always indexes)
 *   node scripts/reindex-search.ts /tmp/zh --no-presegment (Pagefind's own segmentation only)
 *
 * Prints one JSON record of the run (SearchIndexStats).
 */
import path from "node:path";
import { SITE } from "../src/config.ts";
import { buildSearchIndex } from "../src/features/search/build/pagefindIntegration.ts";
import { BUILD_CACHES } from "../src/lib/buildCaches.ts";

const [site, ...flags] = process.argv.slice(2);
if (!site) throw new Error("usage: node scripts/reindex-search.ts <built site> [--cold] [--no-presegment]");
const root = process.cwd();
const stats = await buildSearchIndex({
  siteDir: path.resolve(site),
  lang: SITE.lang,
  root,
  ...(flags.includes("--cold") ? {} : { cacheDir: path.join(root, BUILD_CACHES.search) }),
  ...(flags.includes("--no-presegment") ? { presegment: false } : {}),
});
console.log(JSON.stringify(stats));
