import { execFileSync } from "node:child_process";
import { existsSync, lstatSync, readlinkSync } from "node:fs";
import { mkdir, readdir, rename, rm, symlink } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { AstroIntegration } from "astro";

/**
 * Publishes a build only when it has wholly succeeded, and so that the output folder is a
 * complete site — the old one or the new one, never missing, never mixed — at every instant,
 * even if the build is killed.
 *
 * `dist/` (or `OUT_DIR`) is a symlink to a version folder beside it: `dist` →
 * `.dist-builds/<id>/`. Each build writes a new version folder and publishes it by creating a
 * temporary symlink and rename()-ing it over `dist` — one atomic step on POSIX. A server that
 * opened a file of the previous version keeps reading it: that version is kept until the next
 * build starts. Whatever a killed build left (its version folder, a temporary link) is removed by
 * the next build; a version folder of a build still running is never touched.
 *
 * A `dist/` that is still a real folder (from before this scheme) is replaced by the symlink with
 * renameat2(RENAME_EXCHANGE), which swaps the two names in one step (called through Perl, part
 * of every Debian install; coreutils 9.1 has no `mv --exchange`). Where that is not available
 * the folder is moved aside and the link put in its place: two renames, a gap of microseconds,
 * once per output folder ever — logged as a warning.
 *
 * Order matters: this must come after every integration that writes the site (only the
 * incremental build guard, which clears its in-progress mark once the site is published, comes
 * after it). Astro runs `astro:build:done` hooks one after another in integration order
 * (astro/dist/integrations/hooks.js, runHookBuildDone), and a hook that throws stops the build;
 * so when this hook runs, the search index and everything else written after the pages have
 * succeeded.
 */
export function atomicOutput(): AstroIntegration {
  let finalDir: string | undefined;
  let stagingDir: string | undefined;
  /** Removing what earlier builds left, started at config time and awaited before publishing. */
  let cleaning: Promise<unknown> = Promise.resolve();
  return {
    name: "site:atomic-output",
    hooks: {
      "astro:config:setup": async ({ command, config, updateConfig, logger }) => {
        if (command !== "build") return;
        finalDir = fileURLToPath(config.outDir).replace(/[\\/]+$/, "");
        // The version the last build replaced is a whole site (36,000 files at 10,000 articles:
        // ~6 s to delete, ~60 s at 100,000), so it is deleted while this build syncs and renders,
        // not before; nothing reads it any more. A failure is reported when the build publishes.
        // (Chained: the config may be loaded more than once. This build's own folder is kept by
        // name: it may exist by the time the removal lists the versions.)
        const outDir = finalDir;
        const own = stagingDirOf(outDir);
        cleaning = cleaning
          .then(() =>
            removeStale(outDir, [currentVersion(outDir), own], (name) =>
              logger.info(`removed stale ${name}`),
            ),
          )
          .then(
            () => undefined,
            (error: unknown) => error,
          );
        stagingDir = stagingDirOf(finalDir);
        const staging = pathToFileURL(`${stagingDir}/`);
        // build.client/server are resolved against outDir once, when the config is loaded, so
        // they are moved too; a static build writes straight into outDir.
        updateConfig({
          outDir: staging,
          build: { client: new URL("./client/", staging), server: new URL("./server/", staging) },
        });
      },
      "astro:build:done": async ({ dir, logger }) => {
        if (!finalDir || !stagingDir) return;
        const built = fileURLToPath(dir).replace(/[\\/]+$/, "");
        if (built !== stagingDir)
          throw new Error(`atomic output: expected the build in ${stagingDir}, got ${built}`);
        const failed = await cleaning;
        if (failed !== undefined) throw failed;
        const previous = currentVersion(finalDir);
        await publish(finalDir, stagingDir, (message) => logger.warn(message));
        await step("clean");
        await removeStale(finalDir, [stagingDir, `${stagingDir}-previous`, previous], (name) =>
          logger.info(`removed stale ${name}`),
        );
        logger.info(`published ${path.relative(process.cwd(), finalDir) || finalDir}`);
      },
    },
  };
}

/**
 * The points of the publish step, in order, at which `ATOMIC_OUTPUT_KILL_AT=<point>` makes the
 * build SIGKILL itself (tests/build/atomic.test.ts kills a real build at each). `exchange` and
 * `settle` are reached only when a real folder is migrated to the symlink scheme.
 */
export const PUBLISH_POINTS = ["link", "swap", "exchange", "settle", "clean"] as const;
export type PublishPoint = (typeof PUBLISH_POINTS)[number];

