import { defineConfig } from "vitest/config";

// Three kinds of test, run in this order by `npm test`:
// unit  — pure functions of src/lib (and of src/site, src/features); no build. Components are
//         tested through the pages of the fixture build (build, e2e).
// build — builds the fixture site (tests/fixtures/articles) once, then reads dist HTML.
// e2e   — serves that build and drives Chromium through Playwright.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          // A zone far from the site's (Asia/Shanghai): dates must not depend on the machine's.
          env: { TZ: "America/Los_Angeles" },
        },
      },
      {
        test: {
          name: "build",
          include: ["tests/build/**/*.test.ts"],
          globalSetup: ["tests/support/buildFixtureSite.ts"],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          globalSetup: ["tests/support/buildFixtureSite.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One browser at a time: the machine has 2 cores.
          fileParallelism: false,
          // A browser test that fails on a loaded 2-core machine gets one more try, as
          // Playwright's own runner does in CI; one that fails twice fails the run.
          retry: 1,
        },
      },
    ],
  },
});
