import { readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { load } from "cheerio";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page, Request } from "playwright-core";
import { launchChromium } from "../support/browser.ts";
import { serveStatic, type StaticServer } from "../support/serveStatic.ts";
import { fixtureArticles, repoRoot } from "../support/paths.ts";
import { runBuild } from "../support/runBuild.ts";
import { startCommentsServer, type CommentsServer } from "../support/commentsServer.ts";
import { WCAG_AA, axeViolations } from "../support/axe.ts";

// Comments end to end: a real Waline server (comments-server/) on 127.0.0.1 with a fresh SQLite
// file, the fixture site built pointed at it, and Chromium posting through the widget.

const output = path.join(repoRoot, "tests/.output/comments");
const site = path.join(output, "site");

let comments: CommentsServer;
let server: StaticServer;
let browser: Browser;
/** The article the test comments on, and one whose 相关文章 list links to it. */
let commented: string;
let referrer: string;

function builtPage(urlPath: string) {
  return load(readFileSync(path.join(site, decodeURI(urlPath), "index.html"), "utf8"));
}

beforeAll(async () => {
  rmSync(output, { recursive: true, force: true });
  comments = await startCommentsServer(path.join(output, "db"));
  const build = await runBuild(fixtureArticles, site, {
    COMMENTS_PROVIDER: "waline",
    COMMENTS_SERVER_URL: comments.url,
    TZ: "America/Los_Angeles",
  });
  if (!build.ok) throw new Error(`Building the fixture site with comments failed:\n${build.output}`);

  // The first article on the index that some other article lists as related.
  const hrefs = builtPage("/")(".article-card h2 a")
    .map((_i, a) => a.attribs["href"])
    .get();
  const articles = readdirSync(path.join(site, "articles"));
  for (const href of hrefs) {
    const other = articles.find(
      (id) =>
        `/articles/${id}/` !== href && builtPage(`/articles/${id}/`)(`.related a[href="${href}"]`).length > 0,
    );
    if (other) {
      commented = href;
      referrer = `/articles/${other}/`;
      break;
    }
  }
  if (!commented) throw new Error("no index article is listed as related by another article");

  server = await serveStatic(site);
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await comments?.close();
});

interface Watched {
  page: Page;
  requests: Request[];
  cspViolations: string[];
}

async function open(urlPath: string, colorScheme: "light" | "dark" = "light"): Promise<Watched> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 700 },
    colorScheme,
    locale: "zh-CN",
  });
  const page = await context.newPage();
  const requests: Request[] = [];
  const cspViolations: string[] = [];
  page.on("request", (request) => requests.push(request));
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  await page.goto(`${server.url}${urlPath}`);
  return { page, requests, cspViolations };
}

const countRequests = (requests: Request[]) =>
  requests.filter((r) => r.url().startsWith(`${comments.url}/api/comment?type=count`));
/** Page-view requests: POST counts this visit, GET reads counts (lists, 热门文章). */
const viewRequests = (requests: Request[], method: "GET" | "POST") =>
  requests.filter((r) => r.url().startsWith(`${comments.url}/api/article`) && r.method() === method);

/** The article's own 阅读 N, once this visit has been counted. */
async function ownViews(page: Page): Promise<number> {
  const slot = page.locator(".article-meta .page-views");
  await slot.waitFor({ state: "visible", timeout: 15_000 });
  const text = (await slot.textContent())?.replace(/\s+/g, " ").trim() ?? "";
  const match = /^· 阅读 (\d+)$/.exec(text);
  if (!match) throw new Error(`unexpected view count text “${text}”`);
  return Number(match[1]);
}

/** Every request went to 127.0.0.1: the site or the comment server, nothing else. */
function expectOnlyLoopback(requests: Request[]) {
  const elsewhere = requests
    .map((r) => r.url())
    .filter((url) => !url.startsWith("data:") && new URL(url).hostname !== "127.0.0.1");
  expect(elsewhere).toEqual([]);
}

async function countText(page: Page, href: string, scope: string): Promise<string> {
  const slot = page.locator(`${scope} [data-comment-count="${decodeURI(href)}"]`);
  await slot.waitFor({ state: "visible", timeout: 15_000 });
  return (await slot.textContent())?.replace(/\s+/g, " ").trim() ?? "";
}

