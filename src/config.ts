import type { CommentsProvider } from "./lib/comments/resolveComments.ts";

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
  /** How many of the most used tags the sidebar of list pages (home, tags, authors, archive) shows. */
  sidebarTagCount: 12,
  /** How many entries the 相关文章 sidebar list shows. */
  relatedCount: 5,
  /** Chinese reading speed used for reading time, in Han characters per minute. */
  hanCharsPerMinute: 400,
  /** Reading speed for Latin-script text, in words per minute. */
  latinWordsPerMinute: 200,
  /**
   * Raw HTML in article bodies is allowed (authors are trusted committers), but `<script>`,
   * `on…=` handlers, `javascript:` URLs and `<iframe>` are reported by `npm run check:content`.
   * With this on they also fail the build. `REJECT_UNSAFE_HTML=1` turns it on for one build.
   */
  rejectUnsafeHtml: process.env["REJECT_UNSAFE_HTML"] === "1",
  /** Title length (characters) above which `npm run check:content` warns; the schema rejects over 120. */
  titleWarnLength: 40,
  /** How many of the newest articles /rss.xml carries, each with its full text. */
  feedSize: 30,
  /** An article gets a 目录 (table of contents) when it has at least this many h2/h3 headings. */
  tocMinHeadings: 3,
  /**
   * Draw a 1200×630 sharing image per article (/og/<id>.png, og:image). Costs ~30 ms an article
   * on a cold build (cached afterwards in .cache/social-images); turn off for very
   * large sites or fast previews.
   */
  socialImages: true as boolean,
  /**
   * Comments under articles (a 发表评论 section) and comment counts in article lists.
   * `provider`: "none" (default: nothing shown, no request made) or "waline" (a self-hosted
   * Waline server, see README “Comments”; "giscus" is reserved, not built yet). `serverURL`: the
   * Waline server's address, required for "waline"; the page may talk to its origin and no other.
   * COMMENTS_PROVIDER and COMMENTS_SERVER_URL override both for one build. Checked when the build
   * starts (resolveComments): a wrong setting fails it with the fix.
   */
  comments: {
    provider: (process.env["COMMENTS_PROVIDER"] ?? "none") as CommentsProvider,
    serverURL: process.env["COMMENTS_SERVER_URL"] ?? "",
    /**
     * 热门文章 (with comments on): the `size` most viewed of the newest `candidates` articles.
     * Their view counts come in one request, so `candidates` bounds its length.
     */
    popular: { candidates: 30, size: 5 },
  },
} as const;

export type SiteConfig = typeof SITE;
