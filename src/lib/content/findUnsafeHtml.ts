import type { ProseLine } from "./proseLines.ts";

export interface UnsafeHtml {
  line: number;
  /** What was found, as a short label for the message. */
  what: string;
}

// Each hazard runs code in a reader's browser or embeds another site; none is needed for
// commentary. Matched only outside code (see proseLines), case-insensitively as browsers do.
const HAZARDS: readonly [RegExp, string][] = [
  [/<script\b/i, "<script> 标签"],
  [/<iframe\b/i, "<iframe> 嵌入"],
  [/<[a-z][^>]*?\son[a-z]+\s*=/i, "on…= 事件处理属性"],
  [/(?:\b(?:href|src|action|formaction)\s*=\s*["']?|\]\(\s*<?)\s*javascript:/i, "javascript: 链接"],
];

/** Raw HTML in an article body that would run script or embed a page (see HAZARDS). */
export function findUnsafeHtml(lines: readonly ProseLine[]): UnsafeHtml[] {
  return lines.flatMap(({ line, text }) =>
    HAZARDS.filter(([pattern]) => pattern.test(text)).map(([, what]) => ({ line, what })),
  );
}
