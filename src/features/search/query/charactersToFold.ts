/** An OpenCC dictionary: "key value|key value…" as opencc-js serializes it, or [key, value] pairs. */
export type Dictionary = string | readonly (readonly [string, string])[];

/**
 * The characters whose presence can make an OpenCC conversion change a text, given the two
 * stages of dictionaries it applies (opencc-js's `from` then `to` group). A text with none of
 * them comes out of the converter unchanged, so the dictionaries need not be loaded for it.
 *
 * Why this holds: a stage changes a text only where a key whose value differs from it matches.
 * The set holds, of every such key of the second stage, the characters its value replaces (樑 of
 * 樑 → 梁, 覆 of 反覆 → 反复; all of them when key and value differ in length), so with none of
 * them the second stage changes nothing. The same goes for the first stage, except for what the
 * second stage always reverts: the tw stage turns 什么 into 什麼 and 核 into 覈, and every cn key
 * with 麼 or 覈 in it turns that character back into 么 or 核. Leaving those out keeps common
 * simplified words (什么, 内核) from loading the dictionaries for nothing.
 */
export function charactersToFold(first: readonly Dictionary[], second: readonly Dictionary[]): string[] {
  const later = second.flatMap(dictionaryEntries);
  // For each character, what the second stage's keys turn it into wherever it occurs.
  const becomes = new Map<string, Set<string>>();
  for (const [key, value] of later) {
    const [from, to] = [[...key], [...value]];
    from.forEach((char, index) => {
      const into = becomes.get(char) ?? becomes.set(char, new Set()).get(char)!;
      into.add(from.length === to.length ? to[index]! : "");
    });
  }
  const revertedLater = (from: string, to: string) => {
    const into = becomes.get(to);
    return into !== undefined && into.size === 1 && into.has(from);
  };

  const set = new Set<string>();
  const add = ([key, value]: readonly [string, string], reverted: (from: string, to: string) => boolean) => {
    const [from, to] = [[...key], [...value]];
    if (from.length !== to.length) from.forEach((char) => set.add(char));
    else from.forEach((char, index) => char !== to[index] && !reverted(char, to[index]!) && set.add(char));
  };
  for (const entry of later) add(entry, () => false);
  for (const entry of first.flatMap(dictionaryEntries)) add(entry, revertedLater);
  return [...set].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!);
}

/** The [key, value] pairs of a dictionary in either of its forms. */
export function dictionaryEntries(dictionary: Dictionary): (readonly [string, string])[] {
  if (typeof dictionary !== "string") return [...dictionary];
  return dictionary
    .split("|")
    .filter(Boolean)
    .map((entry) => {
      const [key = "", ...values] = entry.split(" ");
      return [key, values.join(" ")] as const;
    });
}
