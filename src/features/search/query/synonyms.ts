/**
 * The editors' synonym list (content/synonyms.yaml): groups of words a reader may use for the
 * same thing (特朗普 and 川普, 磁盘 and 硬盘). The first word of a group is its standard form.
 * A query has every other member replaced by the standard form (applySynonyms); a page that uses
 * another member has the standard form added to what the index holds (indexExpansions), so
 * either word finds the page, and neither the reader's download nor the query count grows.
 *
 * The file is a strict subset of YAML, one group per line, so that every problem can name its
 * line: `- [磁盘, 硬盘, 硬碟]`; `#` starts a comment line.
 */
import { foldVariants, VARIANT_CHARACTERS, VARIANT_WORDS } from "./foldVariants.ts";
import { listLines } from "./listLines.ts";

export type SynonymGroups = readonly (readonly string[])[];

/** One problem in the synonym file, in the shape `npm run check:content` prints. */
export interface SynonymProblem {
  line: number;
  message: string;
}

const VARIANT_CONTEXT = new RegExp(
  `\\p{Script=Han}{0,4}[${Object.keys(VARIANT_CHARACTERS).join("")}]\\p{Script=Han}{0,4}`,
  "gu",
);

const LINE = /^- \[(.*)\]$/u;
const WORD = /^[\p{Script=Han}\p{L}\p{N}][\p{Script=Han}\p{L}\p{N} .+#-]*$/u;
/** Longest word accepted: a group is a word or a name, not a sentence. */
const MAX_WORD_LENGTH = 16;

/**
 * Reads the synonym file strictly: a line that is not a comment, blank or `- [a, b, …]` with two
 * or more distinct words, each at least two characters (a single character would match inside
 * unrelated words), each in one group only, is a problem, and a list with problems is not used.
 */
export function parseSynonyms(text: string): { groups: string[][]; problems: SynonymProblem[] } {
  const groups: string[][] = [];
  const problems: SynonymProblem[] = [];
  const seen = new Map<string, number>();
  listLines(text).forEach(({ line, text: trimmed }) => {
    const match = LINE.exec(trimmed);
    if (!match) {
      problems.push({ line, message: `无法识别「${trimmed}」— 每行写一组同义词，格式为 - [词语, 词语]` });
      return;
    }
    const words = match[1]!.split(/[,，]/).map((word) => word.trim());
    const problem = words
      .map((word): string | undefined => {
        if (word === "") return "有空的词语 — 删去多余的逗号";
        if (!WORD.test(word)) return `「${word}」含有标点或引号 — 只写词语本身`;
        if ([...word].length < 2) return `「${word}」只有一个字，会匹配到无关的词 — 写成完整的词语`;
        if ([...word].length > MAX_WORD_LENGTH) return `「${word}」太长 — 同义词表只收词语和名称`;
        const other = seen.get(normalizeWord(word));
        if (other !== undefined) return `「${word}」已在第 ${other} 行的一组里 — 把两组合并成一组`;
        return undefined;
      })
      .find((message) => message !== undefined);
    if (problem) {
      problems.push({ line, message: problem });
      return;
    }
    const distinct = [...new Set(words.map(normalizeWord))];
    if (distinct.length < 2) {
      problems.push({ line, message: "一组至少要有两个不同的词语 — 补上同义词或删去这一行" });
      return;
    }
    for (const word of distinct) seen.set(word, line);
    groups.push(distinct);
  });
  return { groups, problems };
}

/**
 * A word as the query and the index compare it: NFKC, lowercase, variants folded. (Traditional
 * characters are folded in the query before synonyms apply, and the articles are simplified.)
 */
export function normalizeWord(word: string): string {
  return foldVariants(word.normalize("NFKC").toLowerCase());
}

interface Lookup {
  pattern: RegExp | undefined;
  standard: Map<string, string>;
}

const lookups = new WeakMap<SynonymGroups, Lookup>();

function lookup(groups: SynonymGroups): Lookup {
  let found = lookups.get(groups);
  if (!found) {
    const standard = new Map<string, string>();
    for (const [first, ...rest] of groups) for (const word of rest) standard.set(word, first!);
    // Longest first, so 俄罗斯与乌克兰 is replaced before a shorter member inside it.
    const members = [...standard.keys()].sort((a, b) => b.length - a.length).map(wordPattern);
    found = { pattern: members.length > 0 ? new RegExp(members.join("|"), "giu") : undefined, standard };
    lookups.set(groups, found);
  }
  return found;
}

/** The query with every synonym replaced by its group's standard form (the query is normalised first). */
export function applySynonyms(query: string, groups: SynonymGroups): string {
  const { pattern, standard } = lookup(groups);
  if (!pattern) return query;
  return query.replace(pattern, (word) => standard.get(word.toLowerCase()) ?? word);
}

/**
 * Words to add to a page's indexed text so that a folded query finds it: the standard form of
 * every synonym the page uses without using the standard form itself, and the folded form of
 * every variant spelling (帐号 → 账号). Sorted, so the same page always gives the same index.
 */
export function indexExpansions(
  text: string,
  groups: SynonymGroups,
  segment: (text: string) => readonly string[],
): string[] {
  const lower = foldVariants(text.toLowerCase());
  const added = new Set<string>();
  for (const [first, ...rest] of groups) {
    if (containsWord(lower, first!)) continue;
    if (rest.some((word) => containsWord(lower, word))) added.add(first!);
  }
  // Each variant word the page writes, in its standard form: words, not characters, so that
  // 帐号 adds 账号 (which a query for 账号 asks for), where 账 alone would match nothing.
  // Only the few characters around each variant are segmented, not the whole page.
  for (const [around] of text.matchAll(VARIANT_CONTEXT)) {
    for (const word of segment(around)) {
      const folded = foldVariants(word);
      if (folded !== word) added.add(folded);
    }
  }
  for (const [from, to] of VARIANT_WORDS) if (text.includes(from)) added.add(to);
  return [...added].sort();
}

/**
 * A word as a pattern: a Latin word only whole (fed must not match inside feed), Chinese
 * anywhere, since Chinese text has no spaces between words.
 */
function wordPattern(word: string): string {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const start = /^[a-z0-9]/i.test(word) ? "(?<![a-z0-9])" : "";
  const end = /[a-z0-9]$/i.test(word) ? "(?![a-z0-9])" : "";
  return `${start}${escaped}${end}`;
}

function containsWord(text: string, word: string): boolean {
  return new RegExp(wordPattern(word), "iu").test(text);
}

/**
 * A title as the title re-rank compares it with the query: folded the way the query is, so that
 * 帐号 in a title matches a query for 账号, and 硬盘 one for 磁盘 (the query's standard form).
 */
export function comparableTitle(title: string, groups: SynonymGroups): string {
  return applySynonyms(foldVariants(title.toLowerCase()), groups);
}
