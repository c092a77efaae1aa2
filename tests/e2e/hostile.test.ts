import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useSiteInBrowser } from "../support/siteInBrowser.ts";
import type { BrowserContext, Page } from "playwright-core";
import { POLL } from "../support/waits.ts";

// The built pages under their Content-Security-Policy (src/lib/csp/withContentSecurityPolicy.ts),
// and the hostile fixture article (tests/fixtures/articles/hostile-markup.md) in a real browser.

const site = useSiteInBrowser();
let context: BrowserContext;

beforeAll(async () => {
  context = await site.newContext({ locale: "zh-CN" });
});
afterAll(async () => {
  await context?.close();
});

interface Watched {
  page: Page;
  /** CSP violations, JavaScript errors and dialogs (an alert() that ran) seen so far. */
  problems: string[];
}

async function open(path: string): Promise<Watched> {
  const page = await context.newPage();
  const problems: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
    });
  });
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("dialog", (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.goto(`${site.url}${path}`);
  await page.waitForLoadState("networkidle");
  return { page, problems };
}

const PAGES = [
  "/",
  "/articles/hostile-markup/",
  "/articles/reader-toc/",
  "/articles/echo-mdx/",
  "/tags/",
  "/archive/",
  "/search/",
  "/search/?q=城市",
  "/no-such-page/",
];

describe("under the Content-Security-Policy", () => {
  it.each(PAGES)("%s loads with no violation, error or alert", async (path) => {
    const { page, problems } = await open(path);
    expect(await page.locator('meta[http-equiv="content-security-policy"]').count()).toBe(1);
    // The 404 page is served with status 404, which Chromium logs; that is no CSP problem.
    expect(problems.filter((p) => !(path === "/no-such-page/" && p.includes("status of 404")))).toEqual([]);
    await page.close();
  });

  it("is enforced: a script injected into the page does not run", async () => {
    const { page, problems } = await open("/articles/hostile-markup/");
    await page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "window.injected = true";
      document.body.append(script);
    });
    expect(await page.evaluate(() => (window as { injected?: boolean }).injected)).toBeUndefined();
    expect(problems.join("\n")).toContain("CSP violation: script-src");
    await page.close();
  });

  it("still lets the theme toggle switch and the search box search", async () => {
    const { page, problems } = await open("/articles/alpha-emphasis/");
    const theme = () => page.evaluate(() => document.documentElement.dataset["theme"]);
    const before = await theme();
    await page.locator("[data-theme-toggle]").first().click();
    await expect.poll(theme, POLL).not.toBe(before);

    const box = page.locator("#sidebar-search");
    await box.click();
    await box.fill("夜班公交");
    const first = page.locator(".search-popup [role=option] .search-hit__title").first();
    await expect.poll(() => first.textContent(), POLL).toBe("夜班公交里的城市");
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe("the hostile article in search results", () => {
  it("is shown as text in the dropdown and on the search page, running nothing", async () => {
    const { page, problems } = await open("/articles/alpha-emphasis/");
    const box = page.locator("#sidebar-search");
    await box.click();
    await box.fill("恶意标记");
    const titles = page.locator(".search-popup [role=option] .search-hit__title");
    await expect
      .poll(() => titles.allTextContents(), POLL)
      .toContainEqual(expect.stringContaining("<img src=x onerror=alert(1)>"));
    expect(await page.locator('.search-popup img[src="x"], .search-popup script').count()).toBe(0);

    const results = await open(`/search/?q=${encodeURIComponent("恶意标记")}`);
    const hits = results.page.locator("[data-search-results] .search-hit__title");
    await expect
      .poll(() => hits.allTextContents(), POLL)
      .toContainEqual(expect.stringContaining("</script><script>alert(1)</script>"));
    expect(await results.page.locator('[data-search-results] img[src="x"]').count()).toBe(0);
    expect([...problems, ...results.problems]).toEqual([]);
  });
});
