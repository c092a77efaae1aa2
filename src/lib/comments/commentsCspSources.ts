import type { CommentsSettings } from "./resolveComments.ts";

/**
 * What the Content-Security-Policy must allow beyond the site's own files for comments to work:
 * fetch() to the comment server's origin, and nothing else. With comments off, nothing.
 *
 * The Waline widget always inserts a `<style id="waline-darkmode">`; with `dark: false` (the
 * site styles dark mode itself) it is empty, so the hash of the empty string allows exactly that
 * and no other inline style.
 */
export function commentsCspSources(
  settings: CommentsSettings,
): Partial<Record<"connect-src" | "style-src", string[]>> {
  if (settings.provider === "none") return {};
  return {
    "connect-src": [settings.origin],
    "style-src": ["'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"],
  };
}
