/**
 * Splits a normalised query (normalizeQuery.ts) into the words a page should have, each with the
 * technical terms the readers' lexicon (lexicon.ts) gives for it: 把文件删掉 → 文件, 删掉|删除.
 * Used only when the query has an everyday word from the lexicon; otherwise the query is
 * searched as before, word for word.
 */
import { MAX_TERMS, type Lexicon } from "./lexicon.ts";
import { segmentQuery } from "./searchWithFallback.ts";
import { applySynonyms, normalizeWord, type SynonymGroups } from "./synonyms.ts";

export interface Slot {
  /** The reader's word, as the query has it. */
  word: string;
  /**
   * What a page may have: the word itself first (unless it is one character with terms), then
   * the lexicon's terms.
   */
  alternatives: readonly string[];
}

export interface Expansion {
  slots: Slot[];
  /** True when some word has lexicon terms: only then is the query searched by slots. */
  expanded: boolean;
}

/**
 * Words that carry no subject in a question (把、的、一下、自己…). They are dropped only from an
 * expanded query, where every word is searched on its own and a page would otherwise be
 * rewarded for having 把 in it; a query without everyday words keeps them, as before.
 */
const FUNCTION_WORDS = new Set(
  (
    "的 地 得 了 着 过 把 给 在 是 我 你 他 她 它 我们 你们 他们 和 与 或 或者 及 以及 一个 一下 一些 一种 " +
    "一点 一次 这 那 这个 那个 这些 那些 这台 那台 这里 那里 哪 哪里 能 会 要 想 用 被 对 从 到 里 里面 " +
    "时候 以后 之后 之前 还 就 都 也 很 又 再 才 只 吗 呢 吧 啊 呀 某个 某 每 如果 可以 应该 需要 必须 能够 " +
    "已经 没有 有没有 不 有 是否 个 些 点 下 出 来 去 起来 出来 上 怎么 怎样 什么 如何 自己 全 全是 都是 " +
    "为了 时要 要做 做 之 其 该 等 让 时 多少 几 几个 各种 所有 别的 别人 一台 老是 总是 经常 出现 变成"
  ).split(" "),
);

/** The longest everyday word or term, in segmenter words, that the lexicon holds. */
const MAX_WORDS = 6;

interface Matcher {
  /** Normalised word (synonyms applied, as in the query) → terms; an empty list marks a term. */
  entries: Map<string, readonly string[]>;
}

const matchers = new WeakMap<Lexicon, WeakMap<SynonymGroups, Matcher>>();

function matcherFor(lexicon: Lexicon, synonyms: SynonymGroups): Matcher {
  const bySynonyms = matchers.get(lexicon) ?? new WeakMap<SynonymGroups, Matcher>();
  matchers.set(lexicon, bySynonyms);
  let matcher = bySynonyms.get(synonyms);
  if (!matcher) {
    // Keys are compared as the query has them: with the editors' synonyms already applied, so an
    // entry 电脑名 matches a query in which 电脑 has become 计算机.
    const key = (word: string) => compact(applySynonyms(normalizeWord(word), synonyms));
    const entries = new Map<string, readonly string[]>();
    for (const [word, terms] of lexicon.terms) entries.set(key(word), terms);
    for (const term of lexicon.technical) entries.set(key(term), []);
    matcher = { entries };
    bySynonyms.set(synonyms, matcher);
  }
  return matcher;
}

/**
 * The query's words with their alternatives. Words are the segmenter's (Intl.Segmenter, as
 * Pagefind splits queries); an entry of the lexicon is matched only on word boundaries, longest
 * first, so 删 matches in 删文件 but not inside 删除, and a term in the query (删除) is kept as
 * it is. Function words and lone characters are dropped from an expanded query, unless nothing
 * else is left.
 */
export function expandQuery(
  query: string,
  lexicon: Lexicon,
  synonyms: SynonymGroups = [],
  segment: (text: string) => string[] = segmentQuery,
): Expansion {
  const { entries } = matcherFor(lexicon, synonyms);
  const words = segment(query).map((word) => word.toLowerCase());
  const slots: (Slot & { functionWord: boolean; hasTerms: boolean })[] = [];
  let expanded = false;
  for (let start = 0; start < words.length;) {
    let matched = false;
    for (let end = Math.min(words.length, start + MAX_WORDS); end > start; end -= 1) {
      const phrase = words.slice(start, end).join("");
      const terms = entries.get(phrase);
      if (terms === undefined) continue;
      const word = words.slice(start, end).join(isLatin(phrase) ? " " : "");
      // A one-character everyday word (删, 装, 看) is not searched itself: Pagefind matches a word
      // by its beginning, so 装 would find 装置 and 看 看法 — noise, and an index chunk to fetch.
      const keep = terms.length === 0 || [...word].length > 1;
      slots.push({
        word,
        alternatives: [...(keep ? [word] : []), ...terms.filter((term) => term !== word).slice(0, MAX_TERMS)],
        functionWord: false,
        hasTerms: terms.length > 0,
      });
      if (terms.length > 0) expanded = true;
      start = end;
      matched = true;
      break;
    }
    if (!matched) {
      const word = words[start]!;
      slots.push({ word, alternatives: [word], functionWord: FUNCTION_WORDS.has(word), hasTerms: false });
      start += 1;
    }
  }
  // In an expanded query a lone Chinese character with no terms (机 of 计算机, 进, 行) is dropped
  // too: as a prefix it matches hundreds of unrelated words, and it costs an index chunk.
  const kept = expanded
    ? slots.filter((slot) => !slot.functionWord && (slot.hasTerms || !isLoneHan(slot.word)))
    : slots;
  const unique = new Map<string, Slot>();
  for (const { word, alternatives } of kept.length > 0 ? kept : slots) {
    if (!unique.has(word)) unique.set(word, { word, alternatives });
  }
  return { slots: [...unique.values()], expanded };
}

function isLoneHan(word: string): boolean {
  return [...word].length === 1 && /\p{Script=Han}/u.test(word);
}

function isLatin(text: string): boolean {
  return /^[\x20-\x7e]+$/.test(text);
}

function compact(text: string): string {
  return text.replace(/\s+/g, "");
}
