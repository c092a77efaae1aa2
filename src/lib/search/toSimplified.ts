import { Converter } from "opencc-js/t2cn";

// Taiwan phrases as well as characters: a reader in Taiwan types 軟體 or 伺服器 for 软件, 服务器.
// The converter leaves simplified text as it is, so every query can go through it.
const convert = Converter({ from: "twp", to: "cn" });

/**
 * Folds traditional Chinese to the simplified forms the articles are written in, so 防火牆 finds
 * 防火墙. Kept in its own module: the client loads its dictionary (~100 KB) only when a query
 * contains Han characters.
 */
export function toSimplified(text: string): string {
  return convert(text);
}
