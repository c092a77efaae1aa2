import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
// Astro's internal module (not in its exports): the patch (patches/astro+7.3.5.patch) is what is tested.
import { chunkString } from "../../node_modules/astro/dist/content/data-store-writer.js";

// Astro 7.3.5's chunked content store counted the UTF-8 bytes of every character by encoding it
// with TextEncoder, one at a time: at 10k articles that was most of "content sync" on every build
// that changed an article (docs/performance.md). patches/astro+7.3.5.patch counts them instead;
// the store's parts must be byte for byte what they were.

/** Astro's original splitting, kept here as the reference. */
function referenceChunks(str: string, maxBytes: number): string[] {
  const encoder = new TextEncoder();
  const chunks: string[] = [];
  let start = 0;
  while (start < str.length) {
    let index = start;
    let bytes = 0;
    while (index < str.length) {
      const codePoint = str.codePointAt(index)!;
      const charLength = codePoint > 65535 ? 2 : 1;
      const charBytes = encoder.encode(str.slice(index, index + charLength)).length;
      if (bytes + charBytes > maxBytes && index > start) break;
      index += charLength;
      bytes += charBytes;
      if (bytes >= maxBytes) break;
    }
    chunks.push(str.slice(start, index));
    start = index;
  }
  return chunks;
}

const split = chunkString as (str: string, maxBytes: number) => string[];

describe("the patched content-store writer", () => {
  it("is installed (npm install runs patch-package): no encoding per character", () => {
    // What made the store slow, observed rather than read from the source: the original writer
    // calls TextEncoder.encode once for every character of the store.
    const encode = vi.spyOn(TextEncoder.prototype, "encode");
    try {
      expect(split("中文正文 and ASCII ".repeat(1000), 4096).join("")).toBe(
        "中文正文 and ASCII ".repeat(1000),
      );
      expect(encode).not.toHaveBeenCalled();
    } finally {
      encode.mockRestore();
    }
  });

  it("splits exactly as before: ASCII, Chinese, emoji, lone surrogates, at any size", () => {
    const text = fc.string({ unit: "binary", maxLength: 400 });
    fc.assert(
      fc.property(
        fc.array(fc.oneof(text, fc.constantFrom("中文正文", "👨‍👩‍👧", "\ud800", "\udfff", "a")), {
          maxLength: 20,
        }),
        fc.integer({ min: 1, max: 64 }),
        (parts, size) => {
          const str = parts.join("");
          expect(split(str, size)).toEqual(referenceChunks(str, size));
        },
      ),
      { numRuns: 300 },
    );
  });
});
