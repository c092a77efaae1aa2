import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { checkArticleBody } from "../../src/lib/content/checkArticleBody.ts";
import { checkArticleData } from "../../src/lib/content/checkArticleData.ts";
import { checkArticleImages } from "../../src/lib/content/checkArticleImages.ts";
import { checkArticles, type ArticleFile } from "../../src/lib/content/checkArticles.ts";
import { findDuplicateIds } from "../../src/lib/content/findDuplicateIds.ts";
import { findUnsafeHtml } from "../../src/lib/content/findUnsafeHtml.ts";
import { formatProblem } from "../../src/lib/content/formatProblem.ts";
import { proseLines } from "../../src/lib/content/proseLines.ts";
import { splitArticleFile } from "../../src/lib/content/splitArticleFile.ts";
import { repoRoot } from "../support/paths.ts";

const NOW = new Date("2025-06-01T00:00:00Z");
const article = (front: string, body = "正文。") => `---\n${front}\n---\n\n${body}\n`;

describe("splitArticleFile", () => {
  it("finds each field's line and where the body starts", () => {
    const parts = splitArticleFile(article('title: "标题"\ndate: 2025-01-01', "第一行"));
    expect(parts.fieldLines.get("title")).toBe(2);
    expect(parts.fieldLines.get("date")).toBe(3);
    expect(parts.bodyLine).toBe(5);
    expect(parts.body.split("\n")[parts.bodyLine - 5 + 1]).toBe("第一行");
  });

  it("reports no frontmatter when the file does not start with ---", () => {
    expect(splitArticleFile("正文").frontmatter).toBeUndefined();
  });
});

describe("checkArticleData", () => {
  const check = (front: string) => checkArticleData("a.md", splitArticleFile(article(front)), NOW);

  it("accepts a valid article", () => {
    expect(check('title: "标题"\ndate: 2025-01-01').problems).toEqual([]);
  });

  it("points a misspelt field at its own line, with the list of fields", () => {
    const [problem] = check('title: "标题"\ndate: 2025-01-01\ntitel: x').problems;
    expect(problem).toMatchObject({ line: 4, field: "titel", severity: "error" });
    expect(problem?.message).toContain("可用字段");
  });

  it("uses the schema's messages: missing title, tags not a list, quoted draft", () => {
    const problems = check('date: 2025-01-01\ntags: 城市\ndraft: "yes"').problems;
    expect(problems.map((p) => [p.field, p.line])).toEqual([
      ["title", 1],
      ["tags", 3],
      ["draft", 4],
    ]);
    expect(problems[1]?.message).toContain('tags: ["城市", "阅读"]');
  });

  it("reports an impossible date once, with the precise message", () => {
    const problems = check('title: "标题"\ndate: 2025-02-30').problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toContain("2 月没有 30 日");
  });

  it("checks pinned, series and seriesOrder strictly, each at its line", () => {
    expect(
      check('title: "标题"\ndate: 2025-01-01\npinned: true\nseries: "笔记"\nseriesOrder: 2').problems,
    ).toEqual([]);
    const problems = check(
      'title: "标题"\ndate: 2025-01-01\npinned: "yes"\nseries: ""\nseriesOrder: 1.5',
    ).problems;
    expect(problems.map((p) => [p.field, p.line])).toEqual([
      ["pinned", 4],
      ["series", 5],
      ["seriesOrder", 6],
    ]);
    expect(problems[0]?.message).toContain("pinned: true");
    const orphan = check('title: "标题"\ndate: 2025-01-01\nseriesOrder: 2').problems;
    expect(orphan).toEqual([expect.objectContaining({ field: "seriesOrder", line: 4, severity: "error" })]);
    expect(orphan[0]?.message).toContain("series:");
  });

  it("names the line of broken YAML", () => {
    const [problem] = check('title: "标题\ndate: 2025-01-01').problems;
    expect(problem?.field).toBe("frontmatter");
    expect(problem?.message).toContain("YAML 格式错误");
  });

  it("warns, without failing, about a future date on a non-draft", () => {
    const problems = check('title: "标题"\ndate: 2030-01-01').problems;
    expect(problems).toEqual([expect.objectContaining({ field: "date", line: 3, severity: "warning" })]);
    expect(problems[0]?.message).toContain("2030-01-01T00:00:00+08:00");
    expect(check('title: "标题"\ndate: 2030-01-01\ndraft: true').problems).toEqual([]);
  });
});

