import { createHash } from "node:crypto";

/**
 * The cache key of an article's term counts: everything the counts depend on — the text, and
 * the segmenter and settings that turned it into terms (a change to either must miss).
 */
export function hashArticleText(article: { title: string; body: string }, settings: string): string {
  return createHash("sha256")
    .update(settings)
    .update("\u0000")
    .update(article.title)
    .update("\u0000")
    .update(article.body)
    .digest("base64url")
    .slice(0, 22);
}
