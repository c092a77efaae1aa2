import { cpSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureArticles } from "../support/paths.ts";
import {
  copyProject,
  differences,
  readFragment,
  snapshot,
  syncCold,
  type ProjectCopy,
} from "../support/projectCopy.ts";

// An incremental build must write exactly what a cold build of the same content writes. One
// project copy ("chain") is built cold once, then changed step by step and rebuilt incrementally
// after each step; a second copy ("cold") is emptied and built cold from the same sources after
// each step, and the two outputs are compared file by file. The steps are cumulative, so a page
// restored several builds in a row is checked too; the delete step removes the article the first
// step added, so the first cold build is its reference.
const work = path.join(tmpdir(), `site-incremental-${process.pid}`);
let chain: ProjectCopy;
let cold: ProjectCopy;
let base: Map<string, string>;

const NEW_ID = "zulu-new-article";
const NEW_TITLE = "新来的一篇：夜班公交的乘客";

function edit(project: ProjectCopy, file: string, change: (text: string) => string): void {
  const full = path.join(project.root, file);
  const text = readFileSync(full, "utf8");
  const changed = change(text);
  if (changed === text) throw new Error(`${file}: the edit changed nothing`);
  writeFileSync(full, changed);
}

/** Builds the chain incrementally and the cold copy from scratch, and returns both outputs' differences. */
async function buildBoth(reference?: Map<string, string>): Promise<{ restored: number; diff: string[] }> {
  const log = await chain.build();
  const restored = (log.match(/\(restored\)|\(cached\)/g) ?? []).length;
  let expected = reference;
  if (!expected) {
    syncCold(chain, cold);
    await cold.build();
    expected = snapshot(cold.out);
  }
  return { restored, diff: differences(expected, snapshot(chain.out)) };
}

describe("incremental build = cold build", { timeout: 900_000 }, () => {
  beforeAll(async () => {
    chain = copyProject(path.join(work, "chain"));
    cold = copyProject(path.join(work, "cold"));
    cpSync(fixtureArticles, chain.articles, { recursive: true });
    await chain.build();
    base = snapshot(chain.out);
  }, 900_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("adds a new article: its page, card, neighbours, lists, tags, feeds, sitemap and search", async () => {
    writeFileSync(
      path.join(chain.articles, `${NEW_ID}.md`),
      `---\ntitle: "${NEW_TITLE}"\ndate: 2025-05-01\ntags: ["城市", "分页"]\n---\n\n深夜的公交车上，乘客们各有各的心事。城市在窗外流过。\n`,
    );
    const { restored, diff } = await buildBoth();
    expect(restored, "the build restored nothing: not incremental").toBeGreaterThan(0);
    expect(diff).toEqual([]);
    expect(readFileSync(path.join(chain.out, "index.html"), "utf8")).toContain(NEW_TITLE);
  });

  it("deletes that article: it disappears from every output", async () => {
    rmSync(path.join(chain.articles, `${NEW_ID}.md`));
    const { restored, diff } = await buildBoth(base);
    expect(restored).toBeGreaterThan(0);
    expect(diff).toEqual([]);
    const mentions = [...snapshot(chain.out).keys()].filter((file) => {
      if (/\.(png|svg|ico|pf_index|pf_filter|pf_meta|pagefind|wasm\..*)$/.test(file) || file.includes("*"))
        return false;
      const full = path.join(chain.out, file);
      const text = file.endsWith(".pf_fragment")
        ? JSON.stringify(readFragment(full))
        : readFileSync(full, "utf8");
      return text.includes(NEW_ID) || text.includes(NEW_TITLE);
    });
    expect(mentions).toEqual([]);
  });

  it("edits one article's body: its page, excerpts in lists and 相关文章, feeds and search", async () => {
    edit(chain, "tests/fixtures/articles/related-tea-market.md", (text) =>
      text.replace(/\n---\n\n/, "\n---\n\n茶叶集市今年改在河边的旧仓库里举行，摊主们说人比往年多。\n\n"),
    );
    const { restored, diff } = await buildBoth();
    expect(restored).toBeGreaterThan(0);
    expect(diff).toEqual([]);
  });

  it("edits one article's title: neighbours' 上一篇/下一篇, 相关文章, lists, card and feeds", async () => {
    edit(chain, "tests/fixtures/articles/list-05.md", (text) =>
      text.replace('title: "列表分页文章第 05 篇"', 'title: "改过标题的第 05 篇"'),
    );
    const { restored, diff } = await buildBoth();
    expect(restored).toBeGreaterThan(0);
    expect(diff).toEqual([]);
  });

  it("changes a template: every page using it is rebuilt", async () => {
    edit(chain, "src/components/ArticleNav.astro", (text) =>
      text.replace('<nav class="article-nav"', '<nav class="article-nav" data-changed'),
    );
    const { diff } = await buildBoth();
    expect(diff).toEqual([]);
    const page = readdirSync(path.join(chain.out, "articles"))[0]!;
    expect(readFileSync(path.join(chain.out, "articles", page, "index.html"), "utf8")).toContain(
      "data-changed",
    );
  });

  it("changes the stylesheet: no page, restored or not, names the old stylesheet file", async () => {
    // Pages link the site's stylesheet by its hashed name (inlineStylesheets: "auto"); a page
    // restored from the build before would name a file this build no longer writes.
    edit(chain, "src/styles/global.css", (text) => `${text}\n.incremental-check { color: inherit; }\n`);
    const { diff } = await buildBoth();
    expect(diff).toEqual([]);
    const css = readdirSync(path.join(chain.out, "_astro")).filter((name) => name.endsWith(".css"));
    const page = readFileSync(path.join(chain.out, "index.html"), "utf8");
    const linked = [...page.matchAll(/<link rel="stylesheet" href="\/_astro\/([^"]+)"/g)].map((m) => m[1]!);
    expect(linked.length).toBeGreaterThan(0);
    for (const name of linked) expect(css).toContain(name);
    expect(
      linked.some((name) =>
        readFileSync(path.join(chain.out, "_astro", name), "utf8").includes("incremental-check"),
      ),
    ).toBe(true);
  });
});
