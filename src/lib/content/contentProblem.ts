/** One problem `npm run check:content` (or the build) reports about an article. */
export interface ContentProblem {
  /** The article's path as the author sees it, relative to the working directory. */
  file: string;
  /** 1-based line in the file. */
  line: number;
  /** The frontmatter field, or "body" for the Markdown below it, or "file". */
  field: string;
  /** What is wrong — how to fix it (one line, in Chinese). */
  message: string;
  /** Errors fail the check; warnings (a scheduled article) are only shown. */
  severity: "error" | "warning";
}
