import { describe, expect, it } from "vitest";
import { rerankByTitle } from "../../src/features/search/query/rerankByTitle.ts";
import { searchAttributes } from "../../src/features/search/build/searchAttributes.ts";
import { normalizeQuery } from "../../src/features/search/query/normalizeQuery.ts";
import { toSimplified } from "../../src/features/search/query/toSimplified.ts";
import { mayBeTraditional, needsFolding } from "../../src/features/search/query/mayBeTraditional.ts";
import { TRADITIONAL_CHARACTERS } from "../../src/features/search/query/traditionalCharacters.ts";
import { charactersToFold, dictionaryEntries } from "../../src/features/search/query/charactersToFold.ts";
import { decodeCharSet, encodeCharSet } from "../../src/features/search/query/charSet.ts";
import { traditionalCharacters } from "../../scripts/gen-traditional-characters.ts";
import { from, to } from "opencc-js/preset/t2cn";
import fc from "fast-check";
import {
  WORD_BREAK,
  segmentForIndex,
  segmentHtmlForIndex,
  stripWordBreaks,
} from "../../src/features/search/query/segmentForIndex.ts";
import {
  mergeByCoverage,
  searchWithFallback,
  segmentQuery,
  type Scored,
} from "../../src/features/search/query/searchWithFallback.ts";

describe("toSimplified", () => {
  it("folds traditional characters to simplified", () => {
    expect(toSimplified("防火牆")).toBe("防火墙");
    expect(toSimplified("編譯內核")).toBe("编译内核");
  });
  it("maps Taiwan phrases only in a traditional query", () => {
    expect(toSimplified("搜尋軟體")).toBe("搜索软件");
    expect(toSimplified("資料庫")).toBe("数据库");
  });
  it("leaves simplified and Latin text alone (文件 stays 文件, not 文档)", () => {
    for (const text of ["查找文件", "文件系统权限", "ssh 密钥", "Debian 12"])
      expect(toSimplified(text)).toBe(text);
  });
});

describe("normalizeQuery", () => {
  const fold = toSimplified;
  it("drops question words and sentence-final particles", () => {
    expect(normalizeQuery("如何配置防火墙", { fold })).toBe("配置防火墙");
    expect(normalizeQuery("什么是 umask？", { fold })).toBe("umask");
    expect(normalizeQuery("符号链接和硬链接有什么区别", { fold })).toBe("符号链接和硬链接");
    expect(normalizeQuery("怎么备份系统呢", { fold })).toBe("备份系统");
  });
  it("keeps the query when dropping would leave nothing", () => {
    expect(normalizeQuery("什么", { fold })).toBe("什么");
  });
  it("makes full-width letters ASCII, folds traditional, strips punctuation", () => {
    expect(normalizeQuery("ＳＳＨ　密鑰！", { fold })).toBe("SSH 密钥");
    expect(normalizeQuery("「防火牆」，規則", { fold })).toBe("防火墙 规则");
  });
  it("can keep question words and skip folding", () => {
    expect(normalizeQuery("如何配置防火牆", { dropQuestionWords: false })).toBe("如何配置防火牆");
  });
  it("returns an empty string for blank input", () => {
    expect(normalizeQuery("   ")).toBe("");
  });
});

