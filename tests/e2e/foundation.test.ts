import { describe, expect, it } from "vitest";
import { useSiteInBrowser } from "../support/siteInBrowser.ts";
import { repoRoot } from "../support/paths.ts";

const site = useSiteInBrowser();

const viewports = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 390, height: 844 },
} as const;

describe.each(Object.entries(viewports))("a reader on %s", (name, viewport) => {
  it("goes from the index to an article and back", async () => {
    // A reader in Los Angeles still sees the Shanghai dates.
    const context = await site.newContext({
      viewport,
      timezoneId: "America/Los_Angeles",
      locale: "zh-CN",
    });
    const page = await context.newPage();
    const otherOrigins: string[] = [];
    page.on("request", (request) => {
      if (!request.url().startsWith(site.url)) otherOrigins.push(request.url());
    });

    await page.goto(`${site.url}/`);
    await expect(page.locator("h1").textContent()).resolves.toBe("最新文章");
    // The newest article: the first card after the pinned one (tests/build/series.test.ts).
    const firstCard = page.locator(".article-card:not(.article-card--pinned)").first();
    await expect(firstCard.locator("time").textContent()).resolves.toBe("2025-03-01");

    await firstCard.locator("h2 a").click();
    await page.waitForURL(`${site.url}/articles/alpha-emphasis/`);
    await expect(page.locator("h1").textContent()).resolves.toBe("强调与删除线的测试文章");
    await expect(page.locator(".article-meta time").first().textContent()).resolves.toBe("2025年3月1日");

    const related = page.getByRole("region", { name: "相关文章" });
    await expect(related.getByRole("heading", { name: "相关文章" }).isVisible()).resolves.toBe(true);
    const search = page.getByRole("searchbox", { name: "搜索文章" });
    await expect(search.isVisible()).resolves.toBe(true);

    // Desktop: sidebar beside the article. Phone: below it, and nothing scrolls sideways.
    const article = await page.locator("article").boundingBox();
    const sidebar = await page.locator("aside.sidebar").boundingBox();
    if (name === "desktop") {
      expect(sidebar!.x).toBeGreaterThan(article!.x + article!.width - 1);
    } else {
      expect(sidebar!.y).toBeGreaterThan(article!.y + article!.height - 1);
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${repoRoot}/tests/.output/screens/article-${name}.png`, fullPage: true });

    await page.goBack();
    await page.waitForURL(`${site.url}/`);
    // The home page holds ten to nineteen articles (pages are numbered from the oldest, see paginate).
    const cards = await page.locator(".article-card").count();
    expect(cards).toBeGreaterThanOrEqual(10);
    expect(cards).toBeLessThan(20);
    await expect(page.locator('.pagination a[rel="next"]').getAttribute("href")).resolves.toMatch(
      /^\/page\/\d+\/$/,
    );
    await page.screenshot({ path: `${repoRoot}/tests/.output/screens/index-${name}.png`, fullPage: true });

    expect(otherOrigins).toEqual([]);
    await context.close();
  });
});

describe("not found", () => {
  it("answers an unknown path with the 404 page in Chinese", async () => {
    const context = await site.newContext();
    const page = await context.newPage();
    const response = await page.goto(`${site.url}/articles/no-such-article/`);
    expect(response?.status()).toBe(404);
    await expect(page.locator("h1").textContent()).resolves.toBe("找不到这个页面");
    await context.close();
  });
});
