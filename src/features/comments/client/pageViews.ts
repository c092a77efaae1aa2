/**
 * Fills 阅读 N (article meta, article lists) and the 热门文章 block once the page is idle:
 * on an article, one POST that counts this view and answers its total; on a list, one GET for
 * every count the page shows and every 热门 candidate together. Everything stays hidden until
 * its number arrives, and stays hidden if the server cannot be reached.
 */
import {
  countViewRequest,
  pageViewsUrl,
  parsePageViews,
  rankByViews,
  type PopularCandidate,
} from "../pageViews.ts";

const slots = [...document.querySelectorAll<HTMLElement>("[data-page-views]")];
const popular = document.querySelector<HTMLElement>("[data-popular]");
const settings = (slots[0] ?? popular)?.dataset;

function fill(slot: HTMLElement, count: number) {
  const text = slot.querySelector(".page-views__text");
  if (text) text.textContent = (slot.dataset["template"] ?? "{count}").replace("{count}", String(count));
  slot.hidden = false;
}

function showPopular(section: HTMLElement, candidates: PopularCandidate[], views: number[]) {
  const ranked = rankByViews(candidates, views, Number(section.dataset["size"] ?? 5));
  const list = section.querySelector("ol");
  if (!list || ranked.length === 0) return;
  for (const { article, views: count } of ranked) {
    const item = document.createElement("li");
    const link = Object.assign(document.createElement("a"), {
      href: article.href,
      textContent: article.title,
    });
    const meta = Object.assign(document.createElement("span"), {
      className: "popular__views",
      textContent: (section.dataset["template"] ?? "{count}").replace("{count}", String(count)),
    });
    item.append(link, " ", meta);
    list.append(item);
  }
  section.hidden = false;
}

async function run(server: string, lang: string) {
  const own = slots.filter((slot) => slot.dataset["countView"] !== undefined);
  const listed = slots.filter((slot) => slot.dataset["countView"] === undefined);
  // The 热门 candidates are one site file (not in the page, see PopularArticles.astro); without
  // it the block stays hidden and the counts are still filled.
  const candidatesSrc = popular?.dataset["candidatesSrc"];
  const candidates = candidatesSrc
    ? await fetch(candidatesSrc)
        .then((response) => (response.ok ? (response.json() as Promise<PopularCandidate[]>) : []))
        .catch(() => [])
    : [];

  const ownPath = own[0]?.dataset["pageViews"];
  if (ownPath) {
    const { url, body } = countViewRequest(server, ownPath, lang);
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
    const [count = 0] = parsePageViews(await response.json(), 1);
    for (const slot of own) fill(slot, count);
  }

  const paths = [
    ...new Set([...listed.map((slot) => slot.dataset["pageViews"] ?? ""), ...candidates.map((c) => c.href)]),
  ];
  if (paths.length === 0) return;
  const response = await fetch(pageViewsUrl(server, paths, lang));
  const views = parsePageViews(await response.json(), paths.length);
  const of = (path: string) => views[paths.indexOf(path)] ?? 0;
  for (const slot of listed) fill(slot, of(slot.dataset["pageViews"] ?? ""));
  if (popular)
    showPopular(
      popular,
      candidates,
      candidates.map((c) => of(c.href)),
    );
}

const server = settings?.["commentsServer"];
if (server) {
  const start = () =>
    void run(server, settings["commentsLang"] ?? "zh-CN").catch((error: unknown) => console.error(error));
  // After the page has loaded and the browser is idle: reading the article comes first.
  const whenIdle = () =>
    "requestIdleCallback" in window ? requestIdleCallback(start, { timeout: 3_000 }) : setTimeout(start, 200);
  if (document.readyState === "complete") whenIdle();
  else addEventListener("load", whenIdle, { once: true });
}