describe("mayBeTraditional", () => {
  it("flags text with a character the converter folds, and only such text", () => {
    for (const text of ["防火牆", "搜尋軟體", "ssh 密鑰", "樑"]) expect(mayBeTraditional(text)).toBe(true);
    for (const text of ["防火墙", "文件系统权限", "ssh 密钥", "Debian 12", ""])
      expect(mayBeTraditional(text)).toBe(false);
  });
  it("is generated from the converter's own dictionaries (else: npx node scripts/gen-traditional-characters.ts)", () => {
    expect(TRADITIONAL_CHARACTERS).toBe(traditionalCharacters());
  });
  it("never misses a dictionary key the converter changes", () => {
    const keys = [...from["tw"]!, ...to["cn"]!, ...from["twp"]!]
      .flat()
      .flatMap((dictionary) => dictionaryEntries(dictionary).map(([key]) => key));
    expect(keys.length).toBeGreaterThan(5_000); // 7,130 with opencc-js 1.0: every dictionary was read
    const missed = keys.filter((key) => toSimplified(key) !== key && !mayBeTraditional(key));
    expect(missed).toEqual([]);
  });
  // Characters from the dictionaries' keys and values, question words, common simplified
  // characters, punctuation and Latin.
  const pool = [...new Set([...from["tw"]!, ...to["cn"]!].flat().join("").replace(/[| ]/g, ""))];
  const words = [
    "什么",
    "怎么",
    "什么是",
    "怎么样",
    "为什么",
    "如何",
    "吗",
    "呢",
    "么",
    "麼",
    "？",
    " ",
    "ab",
    "1",
  ];
  const text = fc
    .array(fc.oneof(fc.constantFrom(...pool), fc.constantFrom(...words, ..."的是系统文件内核")), {
      maxLength: 8,
    })
    .map((parts) => parts.join(""));
  it("leaves every text it does not flag as toSimplified would", () => {
    fc.assert(
      fc.property(text, (value) => mayBeTraditional(value) || toSimplified(value) === value),
      { numRuns: 5000 },
    );
  });
  it("loads the converter only for queries it may change, not for 什么 or 怎么", () => {
    for (const raw of ["什么是 umask", "怎么设置定时任务", "内核模块", "防火墙"])
      expect(needsFolding(raw)).toBe(false);
    for (const raw of ["什麼是 umask", "怎麼設置", "防火牆", "么"]) expect(needsFolding(raw)).toBe(true);
    const fold = { fold: toSimplified };
    fc.assert(
      fc.property(
        text,
        (raw) =>
          needsFolding(raw) ||
          (normalizeQuery(raw, fold) === normalizeQuery(raw) &&
            normalizeQuery(raw, { ...fold, dropQuestionWords: false }) ===
              normalizeQuery(raw, { dropQuestionWords: false })),
      ),
      { numRuns: 5000 },
    );
  });
});

describe("charSet", () => {
  it("writes a set of characters compactly and reads it back", () => {
    expect(decodeCharSet(encodeCharSet(["d", "a", "b", "a"]))).toEqual(new Set([97, 98, 100]));
    const chars = ["丟", "並", "乾", "𡞱", "a"];
    expect(decodeCharSet(encodeCharSet(chars))).toEqual(new Set(chars.map((char) => char.codePointAt(0))));
    expect(decodeCharSet(encodeCharSet([]))).toEqual(new Set());
  });
  it("finds the characters that can make a conversion change a text", () => {
    // Of a phrase, the characters its value replaces (梁 of 上梁 → 上樑 unless the second stage
    // turns 樑 back into 梁 alone); all of them when the lengths differ; nothing of an entry that
    // maps to itself.
    const first = ["上梁 上樑|什么 什麼|核 覈|台 臺"];
    const second = ["乾 干|乾隆 乾隆|並 并|樑 梁|麼 么|覈 核|臺 台|臺灣 台湾", [["一口氣", "一气"]] as const];
    expect(charactersToFold(first, second)).toEqual([
      "一",
      "並",
      "乾",
      "口",
      "樑",
      "氣",
      "灣",
      "臺",
      "覈",
      "麼",
    ]);
  });
});

describe("segmentForIndex", () => {
  it("puts zero-width breaks between Chinese words, as Intl.Segmenter splits them", () => {
    const out = segmentForIndex("防火墙是一种网络安全系统");
    expect(out).toContain(WORD_BREAK);
    expect(stripWordBreaks(out)).toBe("防火墙是一种网络安全系统");
    expect(out.split(WORD_BREAK)).toEqual(segmentQuery("防火墙是一种网络安全系统"));
  });
  it("leaves Latin text and punctuation alone", () => {
    expect(segmentForIndex("ssh-keygen -t ed25519")).toBe("ssh-keygen -t ed25519");
    expect(segmentForIndex("密钥，ssh")).not.toContain(`${WORD_BREAK}，`);
  });
  it("segments HTML text and the title attribute, never tags, URLs or scripts", () => {
    const html =
      '<article data-title="防火墙配置" data-excerpt="防火墙配置"><a href="/tags/防火墙/">防火墙</a><script>"防火墙"</script></article>';
    const out = segmentHtmlForIndex(html);
    expect(out).toContain(`data-title="${segmentForIndex("防火墙配置")}"`);
    expect(out).toContain('data-excerpt="防火墙配置"');
    expect(out).toContain('href="/tags/防火墙/"');
    expect(out).toContain('<script>"防火墙"</script>');
    expect(stripWordBreaks(out)).toBe(html);
  });
  it("leaves filter values whole, so a tag matches as written", () => {
    const html =
      '<article><span hidden data-pagefind-filter="tag">手册页</span><p>手册页的写法</p></article>';
    const out = segmentHtmlForIndex(html);
    expect(out).toContain('<span hidden data-pagefind-filter="tag">手册页</span>');
    expect(out).toContain(`<p>${segmentForIndex("手册页的写法")}</p>`);
    expect(out).toContain(WORD_BREAK);
  });
});

