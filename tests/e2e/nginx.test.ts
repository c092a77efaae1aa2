import { readFileSync, readdirSync, rmSync, mkdtempSync, statSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { destinationFor } from "../../src/features/deploy/destination.ts";
import { runDeploy } from "../../src/features/deploy/runDeploy.ts";
import { CACHE_CONTROL, SECURITY_HEADERS } from "../../src/features/deploy/serverPolicy.ts";
import { launchChromium } from "../support/browser.ts";
import { startNginx, type NginxServer } from "../support/nginx.ts";
import { fixtureSite } from "../support/paths.ts";

// The fixture site as a server would hold it: deployed to a folder with its .gz files.
const live = mkdtempSync(path.join(tmpdir(), "nginx-site-"));
let nginx: NginxServer;
let browser: Browser;

beforeAll(async () => {
  await runDeploy({
    site: fixtureSite,
    destination: destinationFor(live),
    dryRun: false,
    precompress: true,
    log: () => {},
  });
  nginx = await startNginx(live);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await nginx?.close();
  rmSync(live, { recursive: true, force: true });
});

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** The response exactly as sent: no decompression, unlike fetch(). */
function get(urlPath: string, acceptEncoding?: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${nginx.url}${encodeURI(urlPath)}`,
      { headers: acceptEncoding ? { "accept-encoding": acceptEncoding } : {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    req.on("error", reject);
    req.end();
  });
}

const file = (relative: string) => path.join(fixtureSite, relative);
const firstIn = (dir: string, pattern: RegExp) => {
  const name = readdirSync(file(dir)).find((entry) => pattern.test(entry));
  if (!name) throw new Error(`no ${pattern} in ${dir}`);
  return `${dir}/${name}`;
};

/** The newest part of the search index (pagefind/parts.json lists them newest first). */
const newestPart = () =>
  (JSON.parse(readFileSync(file("pagefind/parts.json"), "utf8")) as { parts: string[] }).parts[0]!;

function expectSecurityHeaders(response: Raw) {
  for (const [name, value] of Object.entries(SECURITY_HEADERS))
    expect(response.headers[name.toLowerCase()], name).toBe(value);
}

describe("the shipped nginx.conf over the built site", () => {
  it("sends a page precompressed, revalidated, with the security headers", async () => {
    const response = await get("/articles/alpha-emphasis/", "gzip, br");
    expect(response.status).toBe(200);
    expect(response.headers["content-encoding"]).toBe("gzip");
    // gzip_static: the .gz the deploy wrote, byte for byte (on-the-fly gzip would be chunked).
    expect(response.body.equals(readFileSync(path.join(live, "articles/alpha-emphasis/index.html.gz")))).toBe(
      true,
    );
    expect(gunzipSync(response.body).equals(readFileSync(file("articles/alpha-emphasis/index.html")))).toBe(
      true,
    );
    expect(response.headers["cache-control"]).toBe(CACHE_CONTROL.revalidate);
    expect(response.headers["content-type"]).toMatch(/^text\/html; charset=utf-8$/);
    expectSecurityHeaders(response);
    expect(response.headers["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
  });

  it("sends the page as it is to a client that does not accept gzip", async () => {
    const response = await get("/articles/alpha-emphasis/");
    expect(response.headers["content-encoding"]).toBeUndefined();
    expect(response.body.equals(readFileSync(file("articles/alpha-emphasis/index.html")))).toBe(true);
  });

  it("caches hashed scripts for a year", async () => {
    const script = firstIn("_astro", /\.js$/);
    const response = await get(`/${script}`, "gzip");
    expect(response.status).toBe(200);
    expect(response.headers["cache-control"]).toBe(CACHE_CONTROL.immutable);
    expect(response.headers["content-encoding"]).toBe("gzip");
    expectSecurityHeaders(response);
  });

  it("sends Pagefind's gzipped files as written: immutable chunks, never a second encoding", async () => {
    // The index is written in one folder per span of years (pagefind/2025-2027/…), listed in parts.json.
    const part = `pagefind/${newestPart()}`;
    for (const chunk of [
      firstIn(`${part}/fragment`, /\.pf_fragment$/),
      firstIn(`${part}/index`, /\.pf_index$/),
      firstIn(`${part}/filter`, /\.pf_filter$/),
      firstIn(part, /\.pf_meta$/),
    ]) {
      const response = await get(`/${chunk}`, "gzip, br");
      expect(response.status, chunk).toBe(200);
      expect(response.headers["content-encoding"], chunk).toBeUndefined();
      expect(response.headers["cache-control"], chunk).toBe(CACHE_CONTROL.immutable);
      expect(response.body.equals(readFileSync(file(chunk))), chunk).toBe(true);
      expect(response.body.subarray(0, 2).toString("hex"), `${chunk} is gzip already`).toBe("1f8b");
    }
    const wasm = await get(`/${firstIn(part, /^wasm\..*\.pagefind$/)}`, "gzip");
    expect(wasm.headers["content-encoding"]).toBeUndefined();
    expect(wasm.headers["cache-control"]).toBe(CACHE_CONTROL.revalidate);
  });

  it("revalidates the search entry and loader, the feeds and the sitemap", async () => {
    for (const fixed of [
      "/pagefind/parts.json",
      `/pagefind/${newestPart()}/pagefind-entry.json`,
      `/pagefind/${newestPart()}/pagefind.js`,
      "/pagefind/pagefind.js",
      "/rss.xml",
      "/sitemap-index.xml",
    ]) {
      const response = await get(fixed, "gzip");
      expect(response.status, fixed).toBe(200);
      expect(response.headers["cache-control"], fixed).toBe(CACHE_CONTROL.revalidate);
    }
  });

  it("answers an unknown path with the 404 page and status 404, never cached for long", async () => {
    const response = await get("/articles/no-such-article/", "identity");
    expect(response.status).toBe(404);
    expect(response.body.toString("utf8")).toBe(readFileSync(file("404.html"), "utf8"));
    expect(response.headers["cache-control"]).toBeUndefined();
    expectSecurityHeaders(response);
    const hashed = await get("/_astro/missing.Abc123.js");
    expect(hashed.status).toBe(404);
    expect(hashed.headers["cache-control"]).toBeUndefined();
  });

  it("serves a Chinese tag URL", async () => {
    expect(statSync(file("tags/城市/index.html")).isFile()).toBe(true);
    const response = await get("/tags/城市/");
    expect(response.status).toBe(200);
    expect(response.body.toString("utf8")).toContain("城市");
    expect(response.body.equals(readFileSync(file("tags/城市/index.html")))).toBe(true);
  });

  it("lets a reader search in Chromium through it", async () => {
    const context = await browser.newContext({ locale: "zh-CN" });
    try {
      const page = await context.newPage();
      const failed: string[] = [];
      page.on("response", (response) => {
        if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
      });
      await page.goto(`${nginx.url}/articles/alpha-emphasis/`);
      const box = page.locator("#sidebar-search");
      await box.click();
      await box.fill("夜班公交");
      const titles = page.locator(".search-popup [role=option] .search-hit__title");
      await expect.poll(() => titles.first().textContent(), { timeout: 30_000 }).toBe("夜班公交里的城市");
      expect(failed).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
