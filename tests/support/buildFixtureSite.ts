import { execFile } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { promisify } from "node:util";
import { fixtureArticles, fixtureSite, fixtureTimings, repoRoot } from "./paths.ts";

const run = promisify(execFile);

/**
 * Vitest global setup: builds the fixture site once per run (the build and e2e projects share
 * it). Set REUSE_FIXTURE_SITE=1 to skip the build when iterating on tests.
 */
export default async function buildFixtureSite(): Promise<void> {
  if (process.env["REUSE_FIXTURE_SITE"] && existsSync(`${fixtureSite}/index.html`)) return;
  if (globalThis.__fixtureBuilt) return;
  const started = Date.now();
  await run(process.execPath, ["node_modules/astro/bin/astro.mjs", "build"], {
    cwd: repoRoot,
    env: {
      ...process.env,
      ARTICLES_DIR: fixtureArticles,
      OUT_DIR: fixtureSite,
      TZ: "America/Los_Angeles",
      BUILD_TIMINGS_FILE: fixtureTimings,
    },
    maxBuffer: 64 * 1024 * 1024,
  }).catch((error: { stdout?: string; stderr?: string }) => {
    throw new Error(`Building the fixture site failed:\n${error.stdout ?? ""}\n${error.stderr ?? ""}`);
  });
  if (!statSync(`${fixtureSite}/index.html`).isFile()) throw new Error("fixture build wrote no index.html");
  globalThis.__fixtureBuilt = true;
  console.log(`fixture site built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

declare global {
  var __fixtureBuilt: boolean | undefined;
}
