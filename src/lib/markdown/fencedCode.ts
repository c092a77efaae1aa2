/** A fenced code block: its first and last line (0-based, fences included). */
export interface FencedBlock {
  start: number;
  end: number;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;

/**
 * The one fenced-code detector (CommonMark rules), used by excerpts, reading time, related-article
 * terms and the content checks so that all of them agree on what is code. A fence is ``` or ~~~
 * (three or more) indented by at most three spaces (a backtick fence's info string holds no
 * backtick); it is closed by a fence of the same character, at least as long, with nothing after
 * it; an unclosed fence runs to the end of the body.
 */
export function fencedBlocks(lines: readonly string[]): FencedBlock[] {
  const blocks: FencedBlock[] = [];
  let open: { start: number; fence: string } | undefined;
  lines.forEach((text, index) => {
    const match = FENCE.exec(text);
    const marker = match?.[1];
    const rest = match?.[2] ?? "";
    if (open) {
      if (marker && marker[0] === open.fence[0] && marker.length >= open.fence.length && rest.trim() === "") {
        blocks.push({ start: open.start, end: index });
        open = undefined;
      }
    } else if (marker && !(marker[0] === "`" && rest.includes("`"))) {
      open = { start: index, fence: marker };
    }
  });
  if (open) blocks.push({ start: open.start, end: lines.length - 1 });
  return blocks;
}

/** For each line, whether it belongs to a fenced block. */
export function fencedLines(lines: readonly string[]): boolean[] {
  const inCode = lines.map(() => false);
  for (const { start, end } of fencedBlocks(lines)) inCode.fill(true, start, end + 1);
  return inCode;
}

/**
 * The body with each fenced block replaced by `replace(block)` (the block's lines, fences
 * included, joined with "\n"). Line breaks come out as "\n".
 */
export function replaceFencedCode(markdown: string, replace: (block: string) => string): string {
  const lines = markdown.split(/\r?\n/);
  const blocks = fencedBlocks(lines);
  if (blocks.length === 0) return lines.join("\n");
  const out: string[] = [];
  let next = 0;
  for (const { start, end } of blocks) {
    out.push(...lines.slice(next, start), replace(lines.slice(start, end + 1).join("\n")));
    next = end + 1;
  }
  out.push(...lines.slice(next));
  return out.join("\n");
}
