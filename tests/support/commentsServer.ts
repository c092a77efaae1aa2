import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { freePort } from "./freePort.ts";
import { repoRoot } from "./paths.ts";

export interface CommentsServer {
  url: string;
  /** Everything the server printed so far (its SQL log, errors, refused outside requests). */
  port: number;
  output(): string;
  /** Stops the server: SIGTERM by default, SIGKILL to cut it off as a crash would. */
  close(signal?: "SIGTERM" | "SIGKILL"): Promise<void>;
}

export interface CommentsServerOptions {
  /** Listen on this port (a restart reuses the old one); a free port otherwise. */
  port?: number;
  /**
   * Extra environment: PG_HOST, PG_PORT, PG_DB… (tests/support/postgres.ts) for PostgreSQL
   * instead of the SQLite file, or Waline settings such as IPQPS.
   */
  env?: Record<string, string>;
}

const commentsServerDir = path.join(repoRoot, "comments-server");

/**
 * Starts the real Waline server (comments-server/start.mjs) on 127.0.0.1 with the SQLite file
 * `dir`/waline.sqlite (created if new), or with PostgreSQL when `options.env` names one. Never installs and never skips: without `npm ci --prefix comments-server`
 * the comment tests fail and say so.
 */
export async function startCommentsServer(
  dir: string,
  options: CommentsServerOptions = {},
): Promise<CommentsServer> {
  if (!existsSync(path.join(commentsServerDir, "node_modules/@waline/vercel/package.json"))) {
    throw new Error(
      "The comments server is not installed, so the comment tests cannot run. Install it with:\n" +
        "  npm ci --prefix comments-server\n(.ci/run does this; sqlite3 compiles for about a minute)",
    );
  }
  mkdirSync(dir, { recursive: true });
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  let log = "";
  // Its own process group: thinkjs forks a worker, and close() must stop both.
  const child: ChildProcess = spawn(process.execPath, [path.join(commentsServerDir, "start.mjs")], {
    cwd: repoRoot,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      COMMENTS_PORT: String(port),
      COMMENTS_DB: path.join(dir, "waline.sqlite"),
      // Waline refuses a second comment from one IP within 60 s; the test posts two.
      IPQPS: "0",
      ...options.env,
    },
  });
  child.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const close = async (signal: "SIGTERM" | "SIGKILL" = "SIGTERM") => {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      process.kill(-child.pid, signal);
      await exited;
    }
    // The forked worker is in the same group; wait until the port is free for a restart.
    for (let tries = 0; tries < 200; tries++) {
      try {
        await fetch(`${url}/`, { signal: AbortSignal.timeout(500) });
      } catch {
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The comments server exited (${child.exitCode}):\n${log}`);
    try {
      const response = await fetch(`${url}/api/comment?type=count&url=%2F&lang=zh-CN`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await close();
      throw new Error(`The comments server did not answer on ${url} within 60 s:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { url, port, output: () => log, close };
}
