import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { repoRoot } from "./paths.ts";

const run = promisify(execFile);

export interface BuildResult {
  ok: boolean;
  /** stdout and stderr together, as an author would see them in the terminal. */
  output: string;
  /** The signal that ended the build, e.g. "SIGKILL"; undefined when it exited. */
  signal?: string | undefined;
}

/** Runs `astro build` over an articles folder into an output folder; never throws. */
export async function runBuild(
  articlesDir: string,
  outDir: string,
  env: Record<string, string> = {},
): Promise<BuildResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["node_modules/astro/bin/astro.mjs", "build"], {
      cwd: repoRoot,
      env: { ...process.env, ARTICLES_DIR: articlesDir, OUT_DIR: outDir, ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { ok: true, output: `${stdout}\n${stderr}` };
  } catch (error) {
    const {
      stdout = "",
      stderr = "",
      signal,
    } = error as { stdout?: string; stderr?: string; signal?: string | null };
    return { ok: false, output: `${stdout}\n${stderr}`, signal: signal ?? undefined };
  }
}
