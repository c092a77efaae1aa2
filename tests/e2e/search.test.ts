import { afterAll, describe, expect, it } from "vitest";
import { useSiteInBrowser } from "../support/siteInBrowser.ts";
import type { BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { SEARCH } from "../../src/features/search/query/settings.ts";
import { POLL } from "../support/waits.ts";

const site = useSiteInBrowser();
const contexts: BrowserContext[] = [];

afterAll(async () => {
  for (const context of contexts) await context.close();
});

/**
 * A page in a fresh context. `before` runs on the page before it loads: routes to block, scripts
 * to add.
 */
async function open(
  path: string,
  options: BrowserContextOptions = {},
  before: (page: Page) => Promise<unknown> = async () => {},
): Promise<Page> {
  const context = await site.newContext({ locale: "zh-CN", ...options });
  contexts.push(context);
  const page = await context.newPage();
  await before(page);
  await page.goto(`${site.url}${path}`);
  return page;
}

/** Titles of the dropdown's options, in order, once the search has answered. */
async function dropdownTitles(page: Page): Promise<string[]> {
  const status = page.locator(".search-popup__status");
  await expect.poll(() => status.textContent(), POLL).not.toMatch(/^(正在搜索…)?$/);
  return page.locator(".search-popup [role=option] .search-hit__title").allTextContents();
}

async function pageResults(page: Page): Promise<string[]> {
  const status = page.locator("[data-search-status]");
  await expect.poll(() => status.textContent(), POLL).not.toMatch(/^(正在搜索…)?$/);
  return page.locator("[data-search-results] .search-hit__title").allTextContents();
}

/** The dates of every result, page after page, from the current page of /search/ on. */
async function allResultDates(page: Page): Promise<string[]> {
  const dates: string[] = [];
  for (;;) {
    await pageResults(page);
    dates.push(
      ...(await page
        .locator("[data-search-results] time")
        .evaluateAll((els) => els.map((el) => el.getAttribute("datetime") ?? ""))),
    );
    const next = page.locator("[data-search-next]");
    if (!(await next.isVisible()) || (await next.isDisabled())) return dates;
    const current = new URL(page.url()).searchParams.get("page") ?? "1";
    await next.click();
    await expect
      .poll(() => new URL(page.url()).searchParams.get("page"), POLL)
      .toBe(String(Number(current) + 1));
  }
}

describe("search from an article's sidebar", () => {
  it("loads no script until the reader focuses the box", async () => {
    const context = await site.newContext();
    contexts.push(context);
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on("request", (request) => {
      if (/\.(js|wasm)$|pagefind/.test(new URL(request.url()).pathname)) scripts.push(request.url());
    });
    await page.goto(`${site.url}/articles/reader-toc/`);
    await page.waitForLoadState("networkidle");
    expect(scripts).toEqual([]);

    await page.locator("#sidebar-search").focus();
    await expect.poll(() => scripts.some((url) => url.includes("/pagefind/pagefind.js")), POLL).toBe(true);
  });

  it("shows the right article first for a Chinese query, and opens it with the words marked", async () => {
    const page = await open("/articles/alpha-emphasis/");
    // Reachable and labelled for screen readers: a search box, then a combobox once enhanced.
    expect(await page.getByRole("search").getByRole("searchbox", { name: "搜索文章" }).count()).toBe(1);
    const box = page.locator("#sidebar-search");
    await box.click();
    await box.fill("夜班公交");
    await expect.poll(() => page.getByRole("combobox", { name: "搜索文章" }).count(), POLL).toBe(1);
    expect((await dropdownTitles(page))[0]).toBe("夜班公交里的城市");

    await box.press("ArrowDown");
    const first = page.locator(".search-popup [role=option]").first();
    await expect.poll(() => first.getAttribute("aria-selected"), POLL).toBe("true");
    await expect
      .poll(() => page.getByRole("combobox").getAttribute("aria-activedescendant"), POLL)
      .toBe(await first.getAttribute("id"));
    await box.press("Enter");
    await page.waitForURL(/\/articles\/reader-toc\/\?highlight=/);
    expect(await page.locator("h1").textContent()).toBe("夜班公交里的城市");
    await expect.poll(() => page.locator("article mark.pagefind-highlight").count(), POLL).toBeGreaterThan(0);
  });

  it("finds an article by traditional characters and by a question", async () => {
    const page = await open("/articles/alpha-emphasis/");
    const box = page.locator("#sidebar-search");
    await box.fill("司機與乘客");
    expect((await dropdownTitles(page))[0]).toBe("夜班公交里的城市");
    await box.fill("为什么要谈夜班公交？");
    expect((await dropdownTitles(page))[0]).toBe("夜班公交里的城市");
  });

  it("still searches, unfolded, when the traditional→simplified converter cannot load", async () => {
    const blocked: string[] = [];
    const page = await open("/articles/alpha-emphasis/", {}, (page) =>
      page.route(/foldingWorker/, (route) => {
        blocked.push(route.request().url());
        return route.abort();
      }),
    );
    const box = page.locator("#sidebar-search");
    // 與 is traditional, so the converter is asked for; the any-word fallback still finds 夜班公交.
    await box.fill("夜班公交 與");
    expect((await dropdownTitles(page))[0]).toBe("夜班公交里的城市");
    expect(blocked.length).toBeGreaterThan(0);
  });

  it("says so when nothing matches, and never finds a draft", async () => {
    const page = await open("/articles/alpha-emphasis/");
    const box = page.locator("#sidebar-search");
    await box.fill("量子计算机");
    await dropdownTitles(page);
    expect(await page.locator(".search-popup__status").textContent()).toBe(
      "没有找到与“量子计算机”相关的文章。",
    );
    expect(await page.locator(".search-popup__more").isVisible()).toBe(false);
    await box.fill("草稿不应出现");
    expect(await dropdownTitles(page)).toEqual([]);
  });

  it("on a large archive searches the newest years only, says so, and links to every year", async () => {
    // parts.json as a 100,000-article site writes it: each part as large as the dropdown's limit,
    // so the dropdown opens only the newest part (2025-2027); the /search/ page opens them all.
    const fetched: string[] = [];
    const page = await open("/articles/alpha-emphasis/", {}, async (page) => {
      page.on("request", (request) => fetched.push(new URL(request.url()).pathname));
      await page.route("**/pagefind/parts.json", async (route) => {
        const response = await route.fetch();
        const listed = (await response.json()) as { pages: number[] };
        await route.fulfill({
          response,
          json: { ...listed, pages: listed.pages.map(() => SEARCH.index.dropdownPages) },
        });
      });
    });
    const box = page.locator("#sidebar-search");
    // The MDX example is dated 2024-12-31: in the older part.
    await box.fill("MDX 组件示例");
    expect(await dropdownTitles(page)).not.toContain("MDX 组件示例");
    expect(await page.locator(".search-popup__status").textContent()).toMatch(/^在 2025 年以来的文章中/);
    expect(fetched.filter((path) => path.startsWith("/pagefind/2022-2024/"))).toEqual([]);
    const more = page.locator(".search-popup__more");
    expect(await more.textContent()).toBe("搜索全部年份的文章");
    await more.click();
    await page.waitForURL(/\/search\/\?q=/);
    expect(await pageResults(page)).toContain("MDX 组件示例");
    expect(fetched.some((path) => path.startsWith("/pagefind/2022-2024/"))).toBe(true);
  });

  it("is driven by the keyboard: / focuses, arrows move, Esc closes then clears", async () => {
    const page = await open("/articles/alpha-emphasis/");
    await page.locator("h1").click();
    await page.keyboard.press("/");
    const box = page.locator("#sidebar-search");
    await expect.poll(() => box.evaluate((el) => el === document.activeElement), POLL).toBe(true);
    await page.keyboard.type("城市");
    const titles = await dropdownTitles(page);
    expect(titles.length).toBeGreaterThan(2);
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    const options = page.locator(".search-popup [role=option]");
    await expect.poll(() => options.nth(1).getAttribute("aria-selected"), POLL).toBe("true");
    await page.keyboard.press("ArrowUp");
    await expect.poll(() => options.nth(0).getAttribute("aria-selected"), POLL).toBe("true");
    await page.keyboard.press("Escape");
    expect(await page.locator(".search-popup").isHidden()).toBe(true);
    expect(await box.getAttribute("aria-expanded")).toBe("false");
    await page.keyboard.press("Escape");
    expect(await box.inputValue()).toBe("");
  });
});

describe("the /search/ page", () => {
  it("receives the form without JavaScript and shows the results once loaded", async () => {
    const noJs = await open("/articles/alpha-emphasis/", { javaScriptEnabled: false });
    await noJs.locator("#sidebar-search").fill("夜班公交");
    await noJs.locator("#sidebar-search").press("Enter");
    await noJs.waitForURL(/\/search\/\?q=/);
    expect(new URL(noJs.url()).searchParams.get("q")).toBe("夜班公交");
    expect(await noJs.locator("noscript").count()).toBe(1);

    const page = await open(new URL(noJs.url()).pathname + new URL(noJs.url()).search);
    expect((await pageResults(page))[0]).toBe("夜班公交里的城市");
    expect(await page.locator("#page-search").inputValue()).toBe("夜班公交");
  });

  it("finds an article by traditional characters (converter URL from the search box's loader)", async () => {
    const page = await open(`/search/?q=${encodeURIComponent("司機與乘客")}`);
    expect((await pageResults(page))[0]).toBe("夜班公交里的城市");
  });

  it("submitting the header box with Enter lands on /search/ with results", async () => {
    // List pages carry the box in their sidebar; /tags/ keeps it in the header.
    const page = await open("/tags/");
    const box = page.locator("#header-search");
    await box.click();
    await box.fill("删除线");
    expect((await dropdownTitles(page))[0]).toBe("强调与删除线的测试文章");
    await box.press("Enter");
    await page.waitForURL(/\/search\/\?q=/);
    expect((await pageResults(page))[0]).toBe("强调与删除线的测试文章");
  });

  it("narrows results with filters, keeps them in the address, and the back button undoes them", async () => {
    const page = await open("/search/?q=城市");
    const all = await pageResults(page);
    const total = Number(
      /找到 (\d+) 篇/.exec((await page.locator("[data-search-status]").textContent()) ?? "")?.[1],
    );
    expect(total).toBeGreaterThan(10);

    await page.locator("select[name=author] option[value='林间']").waitFor({ state: "attached" });
    await page.locator("select[name=author]").selectOption("林间");
    await expect.poll(() => new URL(page.url()).searchParams.get("author"), POLL).toBe("林间");
    const byAuthor = await pageResults(page);
    expect(byAuthor).toContain("夜班公交里的城市");
    expect(byAuthor.length).toBeLessThan(all.length);

    await page.locator("select[name=tag]").selectOption("城市");
    await expect.poll(() => pageResults(page), POLL).toEqual(["夜班公交里的城市"]);

    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get("tag"), POLL).toBe(null);
    expect(await page.locator("select[name=tag]").inputValue()).toBe("");
  });

  it("shows no pager before a search, and stays put while the filter menus fill", async () => {
    const page = await open("/search/", { viewport: { width: 390, height: 844 } }, (page) =>
      page.addInitScript(() => {
        const shifts: number[] = [];
        Object.assign(window, { shifts });
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries())
            shifts.push((entry as PerformanceEntry & { value: number }).value);
        }).observe({ type: "layout-shift", buffered: true });
      }),
    );
    // The menus fill from the index after the page is shown; then let two frames be painted.
    await page.locator("select[name=tag] option:not([value=''])").first().waitFor({ state: "attached" });
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    expect(await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts)).toEqual([]);
    expect(await page.locator("[data-search-pager]").isVisible()).toBe(false);
  });

  it("pages through many results and sorts by date", async () => {
    const page = await open("/search/?q=城市");
    await pageResults(page);
    const pager = page.locator("[data-search-pager]");
    expect(await pager.isVisible()).toBe(true);
    await page.locator("[data-search-next]").click();
    await expect.poll(() => new URL(page.url()).searchParams.get("page"), POLL).toBe("2");
    expect((await pageResults(page)).length).toBeGreaterThan(0);

    // The index is written in parts by span of years (docs/search.md); a date order must hold
    // across the parts, on every page of results, both ways. 文章 is in articles of all three
    // fixture years (two parts), and Pagefind's own merge of the parts would interleave them.
    await page.goto(`${site.url}/search/?q=${encodeURIComponent("文章")}`);
    for (const [sort, inOrder] of [
      ["newest", (dates: string[]) => [...dates].sort().reverse()],
      ["oldest", (dates: string[]) => [...dates].sort()],
    ] as const) {
      await page.locator("select[name=sort]").selectOption(sort);
      // The address changes with the sort; the results below are read once the new search answered.
      await expect.poll(() => new URL(page.url()).searchParams.get("sort"), POLL).toBe(sort);
      expect(new URL(page.url()).searchParams.get("page")).toBe(null);
      const dates = await allResultDates(page);
      expect(dates.length).toBeGreaterThan(10);
      expect(new Set(dates.map((date) => date.slice(0, 4))).size).toBe(3);
      expect(dates).toEqual(inOrder(dates));
    }
  });
});
