import { fencedLines } from "../markdown/fencedCode.ts";

export interface ProseLine {
  /** 1-based line in the article file. */
  line: number;
  /** The line with inline code spans blanked out. */
  text: string;
}

/**
 * The body's lines that Markdown renders as prose or HTML: fenced code blocks are left out and
 * inline `code` and backslash escapes are blanked, so an article that shows `<script>` as code is not flagged for it.
 * Line numbers are the file's, for messages. Limit: indented (4-space) code blocks are scanned.
 */
export function proseLines(body: string, bodyLine: number): ProseLine[] {
  const lines: ProseLine[] = [];
  const all = body.split(/\r?\n/);
  const inCode = fencedLines(all);
  all.forEach((text, index) => {
    if (inCode[index]) return;
    // Backslash escapes (\<script\>) print as text, like code spans: blank both.
    const prose = text.replace(/\\[!-~]/g, "  ").replace(/(`+)[^`]*?\1/g, (code) => " ".repeat(code.length));
    lines.push({ line: bodyLine + index, text: prose });
  });
  return lines;
}
