import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { checkArticles } from "../../src/lib/content/checkArticles.ts";
import { chooseArticleSlug } from "../../src/lib/content/chooseArticleSlug.ts";
import { newArticleText } from "../../src/lib/content/newArticleText.ts";
import { slugFromTitle } from "../../src/lib/content/slugFromTitle.ts";
import { repoRoot } from "../support/paths.ts";

const run = promisify(execFile);

describe("slugFromTitle", () => {
  it("turns Chinese into toneless pinyin joined by hyphens, reading polyphones in context", () => {
    expect(slugFromTitle("夜班公交里的城市")).toBe("ye-ban-gong-jiao-li-de-cheng-shi");
    expect(slugFromTitle("重庆的长街")).toBe("chong-qing-de-chang-jie");
  });

  it("keeps Latin words and digits, drops punctuation, lowercases full-width letters", () => {
    expect(slugFromTitle("ＡＩ 与《2025 年》：Linux!")).toBe("ai-yu-2025-nian-linux");
  });

  it("keeps a long title's first eight words", () => {
    expect(slugFromTitle("关于科技城市阅读与日常生活的中文评论").split("-")).toHaveLength(8);
  });

  it("returns nothing usable for emoji or punctuation only", () => {
    expect(slugFromTitle("🎉！？")).toBe("");
  });
});

describe("chooseArticleSlug", () => {
  const taken = (slugs: string[]) => (slug: string) => slugs.includes(slug);
  const choose = (title: string, explicit?: string, existing: string[] = []) =>
    chooseArticleSlug({ title, explicit, day: "2025-06-18", taken: taken(existing) });

  it("prefers --slug, else the pinyin of the title", () => {
    expect(choose("夜班公交", "night-buses")).toEqual({ slug: "night-buses" });
    expect(choose("夜班公交")).toEqual({ slug: "ye-ban-gong-jiao" });
  });

  it("falls back to the day, numbered when taken, for a title without letters", () => {
    expect(choose("🎉")).toEqual({ slug: "2025-06-18" });
    expect(choose("🎉", undefined, ["2025-06-18", "2025-06-18-2"])).toEqual({ slug: "2025-06-18-3" });
  });

  it("refuses a taken slug and a malformed --slug, suggesting a fix", () => {
    expect(choose("夜班公交", undefined, ["ye-ban-gong-jiao"])).toEqual({
      error: expect.stringContaining("--slug ye-ban-gong-jiao-2"),
    });
    expect(choose("夜班公交", "Bad Slug")).toEqual({ error: expect.stringContaining("只用小写字母") });
  });
});

describe("newArticleText", () => {
  const problemsOf = (text: string) =>
    checkArticles([{ file: "x.md", id: "x", text }], {
      now: new Date("2025-06-20T12:00:00Z"),
      imageExists: () => true,
      rejectUnsafeHtml: true,
      titleWarnLength: 40,
    });

  it("is a valid draft article for the schema, whatever the title contains", () => {
    const text = newArticleText({ title: '标题: "引号" #井号', day: "2025-06-18", author: "观止编辑部" });
    expect(text).toContain("draft: true");
    expect(problemsOf(text)).toEqual([]);
  });

  it("shows the optional fields commented out, valid once uncommented", () => {
    const text = newArticleText({ title: "标题", day: "2025-06-18", author: "观止编辑部" })
      .replace(/^# (updated|description|pinned|series|seriesOrder):/gm, "$1:")
      .replace("draft: true", "draft: false");
    expect(text).toMatch(/^seriesOrder: 1 /m);
    expect(problemsOf(text)).toEqual([]);
  });
});

// Runs the real command as an author would, against a temporary articles folder.
describe("npm run new", { timeout: 90_000 }, () => {
  const newArticle = (dir: string, ...args: string[]) =>
    run(process.execPath, ["scripts/new-article.ts", ...args], {
      cwd: repoRoot,
      env: { ...process.env, ARTICLES_DIR: dir },
    });

  it("creates <pinyin>.md dated today in Shanghai and says where", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "new-article-"));
    const { stdout } = await newArticle(dir, "夜班公交里的城市");
    expect(stdout).toContain("ye-ban-gong-jiao-li-de-cheng-shi.md");
    const text = readFileSync(path.join(dir, "ye-ban-gong-jiao-li-de-cheng-shi.md"), "utf8");
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
    expect(text).toContain(`date: ${today}`);
    expect(text).toContain('title: "夜班公交里的城市"');
  });

  it("uses --slug, and never overwrites an existing .md or .mdx", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "new-article-"));
    writeFileSync(path.join(dir, "night-buses.mdx"), "原有内容");
    const failed = await newArticle(dir, "夜班公交", "--slug", "night-buses").catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stderr: string }).stderr).toContain("没有覆盖");
    expect(readFileSync(path.join(dir, "night-buses.mdx"), "utf8")).toBe("原有内容");
    expect(readdirSync(dir)).toEqual(["night-buses.mdx"]);
  });
});
