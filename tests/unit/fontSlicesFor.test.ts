import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { fontSlicesFor } from "../../src/lib/social/fontSlicesFor.ts";

const ranges = { latin: "U+0000-00FF,U+2000-206F", "[1]": "U+4E00-4E10", "[2]": "U+5000,U+6587" };

describe("fontSlicesFor", () => {
  it("picks only the slices holding the text's characters, in their given order", () => {
    expect(fontSlicesFor("文 A", ranges)).toEqual(["latin", "[2]"]);
    expect(fontSlicesFor("一", ranges)).toEqual(["[1]"]);
    expect(fontSlicesFor("   ", ranges)).toEqual([]);
  });

  it("finds a character in overlapping ranges of several slices", () => {
    const overlapping = { wide: "U+4E00-9FFF", narrow: "U+4E2D", later: "U+4E20-4E30" };
    expect(fontSlicesFor("中", overlapping)).toEqual(["wide", "narrow", "later"]);
    expect(fontSlicesFor("丁", overlapping)).toEqual(["wide"]);
  });

  it("covers every character of a Chinese title with the real Noto Sans SC slices", () => {
    const file = createRequire(import.meta.url).resolve("@fontsource/noto-sans-sc/unicode.json");
    const real = JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
    const title = "夜班公交里的城市：2025年，「观止」与 Linux 的對照";
    const picked = fontSlicesFor(title, real);
    expect(picked.length).toBeLessThan(15); // a handful of ~100 slices, not the whole face
    for (const char of title.replace(/\s/g, "")) {
      expect(
        fontSlicesFor(char, Object.fromEntries(picked.map((name) => [name, real[name]!]))),
        char,
      ).not.toEqual([]);
    }
  });
});
