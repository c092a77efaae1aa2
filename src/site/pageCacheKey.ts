import { createHash } from "node:crypto";

/**
 * A page's cache key for Astro's incremental build: a digest of exactly what the page shows
 * (its props) plus the global settings every page prints (`globals`: SITE values, some of which
 * come from the environment, the comments settings, the footer's year). Astro restores the page
 * from the previous build when the key, the route's code and the content it rendered are
 * unchanged — so anything a page shows that is not in here would go stale.
 *
 * Content entries (`entry` keys) are left out: they are large, and what a page shows of its own
 * entry is keyed by that file's digest, passed as a prop.
 */
export function pageCacheKey(globals: unknown, props: unknown): string {
  return createHash("sha256").update(stableJson({ globals, props })).digest("base64url");
}

/** JSON with object keys sorted (so key order never changes a digest) and `entry` keys dropped. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (key, val: unknown) => {
    if (key === "entry") return undefined;
    if (val instanceof Map) return [...(val as Map<unknown, unknown>).entries()];
    if (val && typeof val === "object" && !Array.isArray(val) && !(val instanceof Date)) {
      return Object.fromEntries(Object.entries(val).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return val;
  });
}
