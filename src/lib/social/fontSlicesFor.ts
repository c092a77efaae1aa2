/**
 * Which slices of a split web font are needed to draw `text`. @fontsource packages cut a CJK
 * font into ~100 files by Unicode range (their unicode.json: slice name → CSS unicode-range);
 * loading only the slices that hold the text's characters keeps each social image's font to a
 * few hundred KB instead of the whole 10 MB face. Slices come back in the order given.
 */
export function fontSlicesFor(text: string, ranges: Readonly<Record<string, string>>): string[] {
  const codePoints = new Set([...text.replace(/\s/gu, "")].map((c) => c.codePointAt(0)!));
  return Object.entries(ranges)
    .filter(([, range]) => {
      const intervals = range.split(",").map((part) => {
        const [from = "0", to = from] = part.trim().replace(/^U\+/i, "").split("-");
        return [parseInt(from, 16), parseInt(to, 16)] as const;
      });
      return [...codePoints].some((cp) => intervals.some(([from, to]) => cp >= from && cp <= to));
    })
    .map(([name]) => name);
}
