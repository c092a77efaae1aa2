import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { fixtureSite } from "../support/paths.ts";
import { page } from "../support/readBuilt.ts";

// Reader-side budget (issue 7): what a phone downloads for an article before the reader touches
// anything — its HTML plus every stylesheet it links — stays under 30 KB gzipped.
const BUDGET_BYTES = 30 * 1024;

function articleWeight(id: string): number {
  const file = path.join(fixtureSite, "articles", id, "index.html");
  const $ = page(`articles/${id}/`);
  const styles = $('link[rel="stylesheet"]')
    .toArray()
    .map((el) => readFileSync(path.join(fixtureSite, $(el).attr("href") ?? "")));
  return [readFileSync(file), ...styles].reduce((sum, bytes) => sum + gzipSync(bytes).length, 0);
}

describe("page weight", () => {
  const ids = readdirSync(path.join(fixtureSite, "articles"));

  it.each(ids)("article %s: HTML + CSS ≤ 30 KB gzipped", (id) => {
    const weight = articleWeight(id);
    console.log(`${id}: ${(weight / 1024).toFixed(1)} KB gzipped`);
    expect(weight).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});

describe("fonts", () => {
  // Reader-side budget: system fonts only. A web font is a download per page view (a CJK one is
  // megabytes) and a flash of changed text; the CSS names system families (global.css --font-body).
  const files = readdirSync(fixtureSite, { recursive: true, encoding: "utf8" });

  it("ships no font file", () => {
    expect(files.filter((file) => /\.(woff2?|ttf|otf|eot)$/i.test(file))).toEqual([]);
  });

  it("declares no @font-face in any stylesheet or page", () => {
    const declaring = files
      .filter((file) => /\.(css|html)$/.test(file))
      .filter((file) => /@font-face/i.test(readFileSync(path.join(fixtureSite, file), "utf8")));
    expect(declaring).toEqual([]);
  });
});
