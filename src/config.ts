/**
 * Site settings: the one place to change the site's name, address, language, time zone and
 * list sizes. Documented in README.md ("Configuration"). Read everywhere; never duplicated.
 */
export const SITE = {
  /** Shown in the header, the <title> of every page and the feeds. */
  title: "观止评论",
  /** The site's one-line description: home page <meta name="description"> and feeds. */
  description: "关于科技、城市、阅读与日常生活的中文评论。",
  /** Absolute origin the site is served from; used for canonical URLs, feeds and the sitemap. */
  url: process.env["SITE_URL"] ?? "https://example.com",
  /** BCP 47 language of every page. Pagefind segments Chinese only when this starts with "zh". */
  lang: "zh-CN",
  /** Dates are shown, and date-only frontmatter values are read, in this IANA time zone. */
  timeZone: "Asia/Shanghai",
  /** Used when an article's frontmatter names no author. */
  defaultAuthor: "观止编辑部",
  /** Articles per page on the index (/ and /page/N/). */
  pageSize: 10,
  /** Length of a cut excerpt, in user-perceived characters (graphemes), before the "…". */
  excerptLength: 75,
  /** How many entries the 相关文章 sidebar list shows. */
  relatedCount: 5,
  /** Chinese reading speed used for reading time, in Han characters per minute. */
  hanCharsPerMinute: 400,
  /** Reading speed for Latin-script text, in words per minute. */
  latinWordsPerMinute: 200,
} as const;

export type SiteConfig = typeof SITE;
