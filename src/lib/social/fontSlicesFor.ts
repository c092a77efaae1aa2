/** Every interval of every slice, sorted by start, for a binary search per character. */
interface RangeTable {
  names: string[];
  starts: number[];
  ends: number[];
  /** Largest end among intervals 0..i: where a walk back for overlapping intervals can stop. */
  reach: number[];
  slices: number[];
}

/** Parsing a slice table's ~10,000 CSS ranges took longer than drawing the card, so once per table. */
const tables = new WeakMap<Readonly<Record<string, string>>, RangeTable>();

function tableOf(ranges: Readonly<Record<string, string>>): RangeTable {
  const known = tables.get(ranges);
  if (known) return known;
  const names = Object.keys(ranges);
  const intervals = names.flatMap((name, slice) =>
    ranges[name]!.split(",").map((part) => {
      const [from = "0", to = from] = part.trim().replace(/^U\+/i, "").split("-");
      return { start: parseInt(from, 16), end: parseInt(to, 16), slice };
    }),
  );
  intervals.sort((a, b) => a.start - b.start || a.slice - b.slice);
  let reach = -1;
  const table = {
    names,
    starts: intervals.map((i) => i.start),
    ends: intervals.map((i) => i.end),
    reach: intervals.map((i) => (reach = Math.max(reach, i.end))),
    slices: intervals.map((i) => i.slice),
  };
  tables.set(ranges, table);
  return table;
}

/** Adds to `found` every slice with an interval holding `cp`. */
function collectSlices(table: RangeTable, cp: number, found: Set<number>): void {
  // Last interval starting at or before cp, then back over every earlier one that may still
  // reach cp (slices' ranges are short and rarely overlap: a few steps).
  let low = 0;
  let high = table.starts.length - 1;
  let last = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (table.starts[mid]! <= cp) {
      last = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  for (let i = last; i >= 0 && table.reach[i]! >= cp; i--) {
    if (table.ends[i]! >= cp) found.add(table.slices[i]!);
  }
}

/**
 * Which slices of a split web font are needed to draw `text`. @fontsource packages cut a CJK
 * font into ~100 files by Unicode range (their unicode.json: slice name → CSS unicode-range);
 * loading only the slices that hold the text's characters keeps each social image's font to a
 * few hundred KB instead of the whole 10 MB face. Slices come back in the order given.
 */
export function fontSlicesFor(text: string, ranges: Readonly<Record<string, string>>): string[] {
  const table = tableOf(ranges);
  const found = new Set<number>();
  for (const char of new Set(text.replace(/\s/gu, ""))) collectSlices(table, char.codePointAt(0)!, found);
  return [...found].sort((a, b) => a - b).map((slice) => table.names[slice]!);
}
