import { describe, expect, it } from "vitest";
import { createIntlSegmenter } from "../../../src/lib/related/createIntlSegmenter.ts";
import { createJiebaSegmenter } from "../../../src/lib/related/createJiebaSegmenter.ts";
import { extractTerms } from "../../../src/lib/related/extractTerms.ts";

const jieba = createJiebaSegmenter();
const intl = createIntlSegmenter();

describe("extractTerms", () => {
  it("segments Chinese into words with jieba, keeping domain words whole", () => {
    const terms = extractTerms("内核模块加载失败时检查系统日志", jieba);
    expect(terms).toContain("内核模块");
    expect(terms).toContain("系统日志");
  });

  it("also works with Intl.Segmenter, which needs no dependency", () => {
    expect(extractTerms("配置文件的权限", intl)).toEqual(expect.arrayContaining(["配置", "文件", "权限"]));
  });

  it("drops stop words and one-character Han words", () => {
    const terms = extractTerms("我们可以在这里使用软件包", jieba);
    expect(terms).not.toContain("我们");
    expect(terms).not.toContain("可以");
    expect(terms).not.toContain("在");
    expect(terms).toContain("软件包");
  });

  it("lowercases Latin words and splits code identifiers, keeping the whole too", () => {
    const terms = extractTerms("Run apt-get, then call getFooBar and read O_RDONLY.", jieba);
    expect(terms).toEqual(
      expect.arrayContaining([
        "run",
        "apt-get",
        "apt",
        "get",
        "getfoobar",
        "foo",
        "bar",
        "o_rdonly",
        "rdonly",
      ]),
    );
    expect(terms).not.toContain("Run");
  });

  it("drops English stop words, numbers and URLs", () => {
    const terms = extractTerms("See the manual at https://example.com/x for 2024 and 10.5 details", jieba);
    expect(terms).toEqual(["manual", "details"]);
  });

  it("folds full-width Latin letters to ASCII (NFKC)", () => {
    expect(extractTerms("ＡＰＴ", jieba)).toEqual(["apt"]);
  });
});
