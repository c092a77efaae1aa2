/**
 * jieba's dictionary as a prefix tree over code points. Node 0 is the empty prefix; every other
 * node is a prefix of at least one word. Children are found through one open-addressing hash
 * table (typed arrays, no per-node objects): 350k words make 500k nodes, which as Maps or
 * objects would cost seconds to build and far more memory.
 */
export interface JiebaDictionary {
  /** Slots of 3 Int32: parent node, code point, child node. Parent −1 = empty slot. */
  readonly table: Int32Array;
  /** Slot count − 1 (a power of two − 1). */
  readonly mask: number;
  /** Children of the root by BMP code unit (the first step of every lookup), −1 = none. */
  readonly roots: Int32Array;
  /**
   * Per node, bit `code point & 31` is set when some child has such a code point: a walk that
   * cannot go on (most of them, one character past a word) stops without probing the table.
   */
  readonly childBits: Int32Array;
  /**
   * ln(freq) − ln(total) of the word that ends at a node; NaN when the node is only a prefix.
   * Computed in the same order as jieba-rs so sums of these compare the same way.
   */
  readonly logProbability: Float64Array;
  /** ln(1) − ln(total): the score jieba gives a character that starts no dictionary word. */
  readonly unknownLogProbability: number;
}

/**
 * Parses a jieba dictionary (`word freq [tag]` per line, as @node-rs/jieba's dict.txt). As in
 * jieba-rs, a word listed twice keeps its last frequency, a missing frequency is 0, and the total
 * is the sum over distinct words.
 */
export function loadJiebaDictionary(text: string): JiebaDictionary {
  const entries = parseEntries(text);
  // Node data is sized for the worst case (one node per code unit of the words); the table
  // grows by doubling, so it ends half empty at most: 12 MB for jieba's 500k nodes.
  const freqs = new Float64Array(entries.codeUnits + 1).fill(-1);
  const childBits = new Int32Array(entries.codeUnits + 1);
  const roots = new Int32Array(0x10000).fill(-1);
  let mask = 0xffff;
  let table = new Int32Array((mask + 1) * 3).fill(-1);
  let nodes = 1;
  const store = (parent: number, codePoint: number, child: number): void => {
    let slot = hashSlot(parent, codePoint, mask);
    while (table[slot * 3] !== -1) slot = (slot + 1) & mask;
    table[slot * 3] = parent;
    table[slot * 3 + 1] = codePoint;
    table[slot * 3 + 2] = child;
  };
  const childOf = (parent: number, codePoint: number): number => {
    if ((childBits[parent] ?? 0) & (1 << (codePoint & 31))) {
      for (let slot = hashSlot(parent, codePoint, mask); table[slot * 3] !== -1; slot = (slot + 1) & mask) {
        if (table[slot * 3] === parent && table[slot * 3 + 1] === codePoint) return table[slot * 3 + 2] ?? -1;
      }
    }
    if (2 * nodes > mask + 1) {
      const old = table;
      mask = 2 * mask + 1;
      table = new Int32Array((mask + 1) * 3).fill(-1);
      for (let at = 0; at < old.length; at += 3) {
        if (old[at] !== -1) store(old[at] ?? 0, old[at + 1] ?? 0, old[at + 2] ?? 0);
      }
    }
    store(parent, codePoint, nodes);
    if (parent === 0 && codePoint < 0x10000) roots[codePoint] = nodes;
    childBits[parent] = (childBits[parent] ?? 0) | (1 << (codePoint & 31));
    return nodes++;
  };
  for (let k = 0; k < entries.freqs.length; k++) {
    let node = 0;
    for (let i = entries.starts[k] ?? 0; i < (entries.ends[k] ?? 0);) {
      const codePoint = text.codePointAt(i) ?? 0;
      i += codePoint > 0xffff ? 2 : 1;
      node = childOf(node, codePoint);
    }
    freqs[node] = entries.freqs[k] ?? 0;
  }

  let total = 0;
  for (let node = 1; node < nodes; node++) if ((freqs[node] ?? -1) >= 0) total += freqs[node] ?? 0;
  const logTotal = Math.log(total);
  const logProbability = new Float64Array(nodes).fill(Number.NaN);
  for (let node = 1; node < nodes; node++) {
    const freq = freqs[node] ?? -1;
    if (freq >= 0) logProbability[node] = Math.log(freq) - logTotal;
  }
  return {
    table,
    mask,
    roots,
    childBits: childBits.slice(0, nodes),
    logProbability,
    unknownLogProbability: 0 - logTotal,
  };
}

/** The slot where the edge (parent, code point) is stored or its probe starts. */
export function hashSlot(parent: number, codePoint: number, mask: number): number {
  return (Math.imul(parent, 0x9e3779b1) ^ Math.imul(codePoint, 0x85ebca77)) & mask;
}

/** Where each line's word is, and its frequency (0 when missing). */
function parseEntries(text: string): {
  starts: number[];
  ends: number[];
  freqs: number[];
  codeUnits: number;
} {
  const starts: number[] = [];
  const ends: number[] = [];
  const freqs: number[] = [];
  let codeUnits = 0;
  let at = 0;
  while (at < text.length) {
    while (at < text.length && isSpace(text.charCodeAt(at))) at++;
    const start = at;
    while (at < text.length && !isSpace(text.charCodeAt(at))) at++;
    const end = at;
    while (at < text.length && isSpace(text.charCodeAt(at)) && text.charCodeAt(at) !== 0x0a) at++;
    let freq = 0;
    for (let c = text.charCodeAt(at); c >= 0x30 && c <= 0x39; c = text.charCodeAt(++at)) {
      freq = freq * 10 + (c - 0x30);
    }
    if (end > start) {
      starts.push(start);
      ends.push(end);
      freqs.push(freq);
      codeUnits += end - start;
    }
    const lineEnd = text.indexOf("\n", at);
    at = lineEnd < 0 ? text.length : lineEnd + 1;
  }
  return { starts, ends, freqs, codeUnits };
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}
