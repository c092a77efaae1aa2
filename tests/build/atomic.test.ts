import { createHash } from "node:crypto";
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDirs } from "../../src/lib/buildDirs.ts";
import { PUBLISH_POINTS, type PublishPoint } from "../../src/integrations/atomicOutput.ts";
import { fixtureArticles, repoRoot } from "../support/paths.ts";
import { runBuild } from "../support/runBuild.ts";

// Builds of its own (not the shared fixture site): a copy of the fixture articles, built, broken,
// rebuilt, and killed at every point of the publish step. Many builds, so long timeouts.
// Per process: two test runs at once (two engineers, or CI and a developer) must not share them.
const work = path.join(repoRoot, `tests/.output/atomic-${process.pid}`);
// At the fixtures' depth, so that MDX imports such as ../../../src/components/… still resolve.
const articles = path.join(repoRoot, `tests/.output/atomic-articles-${process.pid}`);
const site = path.join(work, "site");
const versions = path.join(work, ".site-builds");
// A build takes 20–40 s alone and minutes on a shared 2-core machine (over 4 at load average 28).
const BUILD_MS = 480_000;
const ARTICLES = ["alpha-emphasis.md", "list-01.md", "list-02.md", "reader-toc.md", "echo-mdx.mdx"];

/** Every file's path under `dir`, sorted. */
function manifest(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** One hash over every file's path and bytes: equal only if the folder is byte-for-byte equal. */
function checksum(dir: string): string {
  const hash = createHash("sha256");
  for (const file of manifest(dir)) hash.update(`${file}\0`).update(readFileSync(path.join(dir, file)));
  return hash.digest("hex");
}

/** What builds leave beside the output besides the published version: none, after a good build. */
function leftovers(): string[] {
  const published = lstatSync(site).isSymbolicLink() ? realpathSync(site) : undefined;
  const inVersions = existsSync(versions)
    ? readdirSync(versions)
        .map((name) => path.join(versions, name))
        .filter((dir) => dir !== published)
    : [];
  const beside = readdirSync(work)
    .filter((name) => name !== "site" && name !== ".site-builds")
    .map((name) => path.join(work, name));
  return [...inVersions, ...beside].map((file) => path.relative(work, file));
}

/** An article that exists only from this build on: its page tells the versions apart. */
function addArticle(id: string): string {
  const title = `发布测试：${id}`;
  writeFileSync(
    path.join(articles, `${id}.md`),
    `---\ntitle: "${title}"\ndate: 2025-06-01\nauthor: 测试作者\ntags: [测试]\n---\n\n只为区分两次构建的文章：${id}。\n`,
  );
  return title;
}

/** A complete site: every file the previous version had, and the pages, index and feeds. */
function expectComplete(files: readonly string[], before: readonly string[]): void {
  for (const file of ["index.html", "404.html", "pagefind/pagefind.js", "rss.xml", "sitemap-index.xml"])
    expect(files, file).toContain(file);
  const missing = before.filter((file) => !files.includes(file) && !file.startsWith("pagefind/"));
  expect(missing, "files of the previous version missing from the new one").toEqual([]);
  // Pagefind's file names are content hashes: their number, not their names, must hold.
  const count = (list: readonly string[]) => list.filter((file) => file.startsWith("pagefind/")).length;
  expect(count(files)).toBeGreaterThanOrEqual(count(before));
}

describe("atomic output", { timeout: BUILD_MS }, () => {
  let before: string;

  beforeAll(async () => {
    rmSync(work, { recursive: true, force: true });
    rmSync(articles, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    // A few articles: a dozen builds follow, and the publish step does not depend on the count.
    mkdirSync(articles, { recursive: true });
    for (const name of ARTICLES) cpSync(path.join(fixtureArticles, name), path.join(articles, name));
    const first = await runBuild(articles, site);
    expect(first.ok, first.output).toBe(true);
    before = checksum(site);
  }, BUILD_MS);

  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
    rmSync(articles, { recursive: true, force: true });
    rmSync(buildDirs({ ARTICLES_DIR: articles }).cacheDir, { recursive: true, force: true });
  });

  it("publishes a complete site as a symlink to a version folder beside it", () => {
    expect(lstatSync(site).isSymbolicLink()).toBe(true);
    expect(path.dirname(path.resolve(work, readlinkSync(site)))).toBe(versions);
    expectComplete(manifest(site), []);
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
    expect(leftovers().length).toBeGreaterThan(0); // its version folder, for the next build to clear
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
    // The version it replaced is kept until the next build (a server may be reading it).
    expect(leftovers()).toHaveLength(1);
  });

  // SIGKILL at each point of the publish step (the build kills itself there, through the
  // ATOMIC_OUTPUT_KILL_AT hook: a real SIGKILL, no cleanup). Before the swap the output must be
  // byte-for-byte the old site; after it, the complete new one; never missing, never mixed.
  // `exchange` and `settle` are the migration of a real folder (from before the symlink scheme),
  // so the output is turned back into a real folder first.
  const kills: { point: PublishPoint; published: boolean; realFolder: boolean }[] = [
    { point: "exchange", published: false, realFolder: true },
    { point: "settle", published: true, realFolder: true },
    { point: "link", published: false, realFolder: false },
    { point: "swap", published: false, realFolder: false },
    { point: "clean", published: true, realFolder: false },
  ];

  it("kills are tried at every point of the publish step", () => {
    expect(kills.map((kill) => kill.point).sort()).toEqual([...PUBLISH_POINTS].sort());
  });

  it.each(kills)(
    "a build killed at $point leaves a complete site, the old or the new one",
    async ({ point, published, realFolder }) => {
      if (realFolder && lstatSync(site).isSymbolicLink()) {
        const target = realpathSync(site);
        rmSync(site);
        cpSync(target, site, { recursive: true });
      }
      expect(lstatSync(site).isSymbolicLink()).toBe(!realFolder);
      const old = { sum: checksum(site), files: manifest(site) };
      const title = addArticle(`kill-${point}`);

      const killed = await runBuild(articles, site, { ATOMIC_OUTPUT_KILL_AT: point });
      expect(killed.signal, `the build was not killed at ${point}:\n${killed.output.slice(-2000)}`).toBe(
        "SIGKILL",
      );
      expect(existsSync(path.join(site, "index.html")), "the output is missing").toBe(true);
      const home = readFileSync(path.join(site, "index.html"), "utf8");
      if (published) {
        expect(lstatSync(site).isSymbolicLink()).toBe(true);
        const files = manifest(site);
        expectComplete(files, old.files);
        expect(files).toContain(`articles/kill-${point}/index.html`);
        expect(home).toContain(title);
      } else {
        expect(lstatSync(site).isSymbolicLink()).toBe(!realFolder);
        expect(checksum(site), "the old site changed").toBe(old.sum);
        expect(home).not.toContain(title);
      }
    },
    BUILD_MS,
  );

  it("the next build recovers: publishes, and removes what killed builds left", async () => {
    expect(leftovers().length).toBeGreaterThan(0); // a killed build's version folder, at least
    const title = addArticle("recovered");
    const rebuilt = await runBuild(articles, site);
    expect(rebuilt.ok, rebuilt.output).toBe(true);
    expect(readFileSync(path.join(site, "index.html"), "utf8")).toContain(title);
    for (const kill of kills)
      expect(existsSync(path.join(site, `articles/kill-${kill.point}/index.html`))).toBe(true);
    // Only the version this build replaced is kept, for a server still reading it.
    expect(leftovers()).toHaveLength(1);
  });
});
