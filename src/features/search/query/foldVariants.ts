/**
 * Variant spellings that mainland texts use side by side for the same word (异形词): 帐号 and 账号,
 * 登陆 where 登录 is meant. Traditional characters are folded by toSimplified; these are all
 * simplified, so it leaves them alone. The query and the index both fold them to the form on
 * the right, so a reader who writes either finds a page that writes either.
 *
 * Characters are folded only where no other word is hurt by it (帐 means a tent in 帐篷, but
 * both sides fold alike, so 帐篷 still finds 帐篷); words where a character-level fold would
 * merge unrelated words (象/像, 份/分, 陆/录) are listed as whole words.
 */
export const VARIANT_CHARACTERS: Readonly<Record<string, string>> = {
  帐: "账",
  惟: "唯",
};

export const VARIANT_WORDS: readonly (readonly [string, string])[] = [
  ["部份", "部分"],
  ["图象", "图像"],
  ["登陆", "登录"],
  ["其它", "其他"],
  ["订制", "定制"],
  ["截止到", "截至"],
];

const CHARACTER_PATTERN = new RegExp(`[${Object.keys(VARIANT_CHARACTERS).join("")}]`, "gu");
const WORD_PATTERN = new RegExp(VARIANT_WORDS.map(([from]) => from).join("|"), "gu");
const WORD_TO = new Map(VARIANT_WORDS);

/** The text with every variant spelling replaced by its standard form. */
export function foldVariants(text: string): string {
  return text
    .replace(WORD_PATTERN, (word) => WORD_TO.get(word) ?? word)
    .replace(CHARACTER_PATTERN, (char) => VARIANT_CHARACTERS[char] ?? char);
}
