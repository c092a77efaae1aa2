import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkArticles } from "../../src/lib/content/checkArticles.ts";
import { body, frontmatter, fuzzRuns } from "../support/articleArbitraries.ts";

// Property: whatever an article contains, `npm run check:content` answers — it never throws,
// never hangs, and every problem names the article and a line that exists in it.
describe("checkArticles on generated articles", () => {
  it("reports problems with the file's name and a real line, or none", { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(frontmatter, body, fc.boolean(), (front, text, withFrontmatter) => {
        const file = withFrontmatter ? `---\n${front}\n---\n\n${text}\n` : text;
        const started = performance.now();
        const problems = checkArticles([{ file: "fuzz.md", id: "fuzz", text: file }], {
          now: new Date("2025-01-01T00:00:00Z"),
          imageExists: () => false,
          rejectUnsafeHtml: true,
          titleWarnLength: 40,
        });
        expect(performance.now() - started).toBeLessThan(2_000);
        const lines = file.split("\n").length;
        for (const problem of problems) {
          expect(problem.file).toBe("fuzz.md");
          expect(problem.line).toBeGreaterThanOrEqual(1);
          expect(problem.line).toBeLessThanOrEqual(lines);
          expect(problem.message).toMatch(/—/); // every message says how to fix it
        }
      }),
      { numRuns: fuzzRuns(200) },
    );
  });
});
