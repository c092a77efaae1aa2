import { z } from "astro/zod";
import { SITE } from "../../config.ts";
import { toSiteDate } from "../dates.ts";

/** Messages say what is wrong and how to fix it; Astro prefixes them with the file and field. */
const FIELDS = "title, date, updated, author, tags, description, draft, related, pinned, series, seriesOrder";

const articleDate = (field: string) =>
  z.coerce
    .date({
      error: `${field} 必须是日期 — 例如 2025-03-01，或 2025-03-01T20:30:00+08:00`,
    })
    .transform(toSiteDate);

/**
 * The article frontmatter schema, shared by the content collection (src/content.config.ts) and
 * `npm run check:content`, so that the checker and the build can never disagree on what is valid.
 */
export const articleSchema = z
  .strictObject(
    {
      title: z
        .string({ error: '缺少标题 — 请在 frontmatter 中加上 title: "文章标题"' })
        .trim()
        .min(1, "标题不能为空 — 请写上文章标题")
        .max(120, "标题超过 120 个字符 — 请缩短，把细节留给 description")
        .describe("The article's title: the page's <h1>, <title> and link text."),
      date: articleDate("date").describe(
        "Publication date: 2025-03-01 (that day in the site's time zone) or a datetime with an offset. A future date schedules the article.",
      ),
      updated: articleDate("updated")
        .optional()
        .describe("Date of the last significant revision, shown beside the publication date."),
      author: z
        .string({ error: 'author 必须是文字 — 例如 author: "张三"' })
        .trim()
        .min(1, "author 不能为空 — 删去这一行即使用默认作者")
        .default(SITE.defaultAuthor)
        .describe("Author's display name; defaults to the site's default author."),
      tags: z
        .array(z.string().trim().min(1, "标签不能为空字符串 — 删去列表中空的那一项"), {
          error: 'tags 必须是列表 — 例如 tags: ["城市", "阅读"]',
        })
        .default([])
        .describe("Topic tags; each gets a page under /tags/."),
      description: z
        .string({ error: 'description 必须是文字 — 例如 description: "一两句话的摘要"（含冒号、引号时整体加双引号）' })
        .trim()
        .min(1, "description 不能为空 — 删去这一行即自动从正文摘取")
        .max(300, "description 超过 300 个字符 — 请写成一两句话的摘要")
        .optional()
        .describe(
          "One- or two-sentence summary for lists, search results and feeds; else cut from the body.",
        ),
      draft: z
        .boolean({ error: "draft 只能是 true 或 false — 写成 draft: true，不加引号" })
        .default(false)
        .describe("A draft is shown by `npm run dev` only and never published."),
      related: z
        .array(z.string().trim().min(1, "related 中的文章 id 不能为空字符串 — 删去列表中空的那一项"), {
          error: "related 必须是文章 id 的列表 — 例如 related: [\"city-night-buses\"]（文件名，不含扩展名）",
        })
        .default([])
        .describe(
          "Ids (file names without extension) of articles to list first under 相关文章, in this order. An unknown id fails the build.",
        ),
      pinned: z
        .boolean({ error: "pinned 只能是 true 或 false — 写成 pinned: true，不加引号" })
        .default(false)
        .describe("置顶: listed first on the home page, with a 置顶 mark, and not again further down."),
      series: z
        .string({ error: 'series 必须是文字 — 例如 series: "城市观察"' })
        .trim()
        .min(1, "series 不能为空 — 删去这一行即不属于任何系列")
        .max(60, "series 超过 60 个字符 — 系列名会出现在每一篇的系列框里，请缩短")
        .optional()
        .describe(
          "The series (专题) this article belongs to: its parts share a page at /series/<name>/ and a 本系列共 N 篇 box.",
        ),
      seriesOrder: z
        .number({ error: "seriesOrder 必须是正整数 — 例如 seriesOrder: 2，不加引号" })
        .int("seriesOrder 必须是整数 — 例如 seriesOrder: 2")
        .min(1, "seriesOrder 从 1 开始 — 第一篇写 seriesOrder: 1")
        .max(9999, "seriesOrder 不能超过 9999")
        .optional()
        .describe(
          "This part's place in its series (1, 2, …); parts without one follow, oldest first. Two parts with the same number fail the check.",
        ),
    },
    {
      error: (issue) =>
        issue.code === "unrecognized_keys"
          ? `未知字段 ${issue.keys.join(", ")} — 是否拼错了？可用字段：${FIELDS}`
          : undefined,
    },
  )
  .refine((data) => !data.updated || data.updated >= data.date, {
    message: "updated 早于 date — 更新日期应不早于发布日期",
    path: ["updated"],
  })
  .refine((data) => data.seriesOrder === undefined || data.series !== undefined, {
    message: 'seriesOrder 只在系列中有意义 — 请同时写上 series: "系列名"，或删去 seriesOrder',
    path: ["seriesOrder"],
  });
