import { foldVariants } from "./foldVariants.ts";
import { applySynonyms, type SynonymGroups } from "./synonyms.ts";

/**
 * Words that frame a question rather than name its subject. Pagefind requires every query word
 * on a page, so 如何配置防火墙 would miss the firewall article that never says 如何. Longest first,
 * so 有什么区别 goes before 什么.
 */
export const QUESTION_WORDS = [
  "有什么区别",
  "有什么不同",
  "的区别",
  "区别是什么",
  "是什么意思",
  "是什么",
  "什么是",
  "有哪些",
  "有什么",
  "为什么",
  "怎么样",
  "怎么办",
  "怎么",
  "怎样",
  "如何",
  "为何",
  "什么",
  "哪些",
  "哪个",
  "请问",
  "能否",
  "能不能",
  "可不可以",
  "我想",
  "我要",
  "教程",
] as const;

const QUESTION_PATTERN = new RegExp(QUESTION_WORDS.join("|"), "g");
/** Sentence-final particles and punctuation that never help a match. */
const TRAILING_PARTICLES = /[吗呢吧啊呀]+$/u;
const PUNCTUATION = /[\p{P}\p{S}]+/gu;

export interface NormalizeOptions {
  /** Folds traditional characters to simplified (see toSimplified.ts); identity when omitted. */
  fold?: (text: string) => string;
  /** Drop 如何/怎么/什么是… (default true). */
  dropQuestionWords?: boolean;
  /** Fold variant spellings, 帐号 → 账号 (default true; see foldVariants.ts). */
  variants?: boolean;
  /** The editors' synonym groups; each member is replaced by its group's standard form. */
  synonyms?: SynonymGroups;
}

/**
 * Turns what a reader typed into what the index can match: full-width letters and digits made
 * ASCII (NFKC), traditional folded to simplified, variant spellings folded (帐号 → 账号), the
 * editors' synonyms replaced by their standard form, question words and punctuation dropped,
 * whitespace collapsed. Never returns an empty string for a non-empty query: if dropping would
 * leave nothing (the reader searched for 什么), the folded query is kept.
 */
export function normalizeQuery(raw: string, options: NormalizeOptions = {}): string {
  const { fold = (text: string) => text, dropQuestionWords = true, variants = true, synonyms = [] } = options;
  const simplified = fold(raw.normalize("NFKC"));
  const folded = collapse(
    applySynonyms((variants ? foldVariants(simplified) : simplified).replace(PUNCTUATION, " "), synonyms),
  );
  if (!dropQuestionWords) return folded;
  const stripped = collapse(
    folded
      .replace(QUESTION_PATTERN, " ")
      .split(" ")
      .map((word) => word.replace(TRAILING_PARTICLES, ""))
      .join(" "),
  );
  return stripped === "" ? folded : stripped;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
