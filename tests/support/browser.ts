import { existsSync, readdirSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";

/**
 * Finds a Chromium to drive: $CHROMIUM_PATH, then Debian's /usr/bin/chromium, then a browser in
 * Playwright's cache. Never downloads one (this machine cannot) and never skips: with no browser
 * the e2e tests fail with instructions.
 */
export function findChromium(): string {
  const candidates = [
    process.env["CHROMIUM_PATH"],
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    ...playwrightCacheBrowsers(),
  ].filter((p): p is string => Boolean(p));
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      [
        "No Chromium found for the browser tests. Looked at:",
        ...candidates.map((p) => `  - ${p}`),
        "Install one, e.g. on Debian/Ubuntu as root: apt-get install -y chromium fonts-noto-cjk",
        "or point CHROMIUM_PATH at a Chromium or Chrome binary.",
      ].join("\n"),
    );
  }
  return found;
}

function playwrightCacheBrowsers(): string[] {
  const cache = process.env["PLAYWRIGHT_BROWSERS_PATH"] ?? path.join(homedir(), ".cache/ms-playwright");
  if (!existsSync(cache)) return [];
  return readdirSync(cache)
    .filter((dir) => dir.startsWith("chromium"))
    .sort()
    .reverse()
    .flatMap((dir) => [
      path.join(cache, dir, "chrome-linux/chrome"),
      path.join(cache, dir, "chrome-linux64/chrome"),
      path.join(cache, dir, "chrome-headless-shell-linux64/chrome-headless-shell"),
    ]);
}

/** The flags this sandbox needs (no background calls to Google), for Playwright and Lighthouse. */
export const CHROMIUM_ARGS: readonly string[] = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Headless Chromium for Playwright. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), headless: true, args: [...CHROMIUM_ARGS] });
}
