import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildRecord } from "../../src/features/deploy/buildRecord.ts";
import { listSiteFiles } from "../../src/features/deploy/listSiteFiles.ts";
import { CACHE_CONTROL } from "../../src/features/deploy/serverPolicy.ts";
import { launchChromium } from "../support/browser.ts";
import { startNginx, type NginxServer } from "../support/nginx.ts";
import { fixtureArticles, fixtureSite, repoRoot } from "../support/paths.ts";
import { runBuild } from "../support/runBuild.ts";
import { startWebdav, type WebdavServer } from "../support/rcloneWebdav.ts";

const work = mkdtempSync(path.join(tmpdir(), "deploy-e2e-"));
/** The live site: what the WebDAV server writes and nginx serves. */
const live = path.join(work, "live");
const v2 = path.join(repoRoot, "tests/.output/deploy-v2");
const EDITED = "alpha-emphasis";
const NEW_WORD = "蓝鲸灯塔守夜人";

let webdav: WebdavServer;
let nginx: NginxServer;
let browser: Browser;
let reader: BrowserContext;
/** A page the reader opened before the second deploy, and keeps open. */
let openedBefore: Page;

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `npm run deploy` exactly as a user runs it (the script, its own process). */
function deploy(site: string, args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["scripts/deploy.ts", ...args],
      { cwd: repoRoot, env: { ...process.env, ...webdav.env, OUT_DIR: site, ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

function hashes(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return new Map(
    files.map((entry) => {
      const full = path.join(entry.parentPath, entry.name);
      const relative = path.relative(dir, full).split(path.sep).join("/");
      return [relative, createHash("sha256").update(readFileSync(full)).digest("hex")];
    }),
  );
}

const snapshot = (dir: string) => JSON.stringify([...hashes(dir)].sort());
const puts = () => webdav.requests.filter((r) => r.method === "PUT").map((r) => r.path.replace(/^\//, ""));
const siteFiles = (requests: string[]) => requests.filter((file) => file !== ".deploy-manifest.json");

async function searchTitles(page: Page, query: string): Promise<string[]> {
  const box = page.locator("#sidebar-search");
  await box.click();
  await box.fill(query);
  const status = page.locator(".search-popup__status");
  await expect.poll(() => status.textContent(), { timeout: 30_000 }).not.toMatch(/^(正在搜索…)?$/);
  return page.locator(".search-popup [role=option] .search-hit__title").allTextContents();
}

beforeAll(async () => {
  cpSync(realpathSync(fixtureSite), path.join(work, "v1"), { recursive: true });
  // v1 is a private copy: a later build of the fixture site must not change it under the test.
  mkdirSync(live);
  webdav = await startWebdav(live);
  nginx = await startNginx(live);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await reader?.close();
  await browser?.close();
  await nginx?.close();
  await webdav?.close();
  rmSync(work, { recursive: true, force: true });
});

const v1 = path.join(work, "v1");

describe("npm run deploy to a WebDAV server (rclone serve webdav), served by nginx", () => {
  it("uploads the whole site the first time", async () => {
    const result = await deploy(v1, ["site:"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const sent = siteFiles(puts());
    expect(new Set(sent)).toEqual(new Set(hashes(v1).keys()));
    expect(snapshot(live)).toBe(
      JSON.stringify(
        [...hashes(v1)].concat([...hashes(live)].filter(([f]) => f === ".deploy-manifest.json")).sort(),
      ),
    );
    // Assets before pages, the sitemap and the build record last.
    expect(sent.findIndex((f) => f.endsWith(".html"))).toBeGreaterThan(
      sent.findLastIndex((f) => f.startsWith("_astro/")),
    );
    expect(sent.findIndex((f) => f.endsWith(".html"))).toBeGreaterThan(sent.indexOf("pagefind/parts.json"));
    expect(sent.at(-1)).toBe("_build.json");
    // Each object carries the policy's Cache-Control, for object storage behind a CDN.
    const cacheOf = (file: string) =>
      webdav.requests.find((r) => r.method === "PUT" && r.path === `/${file}`)?.cacheControl;
    expect(cacheOf(sent.find((f) => f.startsWith("_astro/")) ?? "")).toBe(CACHE_CONTROL.immutable);
    expect(cacheOf("pagefind/parts.json")).toBe(CACHE_CONTROL.revalidate);
    const entry = sent.find((f) => /^pagefind\/[\d-]+\/pagefind-entry\.json$/.test(f)) ?? "";
    expect(cacheOf(entry), entry).toBe(CACHE_CONTROL.revalidate);
    const chunk = sent.find((f) => /^pagefind\/[\d-]+\/index\/.+\.pf_index$/.test(f)) ?? "";
    expect(cacheOf(chunk), chunk).toBe(CACHE_CONTROL.immutable);
    expect(cacheOf("tags/城市/index.html")).toBe(CACHE_CONTROL.revalidate);
    expect(sent.indexOf("sitemap-index.xml")).toBeGreaterThan(sent.findLastIndex((f) => f.endsWith(".html")));
  });

  it("after one article is edited, uploads only the files whose content changed", async () => {
    reader = await browser.newContext({ locale: "zh-CN" });
    openedBefore = await reader.newPage();
    await openedBefore.goto(`${nginx.url}/articles/reader-toc/`);
    expect(await openedBefore.locator("h1").textContent()).toBe("夜班公交里的城市");

    // Beside the fixture articles' folder, at the same depth: MDX articles import components by
    // relative path.
    const articles = path.join(repoRoot, "tests/.output/deploy-articles");
    rmSync(articles, { recursive: true, force: true });
    cpSync(fixtureArticles, articles, { recursive: true });
    const edited = path.join(articles, `${EDITED}.md`);
    writeFileSync(edited, `${readFileSync(edited, "utf8")}\n\n新的一段：${NEW_WORD}在这里。\n`);
    const build = await runBuild(articles, v2, { TZ: "America/Los_Angeles" });
    expect(build.ok, build.output).toBe(true);

    const before = hashes(v1);
    const after = hashes(v2);
    const differing = [...after].filter(([file, hash]) => before.get(file) !== hash).map(([file]) => file);
    const dropped = [...before.keys()].filter((file) => !after.has(file));

    const plan = await deploy(v2, ["site:", "--dry-run"]);
    expect(plan.code).toBe(0);
    const kept = after.size - differing.length;
    expect(plan.stdout).toMatch(
      new RegExp(
        `${differing.filter((f) => !before.has(f)).length} new, ${differing.filter((f) => before.has(f)).length} changed, ${kept} kept, ${dropped.length} expiring`,
      ),
    );

    webdav.requests.length = 0;
    const result = await deploy(v2, ["site:"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(new Set(siteFiles(puts()))).toEqual(new Set(differing));
    expect(differing).toContain(`articles/${EDITED}/index.html`);
    expect(differing.length).toBeLessThan(after.size / 3);
    // Nothing deleted yet: files the new site dropped stay for the grace period.
    expect(webdav.requests.filter((r) => r.method === "DELETE")).toEqual([]);
    for (const file of dropped) expect(hashes(live).get(file), file).toBe(before.get(file));
    for (const [file, hash] of after) expect(hashes(live).get(file), file).toBe(hash);
  }, 300_000);

  it("a reader who opened a page before the deploy still gets search results after it", async () => {
    expect(await searchTitles(openedBefore, "夜班公交")).toContain("夜班公交里的城市");
    const fresh = await searchTitles(openedBefore, NEW_WORD);
    expect(fresh.length).toBeGreaterThan(0);
  }, 90_000);

  describe("bad input fails with one line and leaves the live site as it was", () => {
    const oneLine = (result: CliResult) => {
      expect(result.code).toBe(1);
      expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(result.stderr).toMatch(/^deploy failed: /);
      return result.stderr;
    };

    it("refuses a missing, partial or unrecorded build", async () => {
      const before = snapshot(live);
      expect(oneLine(await deploy(path.join(work, "nothing"), ["site:"]))).toMatch(
        /does not exist — run npm run build/,
      );
      const partial = path.join(work, "partial");
      cpSync(realpathSync(v2), partial, { recursive: true });
      rmSync(path.join(partial, "tags/城市/index.html"));
      expect(oneLine(await deploy(partial, ["site:"]))).toMatch(/1 of its \d+ files are missing/);
      rmSync(path.join(partial, "_build.json"));
      expect(oneLine(await deploy(partial, ["site:"]))).toMatch(/no _build\.json: not a complete build/);
      expect(snapshot(live)).toBe(before);
    });

    it("says so when rclone is missing or the remote is unknown", async () => {
      const before = snapshot(live);
      expect(oneLine(await deploy(v1, ["site:"], { PATH: path.join(work, "empty-path") }))).toMatch(
        /rclone is not installed/,
      );
      expect(oneLine(await deploy(v1, ["nosuchremote:site"]))).toMatch(/didn't find section in config file/);
      expect(snapshot(live)).toBe(before);
    });

    it("stops at the first write when the destination refuses writes", async () => {
      const before = snapshot(live);
      const readOnly = await startWebdav(live, { readOnly: true });
      try {
        const message = oneLine(await deploy(v1, ["site:"], readOnly.env));
        expect(message).toMatch(/rclone rcat failed/);
        expect(readOnly.requests.filter((r) => r.method === "PUT").length).toBeGreaterThan(0);
      } finally {
        await readOnly.close();
      }
      expect(snapshot(live)).toBe(before);
    }, 120_000);

    it("a network failure mid-upload leaves the old pages serving, with search", async () => {
      // v3: v2 with new hashed scripts and three changed pages, recorded as a complete build.
      const v3 = path.join(work, "v3");
      cpSync(realpathSync(v2), v3, { recursive: true });
      for (const n of [1, 2, 3, 4, 5])
        writeFileSync(path.join(v3, `_astro/extra${n}.Zz${n}.js`), `export const n = ${n};\n`);
      for (const page of ["index.html", "tags/城市/index.html", `articles/${EDITED}/index.html`])
        writeFileSync(path.join(v3, page), `${readFileSync(path.join(v3, page), "utf8")}<!-- v3 -->\n`);
      const files = (await listSiteFiles(v3)).filter((file) => file.path !== "_build.json");
      writeFileSync(path.join(v3, "_build.json"), JSON.stringify(buildRecord(files, new Date())));

      const pagesBefore = [...hashes(live)].filter(([file]) => file.endsWith(".html"));
      webdav.requests.length = 0;
      // The deploy's manifest and two new scripts go through, then every connection is cut.
      webdav.failPutsAfter(3);
      try {
        expect(oneLine(await deploy(v3, ["site:"]))).toMatch(/rclone copy failed: .*_astro\/extra/);
      } finally {
        webdav.failPutsAfter(undefined);
      }
      const now = hashes(live);
      expect([...now.keys()].filter((file) => /^_astro\/extra/.test(file)).length).toBeGreaterThan(0);
      for (const [file, hash] of pagesBefore) expect(now.get(file), file).toBe(hash);
      const page = await reader.newPage();
      await page.goto(`${nginx.url}/articles/reader-toc/`);
      expect(await searchTitles(page, NEW_WORD)).not.toEqual([]);

      // The next deploy completes what the broken one started.
      const retry = await deploy(v3, ["site:"]);
      expect(retry.code, retry.stderr).toBe(0);
      const after = hashes(live);
      for (const [file, hash] of hashes(v3)) expect(after.get(file), file).toBe(hash);
    }, 180_000);
  });
});
