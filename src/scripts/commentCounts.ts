/**
 * Fills every comment count on the page (index list, 相关文章) with one request to the comment
 * server. Counts stay hidden until they arrive, and stay hidden if the server cannot be reached:
 * a missing count is better than a wrong "0".
 */
import { commentCountsUrl, parseCommentCounts } from "../lib/comments/commentCounts.ts";

const slots = [...document.querySelectorAll<HTMLElement>("[data-comment-count]")];
const first = slots[0];

if (first?.dataset["commentsServer"]) {
  const paths = [...new Set(slots.map((slot) => slot.dataset["commentCount"] ?? ""))];
  const url = commentCountsUrl(
    first.dataset["commentsServer"],
    paths,
    first.dataset["commentsLang"] ?? "zh-CN",
  );
  fetch(url)
    .then((response) => response.json())
    .then((body: unknown) => {
      const counts = parseCommentCounts(body, paths.length);
      for (const slot of slots) {
        const count = counts[paths.indexOf(slot.dataset["commentCount"] ?? "")] ?? 0;
        const text = slot.querySelector(".comment-count__text");
        if (text)
          text.textContent = (slot.dataset["template"] ?? "{count}").replace("{count}", String(count));
        slot.hidden = false;
      }
    })
    .catch((error: unknown) => console.error(error));
}
