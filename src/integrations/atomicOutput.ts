import { existsSync } from "node:fs";
import { mkdir, readdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { AstroIntegration } from "astro";

/**
 * Builds into a staging folder beside the output folder (`dist/` → `.dist-staging-<pid>/`) and
 * swaps it into place only when the whole build has succeeded. A failed build — a bad article,
 * a page that throws, a failing search index — leaves the previous output exactly as it was.
 *
 * Order matters: this must be the LAST integration. Astro runs `astro:build:done` hooks one
 * after another in integration order (astro/dist/integrations/hooks.js, runHookBuildDone), and a
 * hook that throws stops the build; so when this hook runs, the search index and everything else
 * written after the pages have succeeded.
 *
 * Limits: the swap is two renames (old output aside, staging into place), so for an instant the
 * output folder is absent; a server reading it then gets a 404, never a half-built site. Staging
 * and backup folders left by a killed build are removed by the next build.
 */
export function atomicOutput(): AstroIntegration {
  let finalDir: string | undefined;
  let stagingDir: string | undefined;
  return {
    name: "site:atomic-output",
    hooks: {
      "astro:config:setup": async ({ command, config, updateConfig, logger }) => {
        if (command !== "build") return;
        finalDir = fileURLToPath(config.outDir).replace(/[\\/]+$/, "");
        await removeStale(finalDir, (name) => logger.info(`removed stale ${name}`));
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
        await mkdir(path.dirname(finalDir), { recursive: true });
        const backup = siblingOf(finalDir, "old");
        if (existsSync(finalDir)) await rename(finalDir, backup);
        await rename(stagingDir, finalDir);
        await rm(backup, { recursive: true, force: true });
        logger.info(`published ${path.relative(process.cwd(), finalDir) || finalDir}`);
      },
    },
  };
}

/**
 * Where this build process writes before the swap. Integrations that read built pages by path
 * rather than from their hook's `dir` (the sitemap's lastmod) must be given this, not outDir.
 */
export function stagingDirOf(outDir: string): string {
  return siblingOf(path.resolve(outDir), "staging");
}

/** `/x/dist` → `/x/.dist-staging-1234`: the same file system, so rename() is atomic. */
function siblingOf(dir: string, role: "staging" | "old"): string {
  return path.join(path.dirname(dir), `.${path.basename(dir)}-${role}-${process.pid}`);
}

/** Staging and backup folders of builds that are no longer running. */
async function removeStale(dir: string, removed: (name: string) => void): Promise<void> {
  const parent = path.dirname(dir);
  if (!existsSync(parent)) return;
  const pattern = new RegExp(`^\\.${escapeRegExp(path.basename(dir))}-(?:staging|old)-(\\d+)$`);
  for (const name of await readdir(parent)) {
    const pid = Number(pattern.exec(name)?.[1]);
    if (!pid || isRunning(pid)) continue;
    await rm(path.join(parent, name), { recursive: true, force: true });
    removed(name);
  }
}

function isRunning(pid: number): boolean {
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