describe("proseLines and findUnsafeHtml", () => {
  const body = [
    "普通文字 `<script>` 在代码里。",
    "```html",
    "<script>alert(1)</script>",
    "```",
    "\\<script\\> 是转义的文字。",
    "<script>alert(1)</script>",
    '<img src="a.png" alt="图" onerror="alert(1)">',
    '<iframe src="https://example.org"></iframe>',
    "[点我](javascript:alert(1))",
    '<a href="JavaScript:alert(1)">x</a>',
  ].join("\n");

  it("skips code blocks, code spans and escapes, keeping file line numbers", () => {
    const lines = proseLines(body, 10);
    expect(lines.map((l) => l.line)).toEqual([10, 14, 15, 16, 17, 18, 19]);
    expect(lines[0]?.text).not.toContain("<script>");
  });

  it("flags <script>, on…= handlers, <iframe> and javascript: URLs, each on its line", () => {
    expect(findUnsafeHtml(proseLines(body, 10))).toEqual([
      { line: 15, what: "<script> 标签" },
      { line: 16, what: "on…= 事件处理属性" },
      { line: 17, what: "<iframe> 嵌入" },
      { line: 18, what: "javascript: 链接" },
      { line: 19, what: "javascript: 链接" },
    ]);
  });

  it("does not flag prose that merely mentions these words", () => {
    expect(
      findUnsafeHtml(proseLines("讨论 javascript: 协议与 onload 事件，以及 iframe 的历史。", 1)),
    ).toEqual([]);
  });
});

describe("checkArticleImages", () => {
  const lines = proseLines(
    '![](./a.png)\n![图表](./missing.png)\n<img src="/logo.svg">\n![远程](https://x.org/a.png)',
    6,
  );
  const problems = checkArticleImages("a.md", lines, (src) => src === "./a.png" || src === "/logo.svg");

  it("requires alt text on Markdown and HTML images", () => {
    expect(problems.filter((p) => p.message.includes("替代文字")).map((p) => p.line)).toEqual([6, 8]);
  });

  it("reports a local image that does not exist, never a remote one", () => {
    expect(problems.filter((p) => p.message.includes("找不到图片")).map((p) => p.line)).toEqual([7]);
  });

  it("can check existence only (the build does not fail on alt text)", () => {
    expect(checkArticleImages("a.md", lines, () => true, { requireAlt: false })).toEqual([]);
  });
});

describe("checkArticleBody", () => {
  const context = {
    articles: new Map([
      ["night-buses", { published: true }],
      ["draft-one", { published: false }],
    ]),
    tagSlugs: new Set(["城市", "linux"]),
    imageExists: () => true,
  };
  const check = (body: string) => checkArticleBody("a.md", body, proseLines(body, 5), context);

  it("accepts links to published articles and existing tags, however spelt", () => {
    expect(check("[a](/articles/night-buses/) [b](/tags/%E5%9F%8E%E5%B8%82/) [c](/tags/Linux/#x)")).toEqual(
      [],
    );
  });

  it("reports links to unknown articles, drafts and unknown tags", () => {
    const problems = check(
      '[a](/articles/nope/)\n[b](/articles/draft-one/)\n<a href="/tags/无此标签/">c</a>',
    );
    expect(problems.map((p) => [p.line, p.message.split(" ")[1]])).toEqual([
      [5, "/articles/nope/"],
      [6, "/articles/draft-one/"],
      [7, "/tags/无此标签/"],
    ]);
    expect(problems[0]?.message).toContain("不存在的文章");
    expect(problems[1]?.message).toContain("草稿");
  });

  it("reports an empty body (comments and MDX imports do not count)", () => {
    expect(check("\n<!-- 待写 -->\nimport X from './x.astro';\n")[0]?.message).toContain("正文为空");
  });
});

describe("findDuplicateIds", () => {
  it("reports both files when a.md and a.mdx (or a nested a.md) share an id", () => {
    const problems = findDuplicateIds([
      { file: "a.md", id: "a" },
      { file: "b.md", id: "b" },
      { file: "old/a.mdx", id: "a" },
    ]);
    expect(problems.map((p) => p.file)).toEqual(["a.md", "old/a.mdx"]);
    expect(problems[0]?.message).toContain("old/a.mdx");
  });
});

