import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { expandQuery } from "../../../src/features/search/query/expandQuery.ts";
import { parseLexicon } from "../../../src/features/search/query/lexicon.ts";
import { normalizeQuery } from "../../../src/features/search/query/normalizeQuery.ts";
import { rerankByTitle } from "../../../src/features/search/query/rerankByTitle.ts";
import { searchSlots } from "../../../src/features/search/query/searchSlots.ts";
import { parseSynonyms } from "../../../src/features/search/query/synonyms.ts";

const LEXICON = parseLexicon(
  ["# 删除", "删除: [删掉, 删, 去掉]", "启动: [开机]", "引导: [开机]", "主机名: [电脑名]"].join("\n"),
).lexicon;
const SYNONYMS = parseSynonyms("- [计算机, 电脑]\n").groups;
/** Words split at spaces: the tests say where the words are instead of relying on ICU's dictionary. */
const bySpaces = (text: string) => text.split(" ").filter(Boolean);

describe("parseLexicon", () => {
  it("maps every everyday word to its terms, one way, in file order", () => {
    const { lexicon, problems } = parseLexicon("# 注释\n\n删除: [删掉, 删]\n启动: [开机]\n引导: [开机]\n");
    expect(problems).toEqual([]);
    expect(Object.fromEntries(lexicon.terms)).toEqual({
      删掉: ["删除"],
      删: ["删除"],
      开机: ["启动", "引导"],
    });
    expect([...lexicon.technical]).toEqual(["删除", "启动", "引导"]);
  });

  it("names the line and the fix for every kind of mistake, and uses none of a bad line", () => {
    const { lexicon, problems } = parseLexicon(
      [
        "删除: [删掉]",
        "删除 = 删掉",
        "删: [删掉]",
        "删除: [去掉]",
        "启动: [开机, 开机]",
        "引导: [开机, ]",
        "安装: [「装」]",
        "部署: [删除]",
        "停机: [停机]",
      ].join("\n"),
    );
    expect(problems.map((p) => p.line)).toEqual([2, 3, 4, 5, 6, 7, 9, 8]);
    const [format, short, twice, repeated, empty, punctuation, same, chain] = problems.map((p) => p.message);
    expect(format).toContain("术语: [说法, 说法]");
    expect(short).toContain("一个字");
    expect(twice).toContain("第 1 行");
    expect(repeated).toContain("重复");
    expect(empty).toContain("空的词语");
    expect(punctuation).toContain("标点");
    expect(same).toContain("相同");
    expect(chain).toContain("synonyms.yaml");
    for (const problem of problems) expect(problem.message).toMatch(/— \S/);
    expect(Object.fromEntries(lexicon.terms)).toEqual({ 删掉: ["删除"] });
  });

  it("refuses everyday words that could never match: a question word inside, or a fourth term", () => {
    // normalizeQuery drops 有哪些/什么 before the lexicon is read; expandQuery searches three terms.
    const { lexicon, problems } = parseLexicon(
      ["列出: [列出来, 有哪些]", "甲乙: [开]", "丙丁: [开]", "戊己: [开]", "庚辛: [开, 关]"].join("\n"),
    );
    expect(problems.map((p) => p.line)).toEqual([1, 5]);
    expect(problems[0]!.message).toContain("问句词「有哪些」");
    expect(problems[1]!.message).toContain("第 2、3、4 行");
    for (const problem of problems) expect(problem.message).toMatch(/— \S/);
    expect(lexicon.terms.get("开")).toEqual(["甲乙", "丙丁", "戊己"]);
    expect(lexicon.terms.has("列出来")).toBe(false);
  });

  it("accepts the repository's own lexicon, which is broad: hundreds of everyday words", () => {
    const { lexicon, problems } = parseLexicon(readFileSync("content/lexicon.yaml", "utf8"));
    expect(problems).toEqual([]);
    expect(lexicon.technical.size).toBeGreaterThan(200);
    expect(lexicon.terms.size).toBeGreaterThan(600);
    expect(lexicon.terms.get("删掉")).toContain("删除");
    expect(lexicon.terms.get("开机")).toEqual(expect.arrayContaining(["启动", "引导"]));
  });
});

