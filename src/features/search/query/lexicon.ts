/**
 * The readers' lexicon (content/lexicon.yaml): the everyday words a reader types for what the
 * articles call by a technical term — 删掉 for 删除, 开机 for 启动, 黑窗口 for 终端. One way only,
 * and at query time only (expandQuery.ts): the query keeps the reader's word and also asks for the
 * terms, so nothing is added to the index and a technical query is never widened.
 *
 * The file is a strict subset of YAML, one term per line, so that every problem can name its line:
 * `删除: [删掉, 去掉, 删]`; `#` starts a comment line.
 */
import { normalizeWord, type SynonymProblem } from "./synonyms.ts";
import { listLines } from "./listLines.ts";
import { QUESTION_WORDS } from "./normalizeQuery.ts";

/**
 * Terms searched for one everyday word, first listed first: each is a Pagefind search and may
 * be an index chunk to fetch. 3 scored as well as no limit on the tuning set (docs/search.md).
 * A word listed for more terms is a problem: the ones after the third would never be searched.
 */
export const MAX_TERMS = 3;

export type LexiconProblem = SynonymProblem;

export interface Lexicon {
  /** Everyday word (normalised) → the terms it may stand for, in file order. */
  readonly terms: ReadonlyMap<string, readonly string[]>;
  /** Every term (normalised): a term in a query is kept as it is, never read as an everyday word. */
  readonly technical: ReadonlySet<string>;
}

const LINE = /^([^:：#]+)[:：]\s*\[(.*)\]$/u;
const WORD = /^[\p{Script=Han}\p{L}\p{N}][\p{Script=Han}\p{L}\p{N} .+#_-]*$/u;
/** A term or an everyday phrase, not a sentence. */
const MAX_WORD_LENGTH = 16;

/**
 * Reads the lexicon strictly. A line that is not a comment, blank or `术语: [说法, …]` is a
 * problem; so is a term shorter than two characters (it would match inside unrelated words) or
 * listed twice, an everyday word that is also a term (a chain 装 → 安装 → 部署 would widen a
 * technical query; near-synonymous terms belong in synonyms.yaml), a word repeated in its line,
 * and punctuation. A lexicon with problems is not used.
 */
export function parseLexicon(text: string): { lexicon: Lexicon; problems: LexiconProblem[] } {
  const problems: LexiconProblem[] = [];
  const rows: { line: number; term: string; everyday: string[] }[] = [];
  const termLine = new Map<string, number>();
  listLines(text).forEach(({ line, text: trimmed }) => {
    const match = LINE.exec(trimmed);
    if (!match) {
      problems.push({ line, message: `无法识别「${trimmed}」— 每行写一个术语，格式为 术语: [说法, 说法]` });
      return;
    }
    const term = match[1]!.trim();
    const everyday = match[2]!.split(/[,，]/).map((word) => word.trim());
    const problem =
      checkWord(term) ??
      ([...term].length < 2 ? `术语「${term}」只有一个字，会匹配到无关的词 — 写成完整的术语` : undefined) ??
      (termLine.has(normalizeWord(term))
        ? `术语「${term}」已在第 ${termLine.get(normalizeWord(term))} 行 — 把两行合并成一行`
        : undefined) ??
      everyday.map(checkWord).find((message) => message !== undefined) ??
      (new Set(everyday.map(normalizeWord)).size < everyday.length
        ? "这一行有重复的说法 — 删去重复的"
        : undefined) ??
      (everyday.some((word) => normalizeWord(word) === normalizeWord(term))
        ? `说法和术语「${term}」相同 — 删去它`
        : undefined);
    if (problem) {
      problems.push({ line, message: problem });
      return;
    }
    termLine.set(normalizeWord(term), line);
    rows.push({ line, term, everyday });
  });
  const terms = new Map<string, string[]>();
  for (const { line, term, everyday } of rows) {
    const alsoTerm = everyday.find((word) => termLine.has(normalizeWord(word)));
    if (alsoTerm !== undefined) {
      problems.push({
        line,
        message: `「${alsoTerm}」是第 ${termLine.get(normalizeWord(alsoTerm))} 行的术语，不能再当说法 — 术语之间的同义写进 synonyms.yaml`,
      });
      continue;
    }
    // The query loses its question words before the lexicon is read (normalizeQuery), so a
    // word holding one (有哪些, 叫什么) could never match.
    const asks = everyday.flatMap((word) => {
      const question = QUESTION_WORDS.find((q) => word.includes(q));
      return question ? [{ word, question }] : [];
    })[0];
    if (asks !== undefined) {
      problems.push({
        line,
        message: `「${asks.word}」含有问句词「${asks.question}」，搜索前会被去掉，这个说法永远匹配不到 — 换个不带它的说法`,
      });
      continue;
    }
    const full = everyday.find((word) => (terms.get(normalizeWord(word))?.length ?? 0) >= MAX_TERMS);
    if (full !== undefined) {
      const lines = terms
        .get(normalizeWord(full))!
        .map((t) => termLine.get(t))
        .join("、");
      problems.push({
        line,
        message: `「${full}」已是 ${MAX_TERMS} 个术语的说法（第 ${lines} 行），搜索只用前 ${MAX_TERMS} 个 — 从这一行删去它`,
      });
      continue;
    }
    for (const word of everyday.map(normalizeWord)) {
      const list = terms.get(word) ?? [];
      list.push(normalizeWord(term));
      terms.set(word, list);
    }
  }
  return { lexicon: { terms, technical: new Set(termLine.keys()) }, problems };
}

function checkWord(word: string): string | undefined {
  if (word === "") return "有空的词语 — 删去多余的逗号";
  if (!WORD.test(word)) return `「${word}」含有标点或引号 — 只写词语本身`;
  if ([...word].length > MAX_WORD_LENGTH) return `「${word}」太长 — 词表只收词语和短语`;
  return undefined;
}
