import { commentsPath } from "../../lib/comments/commentsPath.ts";
import type { CommentsSettings } from "../../lib/comments/resolveComments.ts";
import { articleHref } from "../../site/urls.ts";
import type { PopularCandidate } from "./pageViews.ts";

/** The site file holding the 热门文章 candidates (an empty list with comments off). */
export const POPULAR_CANDIDATES_HREF = "/popular.json";

/**
 * The articles the 热门文章 block may rank: the newest `limit` (their view counts come in one
 * request, so this bounds its length). None with comments off, so no page carries the list.
 * Written once, to POPULAR_CANDIDATES_HREF (src/pages/popular.json.ts), and read by the pages'
 * script: were it in every list page, every new article would change them all.
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
