import type { Browser } from "playwright-core";
import type { StaticServer } from "./serveStatic.ts";
import { t } from "../../src/i18n/zh-CN.ts";
import { newContext } from "./siteInBrowser.ts";
import { READY_MS } from "./waits.ts";

export interface FetchedFile {
  /** Path on the site, e.g. /pagefind/pagefind.js */
  path: string;
  /** Response body bytes sent (gzipped when the server gzipped them). */
  wire: number;
  /** Response body bytes after HTTP decoding: the file's size. Pagefind's own files are gzip inside. */
  decoded: number;
  /** Requested and received, in ms after the focus. */
  start: number;
  end: number;
}

export interface FirstQuery {
  query: string;
  /** Every file fetched from focusing the box until the network is quiet after the results. */
  files: FetchedFile[];
  wire: number;
  decoded: number;
  /** Focus → results on screen. The query is typed right after focusing: nothing is loaded yet. */
  focusToResultsMs: number;
  /** The input event → results on screen (includes the debounce). */
  inputToResultsMs: number;
  /**
   * The search starting → results on screen: the engine's answer time. It starts when the box
   * shows search.loading, after the debounce (or, typed before the box's script arrived, as soon
   * as it does); Pagefind's files still to load count, nothing of the debounce does.
   */
  searchToResultsMs: number;
  /** Titles of the results shown, in order. */
  titles: string[];
}

export interface FirstQueryOptions {
  /** A page with the sidebar search box. */
  path: string;
  query: string;
  /** The box to use. */
  box?: string;
}

/**
 * A reader's first search on a page, in a fresh browser context (empty cache): focus the box,
 * type the query at once, wait for the results, and count what the server sent from the focus on
 * (one page at a time per server: its log is the measure).
 * The query arrives in one input event, as an IME commits a Chinese word.
 */
export async function measureFirstQuery(
  browser: Browser,
  server: StaticServer,
  { path, query, box = "#sidebar-search" }: FirstQueryOptions,
): Promise<FirstQuery> {
  const context = await newContext(browser, { locale: "zh-CN" });
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}${path}`);
    await page.waitForLoadState("networkidle");

    const loading = t("search.loading");
    await page.evaluate(
      ({ selector, loading }) => {
        const marks: {
          focus?: number;
          input?: number;
          start?: number;
          done?: number;
          titles?: string[];
          origin: number;
        } = { origin: performance.timeOrigin };
        (window as unknown as { firstQuery: typeof marks }).firstQuery = marks;
        const input = document.querySelector(selector)!;
        input.addEventListener("focus", () => (marks.focus ??= performance.now()), { capture: true });
        input.addEventListener("input", () => (marks.input ??= performance.now()), { capture: true });
        new MutationObserver(() => {
          const status = document.querySelector(".search-popup__status")?.textContent ?? "";
          if (marks.input === undefined || marks.done !== undefined) return;
          if (status === loading) marks.start ??= performance.now();
          if (status === "" || status === loading) return;
          marks.done = performance.now();
          marks.titles = [...document.querySelectorAll(".search-popup [role=option] .search-hit__title")].map(
            (el) => el.textContent ?? "",
          );
        }).observe(document.body, { subtree: true, childList: true, characterData: true });
      },
      { selector: box, loading },
    );

    const from = server.served.length;
    const input = page.locator(box);
    await input.focus();
    await input.fill(query);
    await page.waitForFunction(
      () => (window as unknown as { firstQuery: { done?: number } }).firstQuery.done !== undefined,
      undefined,
      { timeout: READY_MS },
    );
    // Anything the page still fetches for this query (a late fragment, a preload) counts too.
    for (let quiet = 0, waited = 0; quiet < 3; waited += 1) {
      if (waited * 100 > READY_MS)
        throw new Error(`still loading ${READY_MS / 1000} s after the results of ${query}`);
      await page.waitForTimeout(100);
      quiet = server.inFlight === 0 ? quiet + 1 : 0;
    }
    const marks = await page.evaluate(
      () =>
        (
          window as unknown as {
            firstQuery: {
              focus: number;
              input: number;
              start?: number;
              done: number;
              titles: string[];
              origin: number;
            };
          }
        ).firstQuery,
    );
    const focusedAt = marks.origin + marks.focus;
    const files = server.served.slice(from).map((file): FetchedFile => ({
      path: file.path,
      wire: file.sent,
      decoded: file.size,
      start: file.start - focusedAt,
      end: file.end - focusedAt,
    }));
    return {
      query,
      files,
      wire: files.reduce((sum, file) => sum + file.wire, 0),
      decoded: files.reduce((sum, file) => sum + file.decoded, 0),
      focusToResultsMs: marks.done - marks.focus,
      inputToResultsMs: marks.done - marks.input,
      searchToResultsMs: marks.done - (marks.start ?? Number.NaN),
      titles: marks.titles,
    };
  } finally {
    await context.close();
  }
}
