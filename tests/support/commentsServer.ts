import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { repoRoot } from "./paths.ts";

export interface CommentsServer {
  url: string;
  /** Everything the server printed so far (its SQL log, errors, refused outside requests). */
  output(): string;
  close(): Promise<void>;
}

const commentsServerDir = path.join(repoRoot, "comments-server");

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (address === null || typeof address === "string") throw new Error("no free port");
  return address.port;
}

/**
 * Starts the real Waline server (comments-server/start.mjs) on 127.0.0.1 with a fresh SQLite
 * file under `dir`. Never installs and never skips: without `npm ci --prefix comments-server`
 * the comment tests fail and say so.
 */
export async function startCommentsServer(dir: string): Promise<CommentsServer> {
  if (!existsSync(path.join(commentsServerDir, "node_modules/@waline/vercel/package.json"))) {
    throw new Error(
      "The comments server is not installed, so the comment tests cannot run. Install it with:\n" +
        "  npm ci --prefix comments-server\n(.ci/run does this; sqlite3 compiles for about a minute)",
    );
  }
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
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
    },
  });
  child.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const close = async () => {
    if (child.exitCode === null && child.pid) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      process.kill(-child.pid, "SIGTERM");
      await exited;
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
  return { url, output: () => log, close };
}
