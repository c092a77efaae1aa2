import { describe, expect, it } from "vitest";
import type { BrowserContextOptions, Page } from "playwright-core";
import { useSiteInBrowser } from "../support/siteInBrowser.ts";
import { axeViolations } from "../support/axe.ts";

// Issue 16 in Chromium: copying the link, the 分享 block without JavaScript, the list sidebar
// beside the list on a desktop and below it on a phone, which photo a phone downloads, and axe
// on the new blocks in both themes.

const desktop = { width: 1280, height: 900 };
const phone = { width: 390, height: 844 };
const WAIT = { timeout: 15_000 };

const site = useSiteInBrowser();

async function open(path: string, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await site.browser.newContext({ viewport: desktop, locale: "zh-CN", ...options });
  const page = await context.newPage();
  await page.goto(site.url + encodeURI(path));
  return page;
}

describe("sharing", () => {
  it("copies the canonical URL on click and says so, talking to no other origin", async () => {
    const page = await open("/articles/reader-photo/");
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: site.url });
    const requests: string[] = [];
    page.on("request", (request) => requests.push(request.url()));
    const button = page.getByRole("button", { name: "复制链接" });
    await button.waitFor({ state: "visible", ...WAIT });
    await button.click();
    await expect
      .poll(() => page.locator(".share [role=status]").textContent(), WAIT)
      .toBe("链接已复制，可以粘贴给朋友了。");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      "https://example.com/articles/reader-photo/",
    );
    expect(requests.filter((url) => !url.startsWith(site.url) && !url.startsWith("data:"))).toEqual([]);
    await page.context().close();
  });

  it("says where to copy by hand when the clipboard refuses", async () => {
    const page = await open("/articles/reader-photo/");
    await page.evaluate(() => {
      Object.defineProperty(navigator, "clipboard", {
        value: { writeText: () => Promise.reject(new Error("denied")) },
      });
    });
    await page.getByRole("button", { name: "复制链接" }).click();
    await expect
      .poll(() => page.locator(".share [role=status]").textContent(), WAIT)
      .toBe("无法自动复制，请手动复制：https://example.com/articles/reader-photo/");
    await page.context().close();
  });

  it("shows the QR code and the Weibo link without JavaScript, and no dead copy button", async () => {
    const page = await open("/articles/reader-photo/", { javaScriptEnabled: false });
    const qr = page.getByRole("img", { name: /二维码/ });
    expect(await qr.isVisible()).toBe(true);
    const box = await qr.boundingBox();
    expect(box!.width).toBeGreaterThanOrEqual(120);
    expect(await page.getByRole("link", { name: /分享到微博/ }).isVisible()).toBe(true);
    expect(await page.locator("button[data-copy-link]").isVisible()).toBe(false);
    await page.context().close();
  });
});

describe("list sidebar", () => {
  for (const path of ["/", "/tags/分页/", "/archive/"]) {
    it(`on ${path} sits beside the list on a desktop and below it on a phone`, async () => {
      const wide = await open(path);
      const [main, aside] = await Promise.all([
        wide.locator("main").boundingBox(),
        wide.locator("aside.listing-sidebar").boundingBox(),
      ]);
      expect(aside!.x).toBeGreaterThanOrEqual(main!.x + main!.width);
      expect(Math.abs(aside!.y - main!.y)).toBeLessThan(40);
      // The right part of the screen is used: the sidebar ends near the content's right edge.
      expect(aside!.x + aside!.width).toBeGreaterThan(desktop.width * 0.8);
      await wide.context().close();

      const narrow = await open(path, { viewport: phone });
      const [mainP, asideP] = await Promise.all([
        narrow.locator("main").boundingBox(),
        narrow.locator("aside.listing-sidebar").boundingBox(),
      ]);
      expect(asideP!.y).toBeGreaterThanOrEqual(mainP!.y + mainP!.height);
      expect(asideP!.width).toBeGreaterThan(phone.width * 0.8);
      await narrow.context().close();
    });
  }
});

describe("photos", () => {
  it("a phone downloads a phone-sized candidate, and the first photo's box is sized before it loads", async () => {
    const page = await open("/articles/reader-photo/", { viewport: phone, deviceScaleFactor: 2 });
    const first = page.locator(".prose img").first();
    await expect.poll(() => first.evaluate((img: HTMLImageElement) => img.complete), WAIT).toBe(true);
    const { currentSrc, srcset, box } = await first.evaluate((img: HTMLImageElement) => ({
      currentSrc: new URL(img.currentSrc).pathname,
      srcset: img.srcset,
      box: img.getBoundingClientRect().width,
    }));
    // The chosen file's width, from its srcset descriptor (naturalWidth is density-corrected).
    const chosen = srcset
      .split(",")
      .map((candidate) => candidate.trim().split(/\s+/))
      .find(([src]) => src === currentSrc);
    const chosenWidth = Number(chosen?.[1]?.replace("w", ""));
    expect(currentSrc).toMatch(/\.webp$/);
    // 390 CSS px at 2× wants ~780 px: the 960w candidate, never the 1600 px one.
    expect(chosenWidth).toBeLessThanOrEqual(960);
    expect(chosenWidth).toBeGreaterThanOrEqual(box * 2);
    await page.context().close();

    // While the photo is still on its way (its response held back), its box already has the
    // photo's aspect ratio: the text below does not move when it arrives.
    const context = await site.browser.newContext({ viewport: phone });
    await context.route(/\.webp$/, () => undefined);
    const blocked = await context.newPage();
    await blocked.goto(`${site.url}/articles/reader-photo/`, { waitUntil: "domcontentloaded" });
    const size = await blocked.locator(".prose img").first().boundingBox();
    expect(size!.height / size!.width).toBeCloseTo(1000 / 1600, 2);
    await context.close();
  });
});

describe.each(["light", "dark"] as const)("axe in the %s theme", (colorScheme) => {
  it.each(["/articles/reader-photo/", "/articles/reader-footnotes/", "/articles/reader-mdx-components/"])(
    "%s passes (WCAG 2.1 AA)",
    async (path) => {
      // bypassCSP: the site's Content-Security-Policy rightly refuses the injected axe script.
      const page = await open(path, { colorScheme, bypassCSP: true });
      await expect(axeViolations(page)).resolves.toEqual([]);
      await page.context().close();
    },
  );
});
