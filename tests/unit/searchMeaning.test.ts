import { mkdtemp, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { foldVariants } from "../../src/features/search/query/foldVariants.ts";
import { normalizeQuery } from "../../src/features/search/query/normalizeQuery.ts";
import { segmentQuery } from "../../src/features/search/query/searchWithFallback.ts";
import { applySynonyms, indexExpansions, parseSynonyms } from "../../src/features/search/query/synonyms.ts";
import { prepareSearchPage } from "../../src/features/search/build/prepareSearchPage.ts";
import { verifiedIndex } from "../../src/features/search/build/pagefindIntegration.ts";

const GROUPS = parseSynonyms(
  "- [磁盘, 硬盘]\n- [美联储, Fed, 联邦储备委员会]\n- [计划任务, 定时任务]\n",
).groups;

describe("foldVariants", () => {
  it("folds variant characters and words to the standard form, and leaves other text alone", () => {
    expect(foldVariants("帐号和帐户")).toBe("账号和账户");
    expect(foldVariants("惟一的部份图象")).toBe("唯一的部分图像");
    expect(foldVariants("登陆服务器")).toBe("登录服务器");
    expect(foldVariants("账号 防火墙 ssh")).toBe("账号 防火墙 ssh");
  });
});

describe("parseSynonyms", () => {
  it("reads one group per line, words normalised, comments and blank lines skipped", () => {
    const { groups, problems } = parseSynonyms("# 注释\n\n- [磁盘, 硬盘, 硬碟]\n- [美联储, Fed]\n");
    expect(problems).toEqual([]);
    expect(groups).toEqual([
      ["磁盘", "硬盘", "硬碟"],
      ["美联储", "fed"],
    ]);
  });

  it("names the line and the fix for every kind of mistake", () => {
    const { groups, problems } = parseSynonyms(
      [
        "- [磁盘, 硬盘]",
        "磁盘 = 硬盘",
        "- [网卡, 硬盘]",
        "- [云, 云端]",
        "- [硬碟, 硬碟]",
        "- [网卡, , 网络卡]",
        "- [「网卡」, 网络卡]",
      ].join("\n"),
    );
    expect(groups).toEqual([["磁盘", "硬盘"]]);
    expect(problems.map((p) => p.line)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(problems[0]!.message).toContain("- [词语, 词语]");
    expect(problems[1]!.message).toContain("第 1 行");
    expect(problems[2]!.message).toContain("一个字");
    expect(problems[3]!.message).toContain("两个不同");
    expect(problems[4]!.message).toContain("空的词语");
    expect(problems[5]!.message).toContain("标点");
    for (const problem of problems) expect(problem.message).toMatch(/— \S/);
  });

  it("accepts the repository's own list", () => {
    const { groups, problems } = parseSynonyms(readFileSync("content/synonyms.yaml", "utf8"));
    expect(problems).toEqual([]);
    expect(groups.length).toBeGreaterThan(10);
  });
});

describe("applySynonyms and normalizeQuery", () => {
  it("replaces every member by its group's standard form, Latin words only whole", () => {
    expect(applySynonyms("硬盘 加密", GROUPS)).toBe("磁盘 加密");
    expect(applySynonyms("fed 加息", GROUPS)).toBe("美联储 加息");
    expect(applySynonyms("feed 加息", GROUPS)).toBe("feed 加息");
    expect(applySynonyms("联邦储备委员会", GROUPS)).toBe("美联储");
  });

  it("folds variants and synonyms in the query, before question words are dropped", () => {
    expect(normalizeQuery("怎么修改帐号密码", { synonyms: GROUPS })).toBe("修改账号密码");
    expect(normalizeQuery("怎么给硬盘加密", { synonyms: GROUPS })).toBe("给磁盘加密");
    expect(normalizeQuery("怎么设置定时任务？", { synonyms: GROUPS })).toBe("设置计划任务");
    expect(normalizeQuery("帐号", { variants: false })).toBe("帐号");
  });
});

describe("indexExpansions and prepareSearchPage", () => {
  it("adds the standard form of the synonyms and variants a page writes, and nothing else", () => {
    expect(indexExpansions("把硬盘整盘加密。用帐号登录。", GROUPS, segmentQuery)).toEqual(["磁盘", "账号"]);
    expect(indexExpansions("磁盘和硬盘", GROUPS, segmentQuery)).toEqual([]);
    expect(indexExpansions("the feed of Fed", GROUPS, segmentQuery)).toEqual(["美联储"]);
    expect(indexExpansions("防火墙规则", GROUPS, segmentQuery)).toEqual([]);
  });

  it("appends them, low-weighted, inside the article, deterministically", () => {
    const page = `<!doctype html><html lang="zh-cn"><body><article data-pagefind-body><h1>整盘加密</h1><p>加密硬盘上的分区。</p></article></body></html>`;
    const once = prepareSearchPage(page, { synonyms: GROUPS, presegment: false });
    expect(once).toContain('<p data-pagefind-weight="0.5">磁盘</p></article>');
    expect(prepareSearchPage(page, { synonyms: GROUPS, presegment: false })).toBe(once);
    const plain = page.replace("硬盘", "磁盘");
    expect(prepareSearchPage(plain, { synonyms: GROUPS, presegment: false })).toBe(plain);
  });
});

describe("verifiedIndex (a cached index is reused only when intact)", () => {
  async function cachedIndex(): Promise<string> {
    const root = await mkdtemp(path.join(os.tmpdir(), "search-cache-"));
    const dir = path.join(root, "0123abcd");
    await mkdir(path.join(dir, "fragment"), { recursive: true });
    await writeFile(path.join(dir, "pagefind.js"), "export {}");
    await writeFile(path.join(dir, "fragment/a.pf_fragment"), "abc");
    const { createHash } = await import("node:crypto");
    const sha = (text: string) => createHash("sha256").update(text).digest("hex");
    await writeFile(
      path.join(dir, ".manifest.json"),
      JSON.stringify({
        key: "0123abcd",
        files: { "fragment/a.pf_fragment": sha("abc"), "pagefind.js": sha("export {}") },
      }),
    );
    return dir;
  }

  it("accepts an index that matches its manifest", async () => {
    const dir = await cachedIndex();
    await expect(verifiedIndex(dir)).resolves.toBe(true);
    await rm(path.dirname(dir), { recursive: true });
  });

  it("refuses an edited, missing, extra or unlisted file, a wrong key, or no manifest", async () => {
    const breakages: ((dir: string) => Promise<unknown>)[] = [
      (dir) => writeFile(path.join(dir, "fragment/a.pf_fragment"), "abd"),
      (dir) => rm(path.join(dir, "pagefind.js")),
      (dir) => writeFile(path.join(dir, "fragment/b.pf_fragment"), "new"),
      (dir) => rm(path.join(dir, ".manifest.json")),
      async (dir) =>
        writeFile(
          path.join(dir, ".manifest.json"),
          (await readFile(path.join(dir, ".manifest.json"), "utf8")).replace("0123abcd", "ffff"),
        ),
    ];
    for (const breakIt of breakages) {
      const dir = await cachedIndex();
      await breakIt(dir);
      await expect(verifiedIndex(dir), breakIt.toString()).resolves.toBe(false);
      await rm(path.dirname(dir), { recursive: true });
    }
  });
});
