import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import path from "node:path";
import { stripVTControlCharacters } from "node:util";
import { gunzipSync } from "node:zlib";
import { repoRoot } from "./paths.ts";

/**
 * A copy of the project in a folder of its own (sources, config, lockfile; node_modules linked),
 * so a test can change a template, keep its own build state (.cache/) and build without touching
 * the working tree or other tests' builds. Articles live in `articles` at the fixtures' depth, so
 * MDX imports such as ../../../src/components/… resolve.
 */
export interface ProjectCopy {
  root: string;
  articles: string;
  out: string;
  /** Builds; resolves with the terminal output, rejects with it when the build fails. */
  build(
    args?: string[],
    onOutput?: (text: string, kill: () => void) => void,
    env?: Record<string, string>,
  ): Promise<string>;
}

// Everything the build reads besides the articles (content/*.yaml: the search synonyms and the
// readers' lexicon).
const COPIED = [
  "src",
  "public",
  "content/synonyms.yaml",
  "content/lexicon.yaml",
  "astro.config.ts",
  "package.json",
  "package-lock.json",
  "tsconfig.json",
];

export function copyProject(root: string, from = repoRoot): ProjectCopy {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  for (const name of COPIED) cpSync(path.join(from, name), path.join(root, name), { recursive: true });
  symlinkSync(path.join(repoRoot, "node_modules"), path.join(root, "node_modules"), "dir");
  const articles = path.join(root, "tests/fixtures/articles");
  const out = path.join(root, "out");
  return {
    root,
    articles,
    out,
    build: (args = [], onOutput, env = {}) =>
      new Promise((resolve, reject) => {
        const child = spawn(
          process.execPath,
          [path.join(repoRoot, "node_modules/astro/bin/astro.mjs"), "build", ...args],
          {
            cwd: root,
            env: { ...process.env, ARTICLES_DIR: articles, OUT_DIR: out, TZ: "America/Los_Angeles", ...env },
            stdio: ["ignore", "pipe", "pipe"],
          },
        );
        let output = "";
        const take = (chunk: Buffer) => {
          // Plain text: with CI set, Astro's logger colours its lines, which would split
          // "[name] message" with escape codes.
          output += stripVTControlCharacters(chunk.toString());
          onOutput?.(output, () => child.kill("SIGKILL"));
        };
        child.stdout.on("data", take);
        child.stderr.on("data", take);
        child.on("close", (code, signal) =>
          code === 0 ? resolve(output) : reject(new Error(`build ${signal ?? `exit ${code}`}:\n${output}`)),
        );
      }),
  };
}

/** Replaces `to`'s sources and articles with `from`'s, and empties its build state and output. */
export function syncCold(from: ProjectCopy, to: ProjectCopy): void {
  for (const name of ["src", ".cache", "out", "tests"])
    rmSync(path.join(to.root, name), { recursive: true, force: true });
  cpSync(path.join(from.root, "src"), path.join(to.root, "src"), { recursive: true });
  cpSync(from.articles, to.articles, { recursive: true });
}

/**
 * Every output file by content. Pagefind's index and filter chunks (and the entry and meta files
 * naming them) are numbered in the order pages were indexed, which may differ between two builds
 * of the same pages; their text is compared through the per-page fragments, which are
 * content-addressed (url, text, filters of one page).
 */
export function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.relative(dir, path.join(entry.parentPath, entry.name));
    // The deploy record says when and by which build the site was made: different by design.
    if (file === "_build.json") continue;
    if (
      /^pagefind\/(?:[^/]+\/)?(?:(?:index|filter)\/|pagefind\.[^/]+\.pf_meta$|pagefind-entry\.json$)/.test(
        file,
      )
    ) {
      files.set(file.replace(/_[0-9a-f]+(\.pf_\w+)$/, "_*$1"), "(order-dependent)");
      continue;
    }
    files.set(
      file,
      createHash("sha256")
        .update(readFileSync(path.join(dir, file)))
        .digest("hex"),
    );
  }
  return files;
}

/** Human-readable differences between two snapshots (empty when equal). */
export function differences(expected: Map<string, string>, actual: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [file, hash] of expected) {
    if (!actual.has(file)) out.push(`missing: ${file}`);
    else if (actual.get(file) !== hash) out.push(`differs: ${file}`);
  }
  for (const file of actual.keys()) if (!expected.has(file)) out.push(`extra: ${file}`);
  return out.sort();
}

/** The text of a Pagefind fragment (gzip, "pagefind_dcd" + JSON). */
export function readFragment(file: string): { url: string; content: string; meta: Record<string, string> } {
  return JSON.parse(gunzipSync(readFileSync(file)).subarray("pagefind_dcd".length).toString("utf8")) as {
    url: string;
    content: string;
    meta: Record<string, string>;
  };
}
