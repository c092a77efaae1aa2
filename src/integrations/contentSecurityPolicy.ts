import { readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { withContentSecurityPolicy, type ExtraCspSources } from "../lib/csp/withContentSecurityPolicy.ts";

/**
 * Gives every built page its Content-Security-Policy `<meta>` (see withContentSecurityPolicy).
 * Done on the built HTML rather than with Astro's `security.csp`, which hashes only the scripts
 * it bundles: the site's `is:inline` scripts (theme, search loader) would be blocked.
 * `extra`: sources a configured feature needs, e.g. the comment server (commentsCspSources).
 */
export function contentSecurityPolicy(extra: ExtraCspSources = {}): AstroIntegration {
  return {
    name: "site:content-security-policy",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const pages = (await readdir(root, { recursive: true, withFileTypes: true })).filter(
          (entry) => entry.isFile() && entry.name.endsWith(".html"),
        );
        for (const entry of pages) {
          const file = path.join(entry.parentPath, entry.name);
          const html = await readFile(file, "utf8");
          if (/http-equiv=["']?content-security-policy/i.test(html)) {
            throw new Error(`content-security-policy: ${path.relative(root, file)} already has a CSP <meta>`);
          }
          await writeFile(file, withContentSecurityPolicy(html, extra));
        }
        logger.info(`added a Content-Security-Policy to ${pages.length} pages`);
      },
    },
  };
}