describe("searchWithFallback", () => {
  const pages: Record<string, string> = { a: "防火 墙 配置", b: "配置 网络", c: "防火 规则" };
  const fake = async (term: string): Promise<Scored[]> => {
    const words = term.split(" ");
    return Object.entries(pages)
      .filter(([, text]) => words.every((word) => text.split(" ").includes(word)))
      .map(([id]) => ({ id, score: 1 }));
  };
  const split = (query: string) => query.split(" ");

  it("returns the all-words results when there are any", async () => {
    await expect(searchWithFallback("防火 配置", fake, split)).resolves.toEqual({
      results: [{ id: "a", score: 1 }],
      relaxed: false,
    });
  });
  it("falls back to pages with the most of the words", async () => {
    const { results, relaxed } = await searchWithFallback("防火 规则 网络", fake, split);
    expect(relaxed).toBe(true);
    expect(results.map((r) => r.id)).toEqual(["c", "a", "b"]);
  });
  it("finds nothing for a single missing word", async () => {
    await expect(searchWithFallback("量子", fake, split)).resolves.toEqual({ results: [], relaxed: false });
  });
  it("merges by coverage, then summed score", () => {
    const merged = mergeByCoverage([
      [
        { id: "x", score: 5 },
        { id: "y", score: 1 },
      ],
      [
        { id: "y", score: 1 },
        { id: "z", score: 9 },
      ],
    ]);
    expect(merged.map((r) => r.id)).toEqual(["y", "z", "x"]);
  });
  it("segments queries into the words Pagefind will require", () => {
    expect(segmentQuery("ssh 密钥")).toEqual(["ssh", ...segmentQuery("密钥")]);
    expect(segmentQuery("，。")).toEqual([]);
  });
});

describe("rerankByTitle", () => {
  const titles = [
    "安装，一步一步来",
    "配置引导加载器（Bootloader）",
    "为什么选择 Debian 发行版？",
    "引导与加载",
  ];
  const rerank = (searched: string, typed: string) =>
    rerankByTitle(titles, (title) => title, { searched, typed });

  it("puts a title containing every searched word first, keeping the order otherwise", () => {
    expect(rerank("引导加载器", "引导加载器")).toEqual([titles[1], titles[0], titles[2], titles[3]]);
  });
  it("ranks a title with the question as typed above one with only the words", () => {
    const items = ["选择 Debian", "为什么选择 Debian 发行版？"];
    expect(rerankByTitle(items, (x) => x, { searched: "选择 Debian", typed: "为什么选择 Debian" })).toEqual([
      "为什么选择 Debian 发行版？",
      "选择 Debian",
    ]);
  });
  it("leaves the order alone when no title matches", () => {
    expect(rerank("防火墙", "防火墙")).toEqual(titles);
  });
});

describe("searchAttributes", () => {
  const article = {
    title: "夜班公交里的城市",
    // 21:00 on 31 December in Los Angeles is already 1 January in Shanghai: the site's day counts.
    date: new Date("2025-12-31T21:00:00-08:00"),
    author: "林间",
    excerpt: "一段摘要，含逗号, 和 [方括号]",
    tags: ["城市", "交通"],
  };
  it("marks the body searchable with title, date, author, excerpt and tags as metadata", () => {
    const attributes = searchAttributes(article);
    expect(attributes["data-pagefind-body"]).toBe("");
    for (const field of ["title", "date", "author", "excerpt", "tags"])
      expect(attributes["data-pagefind-meta"]).toContain(`${field}[data-${field}]`);
    expect(attributes).toMatchObject({
      "data-title": "夜班公交里的城市",
      "data-excerpt": "一段摘要，含逗号, 和 [方括号]",
      "data-tags": "城市、交通",
      "data-author": "林间",
    });
  });
  it("dates, filters and sorts by the day in the site's time zone", () => {
    const attributes = searchAttributes(article);
    expect(attributes["data-date"]).toBe("2026-01-01");
    expect(attributes["data-year"]).toBe("2026");
    expect(attributes["data-pagefind-filter"]).toBe("author[data-author], year[data-year]");
    expect(attributes["data-pagefind-sort"]).toBe("date[data-date]");
  });
});
