import { describe, expect, it } from "vitest";
import { modifiedTimeOf } from "../../src/lib/modifiedTimeOf.ts";

describe("modifiedTimeOf", () => {
  it("reads the page's article:modified_time", () => {
    const html = '<head><meta property="article:modified_time" content="2025-03-01T00:00:00+08:00"></head>';
    expect(modifiedTimeOf(html)).toBe("2025-03-01T00:00:00+08:00");
  });
  it("is undefined for a page that is not an article", () => {
    expect(modifiedTimeOf('<meta property="og:type" content="website">')).toBeUndefined();
  });
});
