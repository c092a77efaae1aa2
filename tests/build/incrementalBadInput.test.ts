import { cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDirs } from "../../src/lib/buildDirs.ts";
import { fixtureArticles } from "../support/paths.ts";
import { copyProject, differences, snapshot, type ProjectCopy } from "../support/projectCopy.ts";

// Bad build state never publishes stale pages: it is detected, the build runs cold and says so in
// one line. One project copy, built cold once; each case damages its build state and rebuilds.
const work = path.join(tmpdir(), `site-incremental-bad-${process.pid}`);
let project: ProjectCopy;
let base: Map<string, string>;

const EDITED = "被中断的构建写下的标题";
const COLD = /\[site:incremental-build-guard\] (.+): every page is built cold/;
const restoredCount = (log: string) => (log.match(/\(restored\)|\(cached\)/g) ?? []).length;
const cacheDirOf = (p: ProjectCopy) =>
  path.resolve(p.root, path.relative(process.cwd(), buildDirs({ ARTICLES_DIR: p.articles }).cacheDir));

describe("bad incremental build state", { timeout: 900_000 }, () => {
  beforeAll(async () => {
    project = copyProject(path.join(work, "site"));
    cpSync(fixtureArticles, project.articles, { recursive: true });
    const log = await project.build();
    expect(log).not.toMatch(COLD);
    base = snapshot(project.out);
  }, 900_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("a corrupt manifest: says so and builds cold", async () => {
    const manifest = path.join(cacheDirOf(project), "incremental-build.json");
    writeFileSync(manifest, readFileSync(manifest, "utf8").slice(0, 200));
    const log = await project.build();
    expect(log.match(COLD)?.[1]).toMatch(/incremental manifest is corrupt \(not JSON\)/);
    expect(restoredCount(log)).toBe(0);
    expect(differences(base, snapshot(project.out))).toEqual([]);
  });

  it("a build killed while writing pages: the next build says so and publishes nothing it wrote", async () => {
    // The killed build renders an edited title into the cache's copies; the edit is then undone.
    // Keys match the last good build again, so trusting those copies would publish the edit.
    const file = path.join(project.articles, "list-05.md");
    const original = readFileSync(file, "utf8");
    const copy = path.join(cacheDirOf(project), "dist/articles/list-05/index.html");
    const readCopy = () => (existsSync(copy) ? readFileSync(copy, "utf8") : "");
    writeFileSync(file, original.replace('title: "列表分页文章第 05 篇"', `title: "${EDITED}"`));
    const killed = await project
      .build([], (output, kill) => {
        // Once Astro has stored the edited page's copy for later builds to restore.
        if (output.includes("generating static routes") && readCopy().includes(EDITED)) kill();
      })
      .then(
        () => "finished",
        (error: Error) => error.message,
      );
    expect(killed).toMatch(/^build SIGKILL/);
    writeFileSync(file, original);
    const log = await project.build();
    expect(log.match(COLD)?.[1]).toBe("the previous build was interrupted");
    expect(differences(base, snapshot(project.out))).toEqual([]);
  });

  it("another articles folder and back: never mixes the two", async () => {
    const other = path.join(project.root, "tests/fixtures/other-articles");
    cpSync(project.articles, other, { recursive: true });
    rmSync(path.join(other, "list-05.md"));
    const switched = await project.build([], undefined, { ARTICLES_DIR: other });
    expect(switched).not.toMatch(/list-05/);
    expect(readdirSync(path.join(project.out, "articles"))).not.toContain("list-05");
    const back = await project.build();
    expect(restoredCount(back)).toBeGreaterThan(0);
    expect(differences(base, snapshot(project.out))).toEqual([]);
  });
});
