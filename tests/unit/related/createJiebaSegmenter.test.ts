import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import { describe, expect, it } from "vitest";
import { createJiebaSegmenter } from "../../../src/lib/related/createJiebaSegmenter.ts";
import { loadJiebaDictionary } from "../../../src/lib/related/loadJiebaDictionary.ts";
import { fixtureArticles } from "../../support/paths.ts";

// The reference: jieba-rs itself, through @node-rs/jieba's native binding.
const native = Jieba.withDict(dict);
const segmentWords = createJiebaSegmenter();

describe("createJiebaSegmenter", () => {
  it("cuts exactly as jieba-rs does with HMM off, whatever the text", () => {
    const texts = [
      "内核模块加载失败时检查系统日志，然后重新编译内核。",
      "我们在这里使用软件包管理器 apt-get install vim-gtk3，再读 /etc/apt/sources.list。",
      "调用 getFooBar() 返回 O_RDONLY|O_CREAT；版本 v2.10.3 于 2024年3月发布，占 95.5% 份额。",
      "全角ＡＰＴ与半角APT、C++ 和 C# 以及 R&D 部门\r\n下一行\n\t缩进的一行",
      "生僻字𠀀𪚥在扩展区，表情😀不是汉字，〇和々也不在 jieba 的汉字范围里。",
      "1号店、4S店和AA制都在词典里，AB型血也是。",
      // Two cuts with exactly the same score (看看|看 and 看|看看): the tie must go jieba's way.
      "改完函数体，看看看有没有语法错误。",
      "",
      "   ",
      "abc123",
    ];
    for (const text of texts) expect(segmentWords(text)).toEqual(native.cut(text, false));
  });

  it("cuts the fixture articles word for word as jieba-rs does", () => {
    const files = readdirSync(fixtureArticles).filter((file) => /\.mdx?$/.test(file));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = readFileSync(path.join(fixtureArticles, file), "utf8");
      expect(segmentWords(text), file).toEqual(native.cut(text, false));
    }
  });

  it("follows the dictionary it is given: frequencies decide between cuts", () => {
    const joined = createJiebaSegmenter(loadJiebaDictionary("甲乙 100\n乙丙 1\n甲 1\n乙 1\n丙 1\n"));
    expect(joined("甲乙丙")).toEqual(["甲乙", "丙"]);
    const split = createJiebaSegmenter(loadJiebaDictionary("甲乙 1\n乙丙 100\n甲 1\n乙 1\n丙 1\n"));
    expect(split("甲乙丙")).toEqual(["甲", "乙丙"]);
  });
});