async function post(page: Page, nick: string, text: string) {
  const section = page.getByRole("region", { name: "发表评论" });
  await section.getByLabel("昵称").fill(nick);
  await section.getByRole("textbox", { name: "评论内容" }).fill(text);
  const saved = page.waitForResponse(
    (response) =>
      response.url().startsWith(`${comments.url}/api/comment`) && response.request().method() === "POST",
    { timeout: 30_000 },
  );
  await section.getByRole("button", { name: "提交" }).click();
  const response = await saved;
  const body = (await response.json()) as { errno?: number; errmsg?: string };
  // A refused post says why here, rather than as a comment that never appears.
  expect(
    body.errno,
    `the server refused the comment: ${JSON.stringify(body)}\n${comments.output().slice(-2000)}`,
  ).toBe(0);
}

describe("comments with a Waline server", () => {
  it("loads the widget only when the 发表评论 section scrolls into view", async () => {
    // The fixture article with a 目录: long enough that its comments start below the fold.
    const { page, requests, cspViolations } = await open("/articles/reader-toc/");
    const section = page.getByRole("region", { name: "发表评论" });
    await expect(section.getByRole("heading", { name: "发表评论" }).isVisible()).resolves.toBe(true);
    // The 相关文章 counts: one batched request for the whole list; this visit: one view counted.
    await page.locator(".related .comment-count").first().waitFor({ state: "visible", timeout: 15_000 });
    await ownViews(page);
    await page.waitForLoadState("networkidle");
    const top = await section.evaluate((el) => el.getBoundingClientRect().top - window.innerHeight);
    expect(top, "the section must start below the fold for this test to mean anything").toBeGreaterThan(200);
    expect(requests.filter((r) => /commentsWidget|waline/i.test(r.url()))).toEqual([]);
    expect(countRequests(requests)).toHaveLength(1);
    expect(viewRequests(requests, "POST")).toHaveLength(1);
    expect(requests.filter((r) => r.url().startsWith(comments.url))).toHaveLength(2);

    await section.scrollIntoViewIfNeeded();
    await section.getByRole("textbox", { name: "评论内容" }).waitFor({ timeout: 15_000 });
    expect(requests.some((r) => /commentsWidget/.test(r.url()))).toBe(true);
    await expect(section.getByLabel("昵称").isVisible()).resolves.toBe(true);
    expectOnlyLoopback(requests);
    expect(cspViolations).toEqual([]);
    await page.context().close();
  });

  it("posts a comment through the form, shows it, and counts it on the index and in 相关文章", async () => {
    const { page, requests, cspViolations } = await open(commented);
    await page.getByRole("region", { name: "发表评论" }).scrollIntoViewIfNeeded();
    await post(page, "读者甲", "第一条评论：夜班公交写得真好。");
    const card = page.locator(".comments .wl-card", { hasText: "第一条评论：夜班公交写得真好。" });
    await card.waitFor({ timeout: 30_000 });
    await expect(card.locator(".wl-nick").textContent()).resolves.toContain("读者甲");
    expectOnlyLoopback(requests);
    expect(cspViolations).toEqual([]);
    await page.context().close();

    const index = await open("/");
    await expect(countText(index.page, commented, ".article-card")).resolves.toBe("· 1 条评论");
    expect(countRequests(index.requests)).toHaveLength(1);
    expectOnlyLoopback(index.requests);
    await index.page.context().close();

    const other = await open(referrer);
    await expect(countText(other.page, commented, ".related")).resolves.toBe("· 1 条评论");
    expect(countRequests(other.requests)).toHaveLength(1);
    expectOnlyLoopback(other.requests);
    await other.page.context().close();
  });

  it("shows a hostile comment as inert text", async () => {
    const { page, requests, cspViolations } = await open(referrer);
    await page.getByRole("region", { name: "发表评论" }).scrollIntoViewIfNeeded();
    await post(
      page,
      "<b onmouseover=alert(1)>坏人</b>",
      '<script>window.__pwned = "script"</script><img src="/nope.png" onerror="window.__pwned = \'onerror\'">恶意评论',
    );
    const card = page.locator(".comments .wl-card", { hasText: "恶意评论" });
    await card.waitFor({ timeout: 30_000 });
    await page.waitForTimeout(500);
    await expect(page.evaluate(() => (window as { __pwned?: string }).__pwned)).resolves.toBeUndefined();
    await expect(card.locator("script, [onerror], [onmouseover]").count()).resolves.toBe(0);
    await expect(card.locator(".wl-nick").textContent()).resolves.toContain(
      "<b onmouseover=alert(1)>坏人</b>",
    );
    expectOnlyLoopback(requests);
    // Waline's live preview (hidden, but in the page) renders what the reader types with
    // innerHTML, so the typed onerror= is attempted there; the Content-Security-Policy blocks it.
    // Nothing else may be blocked.
    expect(cspViolations.filter((text) => !/inline event handler/.test(text))).toEqual([]);
    await page.context().close();
  });

  it.each(["light", "dark"] as const)("the comment form passes axe in the %s theme", async (colorScheme) => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      colorScheme,
      bypassCSP: true,
    });
    const page = await context.newPage();
    await page.goto(`${server.url}${commented}`);
    const section = page.getByRole("region", { name: "发表评论" });
    await section.scrollIntoViewIfNeeded();
    await page.locator(".comments .wl-card").first().waitFor({ timeout: 15_000 });
    await expect(axeViolations(page, { scope: ".comments", tags: WCAG_AA })).resolves.toEqual([]);
    await page.screenshot({ path: path.join(output, `comments-${colorScheme}.png`), fullPage: true });
    await context.close();
  });

  it("counts views (阅读 N) on the article and in lists, and ranks 热门文章 with one request", async () => {
    // The referrer is read more than any other article, whatever earlier tests opened.
    let last = 0;
    for (let visit = 0; visit < 8; visit++) {
      const { page, cspViolations } = await open(referrer);
      const views = await ownViews(page);
      if (visit > 0) expect(views, "each visit counts once").toBe(last + 1);
      last = views;
      expect(cspViolations).toEqual([]);
      await page.context().close();
    }

    const index = await open("/");
    const popular = index.page.getByRole("region", { name: "热门文章" });
    await popular.waitFor({ state: "visible", timeout: 15_000 });
    const first = popular.locator("li").first();
    await expect(first.locator("a").getAttribute("href")).resolves.toBe(referrer);
    await expect(first.locator(".popular__views").textContent()).resolves.toBe(`阅读 ${last}`);
    const shown = (await popular.locator(".popular__views").allTextContents()).map((t) => Number(t.slice(3)));
    expect(shown, "ranked by views").toEqual([...shown].sort((a, b) => b - a));
    expect(shown.every((n) => n > 0)).toBe(true);
    // Beside the date in the list: the same number, when the referrer is on the first page.
    if ((await index.page.locator(`.article-card a[href="${referrer}"]`).count()) > 0) {
      const card = index.page.locator(".article-card", { has: index.page.locator(`a[href="${referrer}"]`) });
      await card.locator(".page-views").waitFor({ state: "visible", timeout: 15_000 });
      await expect(card.locator(".page-views").textContent()).resolves.toMatch(
        new RegExp(`·\\s*阅读 ${last}$`),
      );
    }
    await index.page.waitForLoadState("networkidle");
    // One request fills every count and the block; a list page counts no view of its own.
    expect(viewRequests(index.requests, "GET")).toHaveLength(1);
    expect(viewRequests(index.requests, "POST")).toHaveLength(0);
    expectOnlyLoopback(index.requests);
    expect(index.cspViolations).toEqual([]);
    await index.page.context().close();
  });

  it("without JavaScript: no 阅读, no 热门文章, no request to the comment server", async () => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    const requests: Request[] = [];
    page.on("request", (request) => requests.push(request));
    for (const urlPath of ["/", referrer]) {
      await page.goto(`${server.url}${urlPath}`);
      await page.waitForLoadState("networkidle");
      await expect(
        page
          .locator(".popular, .page-views")
          .evaluateAll((els) => els.filter((el) => (el as HTMLElement).offsetParent !== null).length),
      ).resolves.toBe(0);
    }
    expect(builtPage("/")("[data-popular]").attr("hidden")).toBeDefined();
    expect(requests.filter((r) => r.url().startsWith(comments.url))).toEqual([]);
    await context.close();
  });

  it.each(["light", "dark"] as const)("热门文章 passes axe in the %s theme", async (colorScheme) => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      colorScheme,
      bypassCSP: true,
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.getByRole("region", { name: "热门文章" }).waitFor({ state: "visible", timeout: 15_000 });
    await expect(axeViolations(page, { scope: "main", tags: WCAG_AA })).resolves.toEqual([]);
    await page.screenshot({ path: path.join(output, `popular-${colorScheme}.png`), fullPage: true });
    await context.close();
  });

  it("the server made no request outside this machine", () => {
    expect(comments.output()).not.toMatch(/refused an outside request/);
  });
});
