import { tagSlug } from "./tagSlug.ts";

/** Root-relative URL of an author's page, percent-encoded for use in href. */
export function authorHref(author: string): string {
  return `/authors/${encodeURIComponent(tagSlug(author))}/`;
}
