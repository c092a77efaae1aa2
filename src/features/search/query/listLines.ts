/**
 * The lines of an editors' list (synonyms.yaml, lexicon.yaml) that hold an entry: trimmed, with
 * their 1-based line numbers for messages; blank lines and `#` comments left out.
 */
export function listLines(text: string): { line: number; text: string }[] {
  return text
    .split(/\r?\n/)
    .map((raw, index) => ({ line: index + 1, text: raw.trim() }))
    .filter(({ text: entry }) => entry !== "" && !entry.startsWith("#"));
}
