/**
 * The /search/ page: the query and every choice live in the address (?q=&tag=&author=&year=
 * &sort=&page=), so a search can be shared and the back button steps through it.
 */
import { t } from "../../../i18n/zh-CN.ts";
import { SEARCH_FILTERS, type SearchFilter } from "../filters.ts";
import { SEARCH } from "../query/settings.ts";
import { filterCounts, NoIndexError, preload, search, type SearchOptions } from "./searchEngine.ts";
import { renderHit } from "./searchRender.ts";

const FILTERS = SEARCH_FILTERS;
type Sort = "relevance" | "newest" | "oldest";

interface State {
  q: string;
  filters: Record<SearchFilter, string>;
  sort: Sort;
  page: number;
}

const app = document.querySelector<HTMLElement>("[data-search-app]")!;
const form = document.querySelector<HTMLFormElement>("form.search-box--page")!;
const input = form.querySelector<HTMLInputElement>("input[type=search]")!;
const status = app.querySelector<HTMLElement>("[data-search-status]")!;
const list = app.querySelector<HTMLOListElement>("[data-search-results]")!;
const pager = app.querySelector<HTMLElement>("[data-search-pager]")!;
const prev = pager.querySelector<HTMLButtonElement>("[data-search-prev]")!;
const next = pager.querySelector<HTMLButtonElement>("[data-search-next]")!;
const pageStatus = pager.querySelector<HTMLElement>("[data-search-page-status]")!;
const selects = Object.fromEntries(
  FILTERS.map((name) => [name, app.querySelector<HTMLSelectElement>(`select[name=${name}]`)!]),
) as Record<SearchFilter, HTMLSelectElement>;
const sortSelect = app.querySelector<HTMLSelectElement>("select[name=sort]")!;

let state = readUrl();
let generation = 0;
let timer: ReturnType<typeof setTimeout> | undefined;

app.hidden = false;
syncControls();
void fillFilters().then(() => syncControls());
void render();

form.addEventListener("submit", (event) => {
  event.preventDefault();
  clearTimeout(timer);
  update({ q: input.value.trim(), page: 1 }, "push");
});
input.addEventListener("input", () => {
  preload(input.value);
  clearTimeout(timer);
  timer = setTimeout(() => update({ q: input.value.trim(), page: 1 }, "replace"), SEARCH.debounceMs);
});
for (const name of FILTERS) {
  selects[name].addEventListener("change", () =>
    update({ filters: { ...state.filters, [name]: selects[name].value }, page: 1 }, "push"),
  );
}
sortSelect.addEventListener("change", () => update({ sort: toSort(sortSelect.value), page: 1 }, "push"));
prev.addEventListener("click", () => update({ page: state.page - 1 }, "push", true));
next.addEventListener("click", () => update({ page: state.page + 1 }, "push", true));
window.addEventListener("popstate", () => {
  state = readUrl();
  syncControls();
  void render();
});

function update(change: Partial<State>, history: "push" | "replace", toTop = false): void {
  state = { ...state, ...change };
  const url = `${location.pathname}${toQueryString(state)}`;
  if (history === "push") window.history.pushState(null, "", url);
  else window.history.replaceState(null, "", url);
  syncControls();
  void render().then(() => {
    if (toTop) status.focus();
  });
}

async function render(): Promise<void> {
  const mine = (generation += 1);
  list.replaceChildren();
  pager.hidden = true;
  if (state.q === "") {
    status.textContent = t("search.prompt");
    return;
  }
  status.textContent = t("search.loading");
  try {
    const found = await search(state.q, searchOptions(state));
    const total = Math.max(1, Math.ceil(found.hits.length / SEARCH.pageSize));
    const page = Math.min(Math.max(1, state.page), total);
    const shown = await Promise.all(
      found.hits.slice((page - 1) * SEARCH.pageSize, page * SEARCH.pageSize).map((hit) => hit.load()),
    );
    if (mine !== generation) return;
    // The same "page - site" form as BaseLayout.astro's <title>; the page renders the site's name.
    document.title = `${t("search.resultsFor", { query: state.q })} - ${app.dataset["siteTitle"] ?? ""}`;
    status.textContent =
      found.hits.length === 0
        ? t("search.noResults", { query: state.q })
        : [t("search.count", { count: found.hits.length }), found.relaxed ? t("search.relaxed") : ""]
            .join(" ")
            .trim();
    list.replaceChildren(
      ...shown.map((data) => {
        const item = document.createElement("li");
        item.className = "search-hit";
        item.append(...renderHit(data, { compact: false }));
        return item;
      }),
    );
    pager.hidden = total <= 1;
    prev.disabled = page <= 1;
    next.disabled = page >= total;
    pageStatus.textContent = t("search.page", { current: page, total });
  } catch (error) {
    if (mine !== generation) return;
    status.textContent = error instanceof NoIndexError ? t("search.devNotice") : t("search.error");
    if (!(error instanceof NoIndexError)) console.error(error);
  }
}

function searchOptions(current: State): SearchOptions {
  const filters: Record<string, string[]> = {};
  for (const name of FILTERS) if (current.filters[name]) filters[name] = [current.filters[name]];
  const options: SearchOptions = { filters };
  if (current.sort !== "relevance") options.sort = { date: current.sort === "newest" ? "desc" : "asc" };
  return options;
}

/** Fills the filter menus from the index, most common values first (years newest first). */
async function fillFilters(): Promise<void> {
  let counts: Record<string, Record<string, number>>;
  try {
    counts = await filterCounts();
  } catch {
    return; // render() reports the problem.
  }
  for (const name of FILTERS) {
    const entries = Object.entries(counts[name] ?? {}).sort(([a, x], [b, y]) =>
      name === "year" ? b.localeCompare(a) : y - x || a.localeCompare(b, "zh-CN"),
    );
    const select = selects[name];
    select.append(
      ...entries.map(([value, count]) => {
        const option = document.createElement("option");
        option.value = value;
        option.textContent = `${value}（${count}）`;
        return option;
      }),
    );
  }
}

function syncControls(): void {
  if (document.activeElement !== input) input.value = state.q;
  for (const name of FILTERS) {
    const select = selects[name];
    const value = state.filters[name];
    // A value from a shared link that the menu does not list yet (filters still loading) is kept.
    if (value && ![...select.options].some((option) => option.value === value)) {
      select.append(new Option(value, value));
    }
    select.value = value;
  }
  sortSelect.value = state.sort;
}

function readUrl(): State {
  const params = new URLSearchParams(location.search);
  const page = Number.parseInt(params.get("page") ?? "1", 10);
  return {
    q: (params.get("q") ?? "").trim(),
    filters: Object.fromEntries(FILTERS.map((name) => [name, params.get(name) ?? ""])) as Record<
      SearchFilter,
      string
    >,
    sort: toSort(params.get("sort") ?? ""),
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

function toQueryString(current: State): string {
  const params = new URLSearchParams();
  if (current.q) params.set("q", current.q);
  for (const name of FILTERS) if (current.filters[name]) params.set(name, current.filters[name]);
  if (current.sort !== "relevance") params.set("sort", current.sort);
  if (current.page > 1) params.set("page", String(current.page));
  const query = params.toString();
  return query ? `?${query}` : "";
}

function toSort(value: string): Sort {
  return value === "newest" || value === "oldest" ? value : "relevance";
}
