import { Converter } from "opencc-js/t2cn";

// Built on first use: building both tables takes tens of milliseconds, which should not block
// the page when the search bundle loads (the client warms them once Pagefind is ready).
let characters: ((text: string) => string) | undefined;
let phrases: ((text: string) => string) | undefined;

/**
 * Folds traditional Chinese to the simplified forms the articles are written in, so 防火牆 finds
 * 防火墙. A query with traditional characters also gets Taiwan phrases mapped (軟體 → 软件,
 * 搜尋 → 搜索); a simplified query is left alone, because the phrase table would rewrite
 * ordinary simplified words too (文件 → 文档). The dictionaries (~100 KB, ~50 KB gzipped) are a
 * chunk of their own that the search loads only for a query mayBeTraditional() flags.
 */
export function toSimplified(text: string): string {
  characters ??= Converter({ from: "tw", to: "cn" });
  if (characters(text) === text) return text;
  phrases ??= Converter({ from: "twp", to: "cn" });
  return phrases(text);
}
