import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDirs } from "../../src/lib/buildDirs.ts";
import { fixtureArticles, repoRoot } from "../support/paths.ts";
import { runBuild } from "../support/runBuild.ts";

// Builds of its own (not the shared fixture site): a copy of the fixture articles, built once,
// then broken, then rebuilt. Three builds, so a long timeout.
// Per process: two test runs at once (two engineers, or CI and a developer) must not share them.
const work = path.join(repoRoot, `tests/.output/atomic-${process.pid}`);
// At the fixtures' depth, so that MDX imports such as ../../../src/components/… still resolve.
const articles = path.join(repoRoot, `tests/.output/atomic-articles-${process.pid}`);
const site = path.join(work, "site");

/** One hash over every file's path and bytes: equal only if the folder is byte-for-byte equal. */
function checksum(dir: string): string {
  const hash = createHash("sha256");
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
  for (const file of files) hash.update(`${file}\0`).update(readFileSync(path.join(dir, file)));
  return hash.digest("hex");
}

const leftovers = () => readdirSync(work).filter((name) => name.startsWith(".site-"));

describe("atomic output", { timeout: 180_000 }, () => {
  let before: string;

  beforeAll(async () => {
    rmSync(work, { recursive: true, force: true });
    rmSync(articles, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    cpSync(fixtureArticles, articles, { recursive: true });
    const first = await runBuild(articles, site);
    expect(first.ok, first.output).toBe(true);
    before = checksum(site);
  }, 180_000);

  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
    rmSync(articles, { recursive: true, force: true });
    rmSync(buildDirs({ ARTICLES_DIR: articles }).cacheDir, { recursive: true, force: true });
  });

  it("publishes a complete site: pages, search index and feeds", () => {
    for (const file of ["index.html", "pagefind/pagefind.js", "rss.xml", "sitemap-index.xml"]) {
      expect(existsSync(path.join(site, file)), file).toBe(true);
    }
    expect(leftovers()).toEqual([]);
  });

  it("leaves the previous output byte-for-byte when a page fails to render", async () => {
    cpSync(
      path.join(repoRoot, "tests/fixtures/broken/render-error.mdx"),
      path.join(articles, "render-error.mdx"),
    );
    const failed = await runBuild(articles, site);
    expect(failed.ok).toBe(false);
    expect(failed.output).toContain("/articles/render-error/"); // Astro names the failing page
    expect(checksum(site)).toBe(before);
    expect(leftovers().length).toBeGreaterThan(0); // its staging folder, for the next build to clear
    rmSync(path.join(articles, "render-error.mdx"));
  });

  // Failures during content sync: the message names the article's file and line.
  it.each([
    ["missing-image.md", {}, "missing-image.md:8: body: 找不到图片文件 ./images/no-such-chart.png"],
    ["unsafe-html.md", { REJECT_UNSAFE_HTML: "1" }, "unsafe-html.md:8: body: 正文含有 on…= 事件处理属性"],
  ] as const)("rejects %s with file:line, output unchanged", async (name, env, message) => {
    const copy = path.join(articles, name);
    cpSync(path.join(repoRoot, "tests/fixtures/broken", name), copy);
    try {
      const failed = await runBuild(articles, site, env);
      expect(failed.ok).toBe(false);
      expect(failed.output).toContain(message);
      expect(checksum(site)).toBe(before);
    } finally {
      rmSync(copy);
    }
  });

  it("rejects a file that is not UTF-8 with its name, output unchanged", async () => {
    const copy = path.join(articles, "gbk.md");
    // "---\ntitle: 标题" in GBK: bytes that are not valid UTF-8.
    writeFileSync(
      copy,
      Buffer.from([
        ...Buffer.from("---\ntitle: "),
        0xb1,
        0xea,
        0xcc,
        0xe2,
        ...Buffer.from("\ndate: 2025-01-01\n---\n\n"),
      ]),
    );
    try {
      const failed = await runBuild(articles, site);
      expect(failed.ok).toBe(false);
      expect(failed.output).toContain("gbk.md:1: file: 文件不是 UTF-8 编码");
      expect(checksum(site)).toBe(before);
    } finally {
      rmSync(copy);
    }
  });

  it("the next good build replaces the output and clears what failed builds left", async () => {
    cpSync(path.join(articles, "list-01.md"), path.join(articles, "list-01-copy.md"));
    const rebuilt = await runBuild(articles, site);
    expect(rebuilt.ok, rebuilt.output).toBe(true);
    expect(existsSync(path.join(site, "articles/list-01-copy/index.html"))).toBe(true);
    expect(leftovers()).toEqual([]);
  });
});
