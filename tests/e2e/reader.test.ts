import { describe, expect, it } from "vitest";
import { useSiteInBrowser } from "../support/siteInBrowser.ts";
import type { BrowserContextOptions, Page } from "playwright-core";
import { READY_MS } from "../support/waits.ts";
import { axeViolations } from "../support/axe.ts";

// Reader features of issue 5 that need a browser: the theme (no flash, toggle, memory), the
// 目录 at both widths, phone layout, and axe on one page of each type in both themes.

const desktop = { width: 1280, height: 900 };
const phone = { width: 390, height: 844 };
const LIGHT_BG = "rgb(253, 252, 249)";
const DARK_BG = "rgb(24, 23, 21)";

const site = useSiteInBrowser();

async function open(path: string, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await site.newContext({ viewport: desktop, locale: "zh-CN", ...options });
  const page = await context.newPage();
  await page.goto(site.url + path);
  return page;
}

/**
 * Records the theme at the moment <body> is created, before any of it can be painted, and the
 * page background at the first animation frame. A theme applied by a deferred or end-of-body
 * script would be missing at the first and wrong at the second: the flash.
 */
async function firstPaintTheme(options: BrowserContextOptions, stored?: string) {
  const context = await site.newContext({ viewport: desktop, ...options });
  await context.addInitScript((choice) => {
    if (choice) localStorage.setItem("theme", choice);
    const seen: Record<string, string> = {};
    (window as unknown as { __seen: typeof seen }).__seen = seen;
    new MutationObserver((_, observer) => {
      if (!document.body) return;
      seen["atBody"] = document.documentElement.dataset["theme"] ?? "none";
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
    requestAnimationFrame(() => {
      seen["firstFrameBg"] = getComputedStyle(document.body).backgroundColor;
    });
  }, stored);
  const page = await context.newPage();
  await page.goto(`${site.url}/articles/reader-toc/`);
  await page.waitForFunction(() => "firstFrameBg" in (window as unknown as { __seen: object }).__seen);
  const seen = await page.evaluate(() => (window as unknown as { __seen: Record<string, string> }).__seen);
  await context.close();
  return seen;
}

describe("theme", () => {
  it("follows a dark system setting from the first paint", async () => {
    expect(await firstPaintTheme({ colorScheme: "dark" })).toEqual({ atBody: "dark", firstFrameBg: DARK_BG });
  });

  it("follows a light system setting from the first paint", async () => {
    expect(await firstPaintTheme({ colorScheme: "light" })).toEqual({
      atBody: "light",
      firstFrameBg: LIGHT_BG,
    });
  });

  it("paints a remembered dark choice first, even on a light system", async () => {
    expect(await firstPaintTheme({ colorScheme: "light" }, "dark")).toEqual({
      atBody: "dark",
      firstFrameBg: DARK_BG,
    });
  });

  it("toggles, remembers the choice across pages and reloads, and says its state", async () => {
    const page = await open("/", { colorScheme: "light" });
    const toggle = page.getByRole("button", { name: "深色模式" });
    await expect(toggle.getAttribute("aria-pressed")).resolves.toBe("false");
    await toggle.click();
    await expect(toggle.getAttribute("aria-pressed")).resolves.toBe("true");
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await expect(background()).resolves.toBe(DARK_BG);

    await page.getByRole("link", { name: "归档" }).click();
    await page.waitForURL(`${site.url}/archive/`);
    await expect(background()).resolves.toBe(DARK_BG);
    await page.reload();
    await expect(background()).resolves.toBe(DARK_BG);
    await expect(page.getByRole("button", { name: "深色模式" }).getAttribute("aria-pressed")).resolves.toBe(
      "true",
    );

    await page.getByRole("button", { name: "深色模式" }).click();
    await page.reload();
    await expect(background()).resolves.toBe(LIGHT_BG);
    await page.context().close();
  });

  it("follows the system live while the reader has not chosen", async () => {
    const page = await open("/", { colorScheme: "light" });
    await page.emulateMedia({ colorScheme: "dark" });
    // The media query's change event arrives asynchronously.
    await page.waitForFunction(() => document.documentElement.dataset["theme"] === "dark", null, {
      timeout: READY_MS,
    });
    await page.context().close();
  });
});

describe("table of contents", () => {
  it("sits in the sidebar on a wide screen, stays in view while reading, and jumps to a heading", async () => {
    const page = await open("/articles/reader-toc/", { viewport: { width: 1280, height: 600 } });
    const toc = page.getByRole("navigation", { name: "目录" });
    await expect(toc.count()).resolves.toBe(1); // the folded copy is hidden at this width
    const sidebar = await page.locator("aside.sidebar").boundingBox();
    const box = await toc.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(sidebar!.x);

    await toc.getByRole("link", { name: "车厢里的声音" }).click();
    await expect(page.evaluate(() => decodeURIComponent(location.hash))).resolves.toBe("#车厢里的声音");
    const heading = await page.getByRole("heading", { name: "车厢里的声音" }).boundingBox();
    expect(heading!.y).toBeGreaterThanOrEqual(0);
    expect(heading!.y).toBeLessThan(100);

    // Sticky: still on screen with the page scrolled to its end.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const stuck = await toc.boundingBox();
    expect(stuck!.y).toBeGreaterThanOrEqual(0);
    expect(stuck!.y + stuck!.height).toBeLessThanOrEqual(600);
    await page.context().close();
  });

  it("folds above the body on a phone and opens to jump to the second 司机与乘客", async () => {
    const page = await open("/articles/reader-toc/", { viewport: phone });
    const summary = page.locator("details.toc summary");
    await expect(summary.isVisible()).resolves.toBe(true);
    const prose = await page.locator(".prose").boundingBox();
    expect((await summary.boundingBox())!.y).toBeLessThan(prose!.y);
    const toc = page.getByRole("navigation", { name: "目录" });
    await expect(toc.count()).resolves.toBe(0); // closed, and the sidebar copy is hidden

    await summary.click();
    await toc.getByRole("link", { name: "司机与乘客" }).last().click();
    const second = await page.locator(".prose h2").nth(2).boundingBox();
    expect(second!.y).toBeGreaterThanOrEqual(0);
    expect(second!.y).toBeLessThan(100);
    await page.context().close();
  });
});

const pagesByType = {
  home: "/",
  article: "/articles/reader-toc/",
  "article (MDX)": "/articles/echo-mdx/",
  "tag page": "/tags/分页/",
  "tags overview": "/tags/",
  archive: "/archive/",
  author: "/authors/林间/",
  "paged listing": "/page/1/",
  "article in a series": "/articles/series-walk-lanes/",
  series: "/series/老城步行笔记/",
  "series overview": "/series/",
  search: "/search/",
  "not found": "/no-such-page/",
};

describe.each(["light", "dark"] as const)("in the %s theme", (colorScheme) => {
  it.each(Object.entries(pagesByType))("the %s page passes axe (WCAG 2.1 AA)", async (_type, path) => {
    // bypassCSP: the site's Content-Security-Policy rightly refuses the injected axe script.
    const page = await open(encodeURI(path), { colorScheme, bypassCSP: true });
    await expect(page.evaluate(() => document.documentElement.dataset["theme"])).resolves.toBe(colorScheme);
    await expect(axeViolations(page)).resolves.toEqual([]);
    await page.context().close();
  });

  it.each(Object.entries(pagesByType))("the %s page fits a phone screen", async (_type, path) => {
    const page = await open(encodeURI(path), { colorScheme, viewport: phone });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.context().close();
  });
});

describe("print", () => {
  it("prints an article alone, black on white, even in the dark theme", async () => {
    const page = await open("/articles/reader-toc/", { colorScheme: "dark" });
    await page.emulateMedia({ media: "print" });
    const look = await page.evaluate(() => ({
      background: getComputedStyle(document.body).backgroundColor,
      text: getComputedStyle(document.querySelector("h1")!).color,
    }));
    expect(look).toEqual({ background: "rgb(255, 255, 255)", text: "rgb(0, 0, 0)" });
    for (const hidden of [
      "aside.sidebar",
      "nav[aria-label='上一篇与下一篇']",
      "details.toc",
      ".theme-toggle",
    ]) {
      await expect(page.locator(hidden).isVisible(), hidden).resolves.toBe(false);
    }
    await expect(page.locator(".prose").isVisible()).resolves.toBe(true);
    await page.context().close();
  });
});

describe("keyboard", () => {
  it("reaches the skip link first and lands in the main content", async () => {
    const page = await open("/articles/reader-toc/");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "跳到正文" });
    await expect(skip.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await expect(skip.boundingBox().then((b) => b!.y >= 0)).resolves.toBe(true);
    await page.keyboard.press("Enter");
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("main");
    await page.context().close();
  });
});
