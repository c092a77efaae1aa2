import path from "node:path";

export const repoRoot = path.resolve(import.meta.dirname, "../..");
/** Articles written for the tests: each exercises a case a reader or author would hit. */
export const fixtureArticles = path.join(repoRoot, "tests/fixtures/articles");
/** Where the fixture site is built (never the real dist/). */
export const fixtureSite = path.join(repoRoot, "tests/.output/fixture-site");
/** The fixture build's timing record (src/lib/buildTimings.ts). */
export const fixtureTimings = path.join(repoRoot, "tests/.output/fixture-build-timings.jsonl");
