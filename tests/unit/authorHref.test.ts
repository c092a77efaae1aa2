import { authorHref } from "../../src/site/urls.ts";
import { describe, expect, it } from "vitest";

describe("authorHref", () => {
  it("percent-encodes a Chinese name and folds width and case", () => {
    expect(authorHref("林间")).toBe("/authors/%E6%9E%97%E9%97%B4/");
    expect(authorHref("Ｌｉｎ Ｊｉａｎ")).toBe("/authors/lin-jian/");
  });
});
