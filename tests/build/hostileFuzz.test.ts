import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { body, frontmatter, validFrontmatter } from "../support/articleArbitraries.ts";
import { buildDirs } from "../../src/lib/buildDirs.ts";
import { repoRoot } from "../support/paths.ts";
import { runBuild } from "../support/runBuild.ts";

// Property, checked by real builds: a folder of generated articles (random Unicode, Chinese,
// emoji, control characters, deep nesting, huge lines, broken YAML, MDX) either builds, or the
// build fails with a message naming one of them — never a crash without a file name, never a
// hang. One build per round; FUZZ_BUILDS=20 runs more, FUZZ_SEED=… replays a failure.
const rounds = Number(process.env["FUZZ_BUILDS"] ?? 1);
const seed = Number(process.env["FUZZ_SEED"] ?? Date.now() % 1_000_000);
const ARTICLES = 6;

// Mostly valid frontmatter, so that most rounds get past content sync and render hostile text.
const anyFrontmatter = fc.oneof(
  { weight: 5, arbitrary: validFrontmatter },
  { weight: 1, arbitrary: frontmatter },
);
const articleFile = fc
  .tuple(anyFrontmatter, body, fc.integer({ min: 0, max: 4 }))
  .map(([front, text, kind]) => ({
    text: `---\n${front}\n---\n\n${text}\n`,
    ext: kind === 0 ? "mdx" : "md",
  }));

describe(`builds of generated articles (seed ${seed})`, () => {
  it.each(Array.from({ length: rounds }, (_, round) => round))(
    "round %i builds, or fails naming an article",
    async (round) => {
      const dir = path.join(repoRoot, `tests/.output/fuzz-articles-${process.pid}`);
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      const files = fc.sample(articleFile, { numRuns: ARTICLES, seed: seed + round });
      const names = files.map((file, index) => `fuzz-${round}-${index}.${file.ext}`);
      files.forEach((file, index) => writeFileSync(path.join(dir, names[index]!), file.text));

      const out = path.join(repoRoot, `tests/.output/fuzz-${process.pid}`);
      const started = Date.now();
      const result = await runBuild(dir, path.join(out, "site"));
      expect(Date.now() - started).toBeLessThan(170_000);
      for (const done of [dir, out, buildDirs({ ARTICLES_DIR: dir }).cacheDir])
        rmSync(done, { recursive: true, force: true });
      if (!result.ok) {
        const ids = names.map((name) => name.replace(/\.mdx?$/, ""));
        const named = ids.filter((id) => result.output.includes(id));
        expect(
          named,
          `the build failed without naming an article:\n${result.output.slice(-3000)}`,
        ).not.toEqual([]);
      }
    },
    180_000,
  );
});
