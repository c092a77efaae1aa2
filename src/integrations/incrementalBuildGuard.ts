import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";

// Astro's own names (node_modules/astro/dist/core/build/incremental.js).
const MANIFEST = "incremental-build.json";
const RESTORED_PAGES = "dist";
// Ours, beside them.
const STAMP = "site-build-state.json";
const IN_PROGRESS = "site-build-in-progress";

/** What the incremental cache was made with; a change to any of them means it is not ours to reuse. */
export interface BuildStamp {
  astro: string;
  lockfile: string;
  articlesDir: string;
}

/**
 * Why the previous build's pages must not be reused, or undefined when they may be. Astro itself
 * drops a manifest it cannot parse or whose config or lockfile hash differs, but silently, and it
 * trusts the restored copies of a build that was killed after writing some of them (it writes
 * the copies as it renders and the manifest at the end, so an interrupted build leaves new copies
 * under old keys: reverting an edit would then publish the edit).
 */
export function reasonToBuildCold(state: {
  manifest: string | undefined;
  interrupted: boolean;
  stamp: string | undefined;
  expected: BuildStamp;
}): string | undefined {
  if (state.manifest === undefined) return undefined;
  if (state.interrupted) return "the previous build was interrupted";
  let stamp: Partial<BuildStamp> | undefined;
  try {
    stamp = JSON.parse(state.stamp ?? "") as Partial<BuildStamp>;
  } catch {
    return "the cache has no record of what built it";
  }
  if (stamp.astro !== state.expected.astro)
    return `the cache was built by Astro ${stamp.astro}, this is ${state.expected.astro}`;
  if (stamp.lockfile !== state.expected.lockfile)
    return "package-lock.json changed since the cache was built";
  if (stamp.articlesDir !== state.expected.articlesDir)
    return `the cache was built from ${stamp.articlesDir}, not ${state.expected.articlesDir}`;
  const problem = manifestProblem(state.manifest);
  return problem && `the incremental manifest is corrupt (${problem})`;
}

/** What is wrong with the text of Astro's manifest, if anything. */
export function manifestProblem(text: string): string | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return "not JSON";
  }
  if (!isObject(data) || typeof data["version"] !== "number" || !isObject(data["routes"]))
    return "no version or routes";
  for (const [route, entry] of Object.entries(data["routes"])) {
    if (!isObject(entry) || typeof entry["dependencyHash"] !== "string" || !isObject(entry["paths"]))
      return `route ${route} malformed`;
    for (const [pathname, page] of Object.entries(entry["paths"])) {
      if (!isObject(page) || typeof page["cacheKey"] !== "string" || typeof page["outputFile"] !== "string")
        return `path ${pathname} malformed`;
    }
  }
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Guards Astro's incremental build (experimental.incrementalBuild): before a build, a cache that
 * a killed build, another Astro version, another lockfile or another articles folder left, or a
 * corrupt manifest, is thrown away, and the build says so in one line and runs cold. A build
 * marks itself in progress until its last hook; `astro build --force` is Astro's own full rebuild.
 * Must come after atomicOutput so the mark is cleared only once the site is published.
 */
export function incrementalBuildGuard(articlesDir: string): AstroIntegration {
  let cacheDir: string | undefined;
  return {
    name: "site:incremental-build-guard",
    hooks: {
      "astro:config:setup": async ({ command, config, logger }) => {
        if (command !== "build") return;
        cacheDir = fileURLToPath(config.cacheDir);
        const expected = currentStamp(fileURLToPath(config.root), articlesDir);
        const read = (name: string) =>
          existsSync(path.join(cacheDir!, name))
            ? readFileSync(path.join(cacheDir!, name), "utf8")
            : undefined;
        const reason = reasonToBuildCold({
          manifest: read(MANIFEST),
          interrupted: existsSync(path.join(cacheDir, IN_PROGRESS)),
          stamp: read(STAMP),
          expected,
        });
        if (reason) {
          await rm(path.join(cacheDir, MANIFEST), { force: true });
          await rm(path.join(cacheDir, RESTORED_PAGES), { recursive: true, force: true });
          logger.warn(`${reason}: every page is built cold`);
        }
        await mkdir(cacheDir, { recursive: true });
        await writeFile(path.join(cacheDir, IN_PROGRESS), String(process.pid));
        await writeFile(path.join(cacheDir, STAMP), JSON.stringify(expected));
      },
      "astro:build:done": async () => {
        if (cacheDir) await rm(path.join(cacheDir, IN_PROGRESS), { force: true });
      },
    },
  };
}

function currentStamp(root: string, articlesDir: string): BuildStamp {
  const require = createRequire(path.join(root, "package.json"));
  const astro = (
    JSON.parse(readFileSync(require.resolve("astro/package.json"), "utf8")) as { version: string }
  ).version;
  const lockfilePath = path.join(root, "package-lock.json");
  const lockfile = existsSync(lockfilePath)
    ? createHash("sha256").update(readFileSync(lockfilePath)).digest("hex")
    : "none";
  return { astro, lockfile, articlesDir: path.resolve(articlesDir) };
}
