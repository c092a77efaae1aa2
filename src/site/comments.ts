import { SITE } from "../config.ts";
import { resolveComments } from "../lib/comments/resolveComments.ts";

/**
 * The comments settings, checked once per build. astro.config.ts imports this module, so a
 * wrong setting (provider "waline" without a serverURL, say) stops the build before any page.
 */
export const comments = resolveComments(SITE.comments);
