import { describe, expect, it } from "vitest";
import { readingStats } from "../../src/lib/readingStats.ts";

const speeds = { hanCharsPerMinute: 400, latinWordsPerMinute: 200 };

describe("readingStats", () => {
  it("counts Han characters and Latin words apart, skipping code", () => {
    const md = "中文四字 and two English words\n\n```js\nconst skipped = '代码不算';\n```\n";
    const stats = readingStats(md, speeds);
    expect(stats.hanChars).toBe(4);
    expect(stats.latinWords).toBe(4);
    expect(stats.length).toBe(8);
  });

  it("gives 400 Han characters a minute", () => {
    expect(readingStats("字".repeat(2400), speeds).minutes).toBe(6);
  });

  it("never says 0 minutes", () => {
    expect(readingStats("短", speeds).minutes).toBe(1);
  });
});
