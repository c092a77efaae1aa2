import { commentsPath } from "../../lib/comments/commentsPath.ts";
import type { CommentsSettings } from "../../lib/comments/resolveComments.ts";
import { articleHref } from "../../site/urls.ts";
import type { PopularCandidate } from "./pageViews.ts";

/**
 * The articles the 热门文章 block may rank: the newest `limit` (their view counts come in one
 * request, so this bounds its length). None with comments off, so no page carries the list.
 * Listing routes pass the result as a prop, so it is part of their cache key: a new article
 * changes the candidates and rebuilds the listings that show them.
 */
export function popularCandidates(
  articles: readonly { id: string; title: string }[],
  settings: CommentsSettings,
  limit: number,
): PopularCandidate[] {
  if (settings.provider === "none") return [];
  return articles.slice(0, limit).map((article) => ({
    href: commentsPath(articleHref(article.id)),
    title: article.title,
  }));
}
