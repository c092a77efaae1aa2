import { execFile } from "node:child_process";
import { existsSync, lstatSync, readdirSync, readlinkSync, statSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { fixtureArticles, fixtureSite, fixtureTimings, repoRoot } from "./paths.ts";

const run = promisify(execFile);

/**
 * What the fixture build is made of: a file here newer than the build means the build is stale.
 * (tests/fixtures holds the fixture articles and the broken ones other tests copy in.)
 */
export const FIXTURE_SOURCES = [
  "src",
  "public",
  "tests/fixtures",
  "astro.config.ts",
  "package.json",
  "package-lock.json",
] as const;

/**
 * Vitest global setup: builds the fixture site once per run (the build and e2e projects share
 * it). Set REUSE_FIXTURE_SITE=1 to skip the build when iterating on tests; it refuses (fails the
 * run, naming the file) when any source is newer than the build it would reuse.
 */
export default async function buildFixtureSite(): Promise<void> {
  if (process.env["REUSE_FIXTURE_SITE"] && existsSync(`${fixtureSite}/index.html`)) {
    const stale = newerSources(builtAt(fixtureSite));
    if (stale.length > 0) {
      throw new Error(
        `REUSE_FIXTURE_SITE=1 refused: ${stale.join(", ")} changed after the fixture site was built ` +
          `(${new Date(builtAt(fixtureSite)).toISOString()}); run without REUSE_FIXTURE_SITE to rebuild it.`,
      );
    }
    return;
  }
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

/**
 * When the build that wrote `site` started: its version folder is named `<ms in base 36>-<pid>`
 * (src/integrations/atomicOutput.ts); a site from before that scheme, by its index.html.
 */
export function builtAt(site: string): number {
  if (lstatSync(site).isSymbolicLink()) {
    const started = Number.parseInt(path.basename(readlinkSync(site)).split("-")[0] ?? "", 36);
    if (Number.isFinite(started)) return started;
  }
  return statSync(path.join(site, "index.html")).mtimeMs;
}

/** Source files (repo-relative) changed after `time`, newest first, at most five. */
export function newerSources(time: number, root: string = repoRoot): string[] {
  const newer: { file: string; mtime: number }[] = [];
  const visit = (file: string) => {
    if (!existsSync(file)) return;
    const stat = statSync(file);
    if (stat.isDirectory()) {
      for (const name of readdirSync(file)) visit(path.join(file, name));
    } else if (stat.mtimeMs > time) {
      newer.push({ file: path.relative(root, file), mtime: stat.mtimeMs });
    }
  };
  for (const source of FIXTURE_SOURCES) visit(path.join(root, source));
  return newer
    .sort((a, b) => b.mtime - a.mtime)
    .slice(0, 5)
    .map((entry) => entry.file);
}

declare global {
  var __fixtureBuilt: boolean | undefined;
}
