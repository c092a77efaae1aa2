import { describe, expect, it } from "vitest";
import { formatReadingStats } from "../../src/lib/formatReadingStats.ts";

describe("formatReadingStats", () => {
  it("reads 约 N 分钟 · N 字 with thousands separators", () => {
    expect(formatReadingStats({ hanChars: 2200, latinWords: 100, length: 2300, minutes: 6 })).toBe(
      "约 6 分钟 · 2,300 字",
    );
  });
});