describe("expandQuery", () => {
  it("gives an everyday word its terms and drops function words from the expanded query", () => {
    const { slots, expanded } = expandQuery("把 文件 删掉", LEXICON, [], bySpaces);
    expect(expanded).toBe(true);
    expect(slots).toEqual([
      { word: "文件", alternatives: ["文件"] },
      { word: "删掉", alternatives: ["删掉", "删除"] },
    ]);
  });

  it("drops a lone character without terms from an expanded query (机 of 计算 机), keeps Latin", () => {
    expect(expandQuery("删掉 机 x 网卡", LEXICON, [], bySpaces).slots.map((slot) => slot.word)).toEqual([
      "删掉",
      "x",
      "网卡",
    ]);
  });

  it("leaves a query without everyday words as it is, function words included", () => {
    expect(expandQuery("把 文件 删除", LEXICON, [], bySpaces)).toEqual({
      expanded: false,
      slots: [
        { word: "把", alternatives: ["把"] },
        { word: "文件", alternatives: ["文件"] },
        { word: "删除", alternatives: ["删除"] },
      ],
    });
  });

  it("matches whole words only, longest first: 删 is not found inside 删除, a term is kept", () => {
    expect(expandQuery("删除文件", LEXICON).expanded).toBe(false);
    // A one-character everyday word is searched only through its terms (as a prefix, 删 finds noise).
    expect(expandQuery("删 文件", LEXICON, [], bySpaces).slots[0]).toEqual({
      word: "删",
      alternatives: ["删除"],
    });
    // Two words in the query that make up one everyday phrase of the lexicon.
    expect(expandQuery("电脑 名", parseLexicon("主机名: [电脑名]").lexicon, [], bySpaces).slots).toEqual([
      { word: "电脑名", alternatives: ["电脑名", "主机名"] },
    ]);
  });

  it("compares with the query's synonyms applied: an entry 电脑名 matches 计算机名", () => {
    const query = normalizeQuery("改电脑名", { synonyms: SYNONYMS });
    expect(query).toBe("改计算机名");
    expect(expandQuery(query, LEXICON, SYNONYMS).slots.at(-1)!.alternatives).toEqual(["计算机名", "主机名"]);
  });

  it("searches at most three terms for one everyday word, the first listed", () => {
    const many = parseLexicon("甲乙: [开]\n丙丁: [开]\n戊己: [开]\n庚辛: [开]").lexicon;
    expect(expandQuery("开", many, [], bySpaces).slots[0]!.alternatives).toEqual(["甲乙", "丙丁", "戊己"]);
  });

  it("keeps a function word when nothing else is left", () => {
    expect(expandQuery("的", LEXICON, [], bySpaces).slots).toEqual([{ word: "的", alternatives: ["的"] }]);
  });
});

describe("searchSlots", () => {
  // Pages and their words; a term's score is how often a page has it over the page's length.
  const PAGES: Record<string, string> = {
    long: "文件 文件 文件 说明 删掉 目录 用户 文件 文件 配置 系统 网络 文件 说明 日志",
    delete: "删除 文件 删除 选项",
    other: "文件 网络",
  };
  const search = (term: string) =>
    Promise.resolve(
      Object.entries(PAGES)
        .map(([id, text]) => {
          const words = text.split(" ");
          return { id, score: words.filter((word) => word === term).length / words.length };
        })
        .filter((result) => result.score > 0),
    );

  it("ranks by the summed best score of each word's alternatives", async () => {
    const slots = [
      { word: "文件", alternatives: ["文件"] },
      { word: "删掉", alternatives: ["删掉", "删除"] },
    ];
    const { results, relaxed } = await searchSlots(slots, search);
    // delete: 0.25 + 0.5; other: 0.5 (文件 only); long: 6/15 + 1/15, a long page is worth less per word.
    expect(results.map((r) => r.id)).toEqual(["delete", "other", "long"]);
    expect(relaxed).toBe(false);
  });

  it("says relaxed when the best page lacks a word some page has, and skips words no page has", async () => {
    const slots = [
      { word: "网络", alternatives: ["网络"] },
      { word: "删掉", alternatives: ["删掉", "删除"] },
      { word: "抹去", alternatives: ["抹去"] },
    ];
    const { results, relaxed } = await searchSlots(slots, search);
    expect(results[0]!.id).toBe("delete");
    expect(relaxed).toBe(true);
    expect((await searchSlots([{ word: "抹去", alternatives: ["抹去"] }], search)).results).toEqual([]);
  });
});

describe("rerankByTitle with an expanded query", () => {
  it("counts a title that has an alternative of every word", () => {
    const titles = ["网络配置", "删除文件的方法", "文件"];
    const ordered = rerankByTitle(titles, (title) => title, {
      searched: "文件 删掉",
      typed: "把文件删掉",
      slots: [["文件"], ["删掉", "删除"]],
    });
    expect(ordered).toEqual(["删除文件的方法", "网络配置", "文件"]);
  });
});
