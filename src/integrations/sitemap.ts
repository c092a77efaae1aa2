import { readFile } from "node:fs/promises";
import path from "node:path";
import type { AstroIntegration } from "astro";
import sitemap from "@astrojs/sitemap";
import { modifiedTimeOf } from "../lib/modifiedTimeOf.ts";

/**
 * @astrojs/sitemap, with each article's lastmod read from the `article:modified_time` its built
 * page declares (its `updated` date, else its `date`). Reading the built page instead of the
 * articles keeps the publish rule in one place: only pages that were built are listed.
 */
export function sitemapIntegration(outDir: string): AstroIntegration {
  return sitemap({
    filter: (page) => !new URL(page).pathname.startsWith("/404"),
    serialize: async (item) => {
      const pathname = decodeURIComponent(new URL(item.url).pathname);
      const html = await readFile(path.join(outDir, pathname, "index.html"), "utf8").catch(() => "");
      const lastmod = modifiedTimeOf(html);
      return lastmod ? { ...item, lastmod } : item;
    },
  });
}