describe("checkArticles", () => {
  const files: ArticleFile[] = [
    {
      file: "a.md",
      id: "a",
      text: article('title: "甲"\ndate: 2025-01-01\ntags: ["城市"]\nrelated: ["b", "ghost"]'),
    },
    {
      file: "b.md",
      id: "b",
      text: article(
        'title: "乙"\ndate: 2025-01-01',
        "见[甲](/articles/a/)与[标签](/tags/城市/)。<script>x()</script>",
      ),
    },
  ];
  const options = { now: NOW, imageExists: () => true, rejectUnsafeHtml: false, titleWarnLength: 40 };

  it("reports unknown related ids at the related line", () => {
    const problems = checkArticles(files, options);
    expect(problems.filter((p) => p.severity === "error")).toEqual([
      expect.objectContaining({ file: "a.md", line: 5, field: "related" }),
    ]);
    expect(problems[0]?.message).toContain("ghost");
  });

  it("warns about unsafe HTML, and makes it an error when the build would reject it", () => {
    const warn = checkArticles(files, options).filter((p) => p.file === "b.md");
    expect(warn.map((p) => p.severity)).toEqual(["warning"]);
    const strict = checkArticles(files, { ...options, rejectUnsafeHtml: true }).filter(
      (p) => p.file === "b.md",
    );
    expect(strict.map((p) => p.severity)).toEqual(["error"]);
  });

  it("reports two parts of a series with the same seriesOrder, at each file's seriesOrder line", () => {
    const parts = ["x", "y"].map((id) => ({
      file: `${id}.md`,
      id,
      text: article(`title: "${id}"\ndate: 2025-01-01\nseries: "笔记"\nseriesOrder: 1`),
    }));
    const problems = checkArticles(parts, options);
    expect(problems).toEqual([
      expect.objectContaining({ file: "x.md", line: 5, field: "seriesOrder", severity: "error" }),
      expect.objectContaining({ file: "y.md", line: 5, field: "seriesOrder", severity: "error" }),
    ]);
    expect(problems[0]?.message).toContain("y.md 也是第 1 篇");
  });

  it("warns about a long title", () => {
    const long = [{ file: "c.md", id: "c", text: article(`title: "${"长".repeat(41)}"\ndate: 2025-01-01`) }];
    expect(checkArticles(long, options)).toEqual([
      expect.objectContaining({ field: "title", severity: "warning" }),
    ]);
  });
});

describe("formatProblem", () => {
  it("prints file:line: field: message, marking warnings", () => {
    const problem = { file: "a.md", line: 3, field: "date", message: "错 — 改", severity: "error" as const };
    expect(formatProblem(problem)).toBe("a.md:3: date: 错 — 改");
    expect(formatProblem({ ...problem, severity: "warning" })).toBe("a.md:3: date: （提醒）错 — 改");
  });
});

// The command itself, as an author runs it, over the broken fixtures of the build tests.
describe("npm run check:content", () => {
  it(
    "prints file:line: field: problem — fix and a summary, exiting 1 on errors",
    { timeout: 90_000 },
    async () => {
      const failed = await promisify(execFile)(process.execPath, ["scripts/check-content.ts"], {
        cwd: repoRoot,
        env: { ...process.env, ARTICLES_DIR: "tests/fixtures/broken" },
      }).catch((error: { code: number; stdout: string }) => error);
      expect(failed).toMatchObject({ code: 1 });
      expect((failed as { stdout: string }).stdout.trim().split("\n")).toEqual([
        "tests/fixtures/broken/missing-image.md:8: body: 找不到图片文件 ./images/no-such-chart.png — 路径相对于文章所在目录（如 ./images/chart.svg），以 / 开头则相对于 public/",
        "tests/fixtures/broken/series-clash-first.md:5: seriesOrder: 系列“重复序号的系列”中 seriesOrder: 1 重复（tests/fixtures/broken/series-clash-second.md 也是第 1 篇）— 请给每一篇不同的序号",
        "tests/fixtures/broken/series-clash-second.md:5: seriesOrder: 系列“重复序号的系列”中 seriesOrder: 1 重复（tests/fixtures/broken/series-clash-first.md 也是第 1 篇）— 请给每一篇不同的序号",
        'tests/fixtures/broken/unsafe-html.md:8: body: （提醒）<img src="/favicon.svg"> 没有写 width 和 height — 图片加载时正文会跳动；请加上图片的像素尺寸（如 width="1200" height="800"），或改用 Markdown 写法 ![描述](/favicon.svg)，构建会自动处理',
        "tests/fixtures/broken/unsafe-html.md:8: body: （提醒）正文含有 on…= 事件处理属性，会在读者的浏览器里执行或嵌入外站内容 — 请删去，或放进代码块里展示",
        "检查了 5 篇文章：3 个错误，2 个提醒。",
      ]);
    },
  );
});
