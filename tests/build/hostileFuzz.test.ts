import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { body, frontmatter, validFrontmatter } from "../support/articleArbitraries.ts";
import { buildDirs } from "../../src/lib/buildDirs.ts";
import { repoRoot } from "../support/paths.ts";
import { fuzzSeed } from "../support/fuzzSeed.ts";
import { runBuild } from "../support/runBuild.ts";

// Property, checked by real builds: a folder of generated articles (random Unicode, Chinese,
// emoji, control characters, deep nesting, huge lines, broken YAML, MDX) either builds, or the
// build fails with a message naming the offending file with a line in it, and — for the content
// checks' `file:line: field: message` — the field — never a crash without a file name, never a
// hang. One build per round; FUZZ_BUILDS=20 runs more. `npm test` uses a fixed seed (printed);
// FUZZ_SEED=… replays a failure; `npm run test:fuzz` explores with FUZZ_SEED=random.
// Two rounds by default: with the fixed seed the first fails in content sync (broken YAML) and
// the second builds, rendering hostile titles, tags and series names into pages and URLs.
const rounds = Number(process.env["FUZZ_BUILDS"] ?? 2);
const seed = fuzzSeed();
console.log(`hostileFuzz: seed ${seed} (replay with FUZZ_SEED=${seed})`);
/** What the content checks name as the field of a problem (src/lib/content/contentProblem.ts). */
const FIELDS = new Set([
  "file",
  "frontmatter",
  "body",
  "title",
  "date",
  "updated",
  "author",
  "tags",
  "description",
  "draft",
  "related",
  "pinned",
  "series",
  "seriesOrder",
  "titel",
  "image",
  "slug",
]);

/**
 * The places an error message points at: `name:line: field:` (the content checks) or
 * `name:line:column` (a compiler's location, e.g. MDX). Astro's log also names routes and files
 * of pages that rendered fine, so a bare file name or article id does not count.
 */
function pointers(output: string, name: string, lines: number): { line: number; field?: string }[] {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const found: { line: number; field?: string }[] = [];
  for (const match of output.matchAll(new RegExp(`${escaped}:(\\d+)(?::(\\d+)|: ([\\w.-]+):)`, "g"))) {
    const line = Number(match[1]);
    if (line < 1 || line > lines) continue;
    if (match[3] !== undefined && !FIELDS.has(match[3].split(".")[0]!)) continue;
    found.push({ line, ...(match[3] === undefined ? {} : { field: match[3] }) });
  }
  return found;
}
const ARTICLES = 6;
const HANG_MS = 480_000;

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
    "round %i builds, or fails naming an article's file and line",
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
      const seconds = (Date.now() - started) / 1000;
      // A hang, not a slow build: a build of six articles takes 20–40 s alone and several
      // minutes on a 2-core machine that other builds share, so the limit is far above both.
      expect(seconds).toBeLessThan(HANG_MS / 1000);
      for (const done of [dir, out, buildDirs({ ARTICLES_DIR: dir }).cacheDir])
        rmSync(done, { recursive: true, force: true });
      if (result.ok) console.log(`hostileFuzz round ${round}: built in ${seconds.toFixed(0)} s`);
      if (!result.ok) {
        const named = names.flatMap((name, index) =>
          pointers(result.output, name, files[index]!.text.split("\n").length).map(
            (pointer) => `${name}:${pointer.line}${pointer.field ? `: ${pointer.field}` : ""}`,
          ),
        );
        console.log(
          `hostileFuzz round ${round}: failed in ${seconds.toFixed(0)} s, naming ${named.join(", ")}`,
        );
        expect(
          named,
          `seed ${seed}: the build failed without naming an article's file and line (and field):\n${result.output.slice(-3000)}`,
        ).not.toEqual([]);
      }
    },
    HANG_MS + 60_000,
  );
});
