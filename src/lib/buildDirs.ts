import { createHash } from "node:crypto";
import path from "node:path";
import { BUILD_CACHES } from "./buildCaches.ts";

/**
 * Where a build writes. `OUT_DIR` moves the output (tests build their fixture site beside the
 * real one). A build over another articles folder (`ARTICLES_DIR`) gets its own content cache, so
 * switching folders never mixes one folder's cached entries into the other's site.
 */
export function buildDirs(env: Record<string, string | undefined>): {
  outDir: string;
  cacheDir: string;
} {
  const outDir = path.resolve(env["OUT_DIR"] ?? "dist");
  const articles = env["ARTICLES_DIR"];
  const cacheDir = articles
    ? path.resolve(
        BUILD_CACHES.astro,
        createHash("sha1").update(path.resolve(articles)).digest("hex").slice(0, 12),
      )
    : path.resolve(BUILD_CACHES.astro);
  return { outDir, cacheDir };
}
