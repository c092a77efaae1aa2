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
  let fence: string | undefined;
  body.split(/\r?\n/).forEach((text, index) => {
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(text)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      return;
    }
    if (marker) {
      fence = marker;
      return;
    }
    // Backslash escapes (\<script\>) print as text, like code spans: blank both.
    const prose = text.replace(/\\[!-~]/g, "  ").replace(/(`+)[^`]*?\1/g, (code) => " ".repeat(code.length));
    lines.push({ line: bodyLine + index, text: prose });
  });
  return lines;
}
