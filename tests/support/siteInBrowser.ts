import { afterAll, beforeAll } from "vitest";
import type { Browser, BrowserContext, BrowserContextOptions } from "playwright-core";
import { launchChromium } from "./browser.ts";
import { serveStatic, type StaticServer } from "./serveStatic.ts";
import { fixtureSite } from "./paths.ts";
import { READY_MS } from "./waits.ts";

export interface SiteInBrowser {
  /** Origin the site is served from, e.g. http://127.0.0.1:41234 */
  readonly url: string;
  readonly browser: Browser;
  /**
   * A fresh browser context (empty cache, own storage) whose every wait — navigation, click,
   * waitForURL, waitForFunction, locator.waitFor — is limited by READY_MS, not Playwright's default.
   */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
}

/** A context of `browser` whose waits are limited by READY_MS (see useSiteInBrowser). */
export async function newContext(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  context.setDefaultTimeout(READY_MS);
  context.setDefaultNavigationTimeout(READY_MS);
  return context;
}

/**
 * Serves a built site on 127.0.0.1 and starts Chromium for the test file that calls this (at
 * its top level, before its own hooks): both are ready in the file's `beforeAll` and torn down
 * after its `afterAll`.
 */
export function useSiteInBrowser(root: string = fixtureSite): SiteInBrowser {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await serveStatic(root);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get url() {
      if (!server) throw new Error("useSiteInBrowser: the site is served from beforeAll on");
      return server.url;
    },
    get browser() {
      if (!browser) throw new Error("useSiteInBrowser: the browser starts in beforeAll");
      return browser;
    },
    newContext(options) {
      return newContext(this.browser, options);
    },
  };
}
