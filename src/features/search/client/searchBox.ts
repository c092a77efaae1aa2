/**
 * Results as you type under the header and sidebar boxes: an ARIA combobox over a listbox of
 * results. The form stays a plain GET form: Enter with no result chosen submits it to /search/.
 */
import { t } from "../../../i18n/zh-CN.ts";
import { SEARCH } from "../query/settings.ts";
import { NoIndexError, preload, search, warmUp, type HitData } from "./searchEngine.ts";
import { renderHit } from "./searchRender.ts";

let counter = 0;

export function enhanceSearchBoxes(selector: string): void {
  warmUp("recent");
  for (const input of document.querySelectorAll<HTMLInputElement>(selector)) {
    if (!input.dataset["enhanced"]) enhance(input);
  }
}

function enhance(input: HTMLInputElement): void {
  input.dataset["enhanced"] = "true";
  const form = input.form!;
  const id = `search-popup-${(counter += 1)}`;
  const popup = document.createElement("div");
  popup.className = "search-popup";
  popup.hidden = true;
  const status = document.createElement("p");
  status.className = "search-popup__status";
  status.setAttribute("role", "status");
  const list = document.createElement("ul");
  list.className = "search-popup__list";
  list.id = `${id}-list`;
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", t("search.resultsLabel"));
  const more = document.createElement("a");
  more.className = "search-popup__more";
  more.hidden = true;
  popup.append(status, list, more);
  form.append(popup);

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("aria-expanded", "false");

  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;

  const options = () => [...list.querySelectorAll<HTMLElement>("[role=option]")];
  const open = (show: boolean) => {
    popup.hidden = !show;
    input.setAttribute("aria-expanded", String(show && options().length > 0));
  };
  const setActive = (index: number) => {
    const all = options();
    active = all.length === 0 ? -1 : (index + all.length) % all.length;
    all.forEach((option, i) => option.setAttribute("aria-selected", String(i === active)));
    if (active >= 0) {
      input.setAttribute("aria-activedescendant", all[active]!.id);
      all[active]!.scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  };

  const run = async () => {
    const raw = input.value.trim();
    const mine = (generation += 1);
    setActive(-1);
    if (raw === "") {
      list.replaceChildren();
      open(false);
      return;
    }
    status.textContent = t("search.loading");
    open(true);
    try {
      const found = await search(raw, { scope: "recent" });
      const shown = await Promise.all(found.hits.slice(0, SEARCH.dropdownSize).map((hit) => hit.load()));
      if (mine !== generation) return;
      list.replaceChildren(...shown.map((data, i) => option(`${id}-option-${i}`, data)));
      // On a large site the dropdown searches the newest years only (found.since); the link to
      // /search/ then always shows, since that page searches every year.
      const { since } = found;
      status.textContent =
        found.hits.length === 0
          ? since
            ? t("search.noResultsSince", { query: raw, year: since })
            : t("search.noResults", { query: raw })
          : found.relaxed
            ? t("search.relaxed")
            : since
              ? t("search.countSince", { count: found.hits.length, year: since })
              : t("search.count", { count: found.hits.length });
      more.hidden = since === undefined && found.hits.length <= SEARCH.dropdownSize;
      more.href = `/search/?q=${encodeURIComponent(raw)}`;
      more.textContent = since ? t("search.allYears") : t("search.seeAll", { count: found.hits.length });
      open(true);
    } catch (error) {
      if (mine !== generation) return;
      list.replaceChildren();
      status.textContent = error instanceof NoIndexError ? t("search.devNotice") : t("search.error");
      open(true);
      if (!(error instanceof NoIndexError)) console.error(error);
    }
  };

  input.addEventListener("input", () => {
    preload(input.value, "recent");
    clearTimeout(timer);
    timer = setTimeout(() => void run(), SEARCH.debounceMs);
  });
  input.addEventListener("focus", () => {
    if (input.value.trim() !== "" && list.childElementCount > 0) open(true);
  });
  input.addEventListener("keydown", (event) => {
    const count = options().length;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (count === 0) return;
      event.preventDefault();
      open(true);
      setActive(active + (event.key === "ArrowDown" ? 1 : -1));
    } else if (event.key === "Enter" && active >= 0 && !popup.hidden) {
      // A chosen result opens; otherwise Enter submits the form to /search/ as without JS.
      event.preventDefault();
      options()[active]!.querySelector("a")!.click();
    } else if (event.key === "Escape") {
      if (!popup.hidden) {
        event.preventDefault();
        setActive(-1);
        open(false);
      } else if (input.value !== "") {
        event.preventDefault();
        input.value = "";
        list.replaceChildren();
      }
    }
  });
  form.addEventListener("focusout", (event) => {
    if (!(event.relatedTarget instanceof Node && form.contains(event.relatedTarget))) open(false);
  });
  // Pointer users: keep the option under the mouse in step with the keyboard highlight.
  list.addEventListener("mousemove", (event) => {
    const option = (event.target as Element).closest("[role=option]");
    if (option) setActive(options().indexOf(option as HTMLElement));
  });

  // Typed before the script arrived: search what is already there.
  if (input.value.trim() !== "") void run();
}

function option(id: string, data: HitData): HTMLElement {
  const item = document.createElement("li");
  item.id = id;
  item.setAttribute("role", "option");
  item.setAttribute("aria-selected", "false");
  item.className = "search-popup__option";
  item.append(...renderHit(data, { compact: true }));
  return item;
}
