import { defineConfig } from "vitest/config";
import { POLL } from "./tests/support/waits.ts";

// Three kinds of test, run in this order by `npm test`:
// unit  — pure functions of src/lib (and of src/site, src/features); no build. Components are
//         tested through the pages of the fixture build (build, e2e).
// build — builds the fixture site (tests/fixtures/articles) once, then reads dist HTML.
// e2e   — serves that build and drives Chromium through Playwright.
// server — the comment server alone (no site build): load, restart, PostgreSQL, backup/restore.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          // fast-check draws from one seed per run: fixed in `npm test`, FUZZ_SEED=… to replay.
          setupFiles: ["tests/support/fuzzSeed.ts"],
          // A zone far from the site's (Asia/Shanghai): dates must not depend on the machine's.
          env: { TZ: "America/Los_Angeles" },
        },
      },
      {
        test: {
          name: "build",
          include: ["tests/build/**/*.test.ts"],
          globalSetup: ["tests/support/buildFixtureSite.ts"],
          setupFiles: ["tests/support/fuzzSeed.ts"],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          globalSetup: ["tests/support/buildFixtureSite.ts"],
          // Each wait in a browser test is limited by READY_MS (tests/support/waits.ts); a test
          // waits for several things, so its own limit is a few of those.
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Every expect.poll passes POLL; this is the same limit for one that would forget to.
          expect: { poll: POLL },
          // One browser at a time: the machine has 2 cores.
          fileParallelism: false,
          // No retry: a test that passes only on its second try hides a race or a wait too short,
          // and the readiness limits above hold on a loaded machine without one.
        },
      },
      {
        test: {
          name: "server",
          include: ["tests/server/**/*.test.ts"],
          // Each file starts servers and databases of its own, bounded in count and time.
          testTimeout: 300_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
