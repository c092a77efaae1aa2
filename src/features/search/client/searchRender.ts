import type { HitData } from "./searchEngine.ts";

/**
 * The parts of one result: linked title, date, excerpt with the matched words marked, tags. The
 * excerpt is Pagefind's HTML (article text it escaped, plus <mark>); titles and tags go in as text.
 */
export function renderHit(data: HitData, { compact }: { compact: boolean }): HTMLElement[] {
  const title = document.createElement(compact ? "p" : "h2");
  title.className = "search-hit__title";
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = data.title;
  // The whole option is clickable in the dropdown; the link stays the one focus/activation target.
  if (compact) link.tabIndex = -1;
  title.append(link);

  const meta = document.createElement("p");
  meta.className = "search-hit__meta";
  if (data.date) {
    const time = document.createElement("time");
    time.dateTime = data.date;
    time.textContent = data.date;
    meta.append(time);
  }
  if (data.tags.length > 0) {
    const tags = document.createElement("span");
    tags.className = "search-hit__tags";
    tags.textContent = data.tags.join(" · ");
    meta.append(tags);
  }

  const excerpt = document.createElement("p");
  excerpt.className = "search-hit__excerpt";
  excerpt.innerHTML = data.excerptHtml;
  return [title, meta, excerpt];
}
