/**
 * Side-effect entry of the traditional→simplified converter (~50 KB gzipped), built like
 * searchLoader.ts as a standalone module that pages reference by URL only (see SearchBox.astro).
 * The search imports it for a query that may hold traditional characters (mayBeTraditional.ts).
 * It cannot be a chunk split off the dropdown's bundle: Astro copies a prerendered page's
 * worker-style bundle into the site but not the chunks it splits off, which then 404.
 */
import { toSimplified } from "../lib/search/toSimplified.ts";

window.__toSimplified = toSimplified;