async function step(point: PublishPoint): Promise<void> {
  if (process.env["ATOMIC_OUTPUT_KILL_AT"] !== point) return;
  process.kill(process.pid, "SIGKILL");
  // SIGKILL is delivered asynchronously; nothing of the publish step may run after the kill.
  await new Promise(() => {});
}

/**
 * Where this build process writes: its own version folder, which becomes the output once
 * published. Integrations that read built pages by path rather than from their hook's `dir` (the
 * sitemap's lastmod) must be given this, not outDir.
 */
export function stagingDirOf(outDir: string): string {
  return path.join(versionsDirOf(path.resolve(outDir)), buildId());
}

/** `/x/dist` → `/x/.dist-builds`: on the same file system, so rename() is atomic. */
export function versionsDirOf(outDir: string): string {
  return path.join(path.dirname(outDir), `.${path.basename(outDir)}-builds`);
}

/**
 * `<time>-<pid>`: unique even when a pid is reused, the same for every caller in this process
 * (the config may be loaded more than once).
 */
function buildId(): string {
  globalThis.__siteBuildId ??= `${Date.now().toString(36)}-${process.pid}`;
  return globalThis.__siteBuildId;
}

declare global {
  var __siteBuildId: string | undefined;
}

function linkOf(outDir: string): string {
  return path.join(path.dirname(outDir), `.${path.basename(outDir)}-link-${process.pid}`);
}

/** The version folder `outDir` points to, or undefined when it is not (yet) a symlink. */
function currentVersion(outDir: string): string | undefined {
  if (!existsSync(outDir) || !lstatSync(outDir).isSymbolicLink()) return undefined;
  return path.resolve(path.dirname(outDir), readlinkSync(outDir));
}

async function publish(outDir: string, versionDir: string, warn: (message: string) => void): Promise<void> {
  await mkdir(path.dirname(outDir), { recursive: true });
  const link = linkOf(outDir);
  await step("link");
  await rm(link, { recursive: true, force: true });
  // Relative, so the output and its versions can be moved or mounted elsewhere together.
  await symlink(path.relative(path.dirname(outDir), versionDir), link);
  const isRealFolder = existsSync(outDir) && !lstatSync(outDir).isSymbolicLink();
  if (!isRealFolder) {
    await step("swap");
    await rename(link, outDir);
    return;
  }
  await step("exchange");
  if (exchange(link, outDir)) {
    // `link` is now the old folder: kept as the previous version until the next build.
    await step("settle");
    await rename(link, `${versionDir}-previous`);
    return;
  }
  warn(`atomic output: no renameat2 here; ${outDir} is missing for an instant while it becomes a symlink`);
  await rename(outDir, `${versionDir}-previous`);
  await rename(link, outDir);
}

/** renameat2(a, b, RENAME_EXCHANGE): both names stay taken, their contents swapped in one step. */
function exchange(a: string, b: string): boolean {
  const syscall = { x64: 316, arm64: 276 }[process.arch as string];
  if (process.platform !== "linux" || syscall === undefined) return false;
  try {
    execFileSync(
      "perl",
      ["-e", `syscall(${syscall}, -100, $ARGV[0], -100, $ARGV[1], 2) == 0 or die "renameat2: $!\\n"`, a, b],
      { stdio: ["ignore", "ignore", "pipe"] },
    );
    return true;
  } catch {
    return false;
  }
}

/**
 * Removes version folders and temporary links of builds that are no longer running, except
 * the versions in `keep` (the published one; after a publish, also the one it replaced).
 */
async function removeStale(
  outDir: string,
  keep: readonly (string | undefined)[],
  removed: (name: string) => void,
): Promise<void> {
  const parent = path.dirname(outDir);
  const versions = versionsDirOf(outDir);
  const stale: string[] = [];
  if (existsSync(versions)) {
    for (const name of await readdir(versions)) {
      const pid = Number(/^[0-9a-z]+-(\d+)(?:-previous)?$/.exec(name)?.[1]);
      const dir = path.join(versions, name);
      if (pid && !isRunning(pid) && !keep.includes(dir)) stale.push(dir);
    }
  }
  if (existsSync(parent)) {
    // -staging-/-old- are what builds before the symlink scheme left.
    const link = new RegExp(`^\\.${escapeRegExp(path.basename(outDir))}-(?:link|staging|old)-(\\d+)$`);
    for (const name of await readdir(parent)) {
      const pid = Number(link.exec(name)?.[1]);
      if (pid && !isRunning(pid)) stale.push(path.join(parent, name));
    }
  }
  for (const dir of stale) {
    await rm(dir, { recursive: true, force: true });
    removed(path.relative(parent, dir));
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
