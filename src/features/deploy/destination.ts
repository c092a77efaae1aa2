import { spawn } from "node:child_process";
import { copyFile, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

/** Where `npm run deploy` puts the site: a local folder, or anything rclone can write to. */
export interface Destination {
  readonly label: string;
  /** The file's text, or undefined when there is none (a first deploy). */
  read(file: string): Promise<string | undefined>;
  write(file: string, text: string): Promise<void>;
  /**
   * Copies `files` (relative paths) from `from` to the same paths at the destination. An rclone
   * remote also stores `cacheControl` as each object's Cache-Control (object storage serves it
   * and a CDN set to follow the origin obeys it); a folder ignores it (its server has the policy).
   */
  upload(from: string, files: readonly string[], cacheControl?: string): Promise<void>;
  remove(files: readonly string[]): Promise<void>;
}

/** `name:path`, `name:` or an on-the-fly `:backend,opt=…:path` is an rclone remote; anything
 * else is a local folder (`./public_html`, `/srv/site`). */
export function isRcloneRemote(spec: string): boolean {
  return /^:?[\w.-][\w.\- ]*[,:]/.test(spec) && !/^[A-Za-z]:[\\/]/.test(spec);
}

export function destinationFor(spec: string): Destination {
  return isRcloneRemote(spec) ? rcloneDestination(spec) : folderDestination(path.resolve(spec));
}

function folderDestination(root: string): Destination {
  const target = (file: string) => path.join(root, ...file.split("/"));
  // Each file lands whole: written beside its place, then renamed over it.
  const place = async (file: string, write: (temporary: string) => Promise<void>) => {
    const to = target(file);
    await mkdir(path.dirname(to), { recursive: true });
    const temporary = `${to}.deploy-${process.pid}.tmp`;
    await write(temporary);
    await rename(temporary, to);
  };
  return {
    label: root,
    async read(file) {
      try {
        return await readFile(target(file), "utf8");
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
        throw error;
      }
    },
    write: (file, text) => place(file, (temporary) => writeFile(temporary, text)),
    async upload(from, files) {
      for (const file of files) await place(file, (temporary) => copyFile(path.join(from, file), temporary));
    },
    async remove(files) {
      for (const file of files) await rm(target(file), { force: true });
    },
  };
}

/** rclone's exit code for "directory not found", which `rclone cat` gives for a missing file. */
const RCLONE_NOT_FOUND = 3;

function rcloneDestination(remote: string): Destination {
  const at = (file: string) => (/[:/]$/.test(remote) ? `${remote}${file}` : `${remote}/${file}`);
  const withList = async (files: readonly string[], run: (list: string) => Promise<unknown>) => {
    const list = path.join(tmpdir(), `deploy-files-${process.pid}-${Date.now()}.txt`);
    await writeFile(list, `${files.join("\n")}\n`);
    try {
      await run(list);
    } finally {
      await rm(list, { force: true });
    }
  };
  return {
    label: remote,
    async read(file) {
      const result = await rclone(["cat", at(file)], [RCLONE_NOT_FOUND]);
      return result.code === RCLONE_NOT_FOUND ? undefined : result.stdout;
    },
    async write(file, text) {
      await rclone(["rcat", at(file)], [], text);
    },
    async upload(from, files, cacheControl) {
      // --no-check-dest: the plan already knows what differs; rclone need not list the remote.
      const headers = cacheControl ? ["--header-upload", `Cache-Control: ${cacheControl}`] : [];
      await withList(files, (list) =>
        rclone(
          ["copy", from, remote, "--files-from-raw", list, "--no-traverse", "--no-check-dest", ...headers],
          [],
          undefined,
          true,
        ),
      );
    },
    async remove(files) {
      await withList(files, (list) => rclone(["delete", remote, "--files-from-raw", list]));
    },
  };
}

interface RcloneResult {
  code: number;
  stdout: string;
}

/**
 * Runs rclone; a failure (other than the `allowed` exit codes) throws with rclone's last error.
 * `stopAtFirstError`: rclone goes on with the other files after one fails (and backs off between
 * attempts, minutes for a dead network); a deploy must not — later files are the pages that
 * point at the one that failed — so the first file that fails for good stops it.
 */
function rclone(
  args: readonly string[],
  allowed: readonly number[] = [],
  input?: string,
  stopAtFirstError = false,
): Promise<RcloneResult> {
  return new Promise((resolve, reject) => {
    const child = spawn("rclone", ["--retries", "2", "--low-level-retries", "3", ...args], {
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    let stoppedBy: string | undefined;
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
      if (stopAtFirstError && !stoppedBy && /^\S+ \S+ ERROR : /m.test(stderr)) {
        stoppedBy = lastError(stderr);
        child.kill("SIGTERM");
      }
    });
    child.on("error", (error: NodeJS.ErrnoException) =>
      reject(
        new Error(
          error.code === "ENOENT"
            ? "rclone is not installed — install it (Debian: apt-get install rclone) or deploy to a local folder"
            : `could not run rclone: ${error.message}`,
        ),
      ),
    );
    child.on("close", (code) => {
      if (stoppedBy) reject(new Error(`rclone ${args[0]} failed: ${stoppedBy}`));
      else if (code === 0 || allowed.includes(code ?? -1)) resolve({ code: code ?? 0, stdout });
      else reject(new Error(`rclone ${args[0]} failed: ${lastError(stderr) || `exit code ${code}`}`));
    });
    child.stdin.on("error", () => {}); // rclone may exit before reading its input; its code says why
    child.stdin.end(input ?? "");
  });
}

/** rclone's most telling line: the last ERROR or Failed line, without its timestamp. */
function lastError(stderr: string): string {
  const lines = stderr
    .split("\n")
    .map((line) => line.replace(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d /, "").trim())
    .filter((line) => line && !line.startsWith("NOTICE:") && !line.startsWith("INFO"));
  return lines.findLast((line) => /^(ERROR|Failed|CRITICAL)/.test(line)) ?? lines.at(-1) ?? "";
}
