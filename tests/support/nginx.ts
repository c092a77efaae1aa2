import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { repoRoot } from "./paths.ts";

export interface NginxServer {
  url: string;
  close(): Promise<void>;
}

const NGINX_CANDIDATES = ["/usr/sbin/nginx", "/usr/bin/nginx"];

/**
 * Starts Debian's nginx as this test's own process (no daemon, no master, its own prefix, temp
 * and log folders) on 127.0.0.1 and a free port, with the SHIPPED deploy/nginx.conf: only its
 * `listen` and `root` lines are replaced. Never skips: without nginx it fails with the fix.
 */
export async function startNginx(root: string): Promise<NginxServer> {
  const binary = NGINX_CANDIDATES.find((file) => existsSync(file));
  if (!binary)
    throw new Error(`nginx not found at ${NGINX_CANDIDATES.join(" or ")} — apt-get install -y nginx`);
  const port = await freePort();
  const prefix = mkdtempSync(path.join(tmpdir(), "nginx-test-"));
  const shipped = readFileSync(path.join(repoRoot, "deploy/nginx.conf"), "utf8");
  let replaced = 0;
  const server = shipped.replace(
    /^(\s*)(listen|root) [^;]+;$/gm,
    (_line, indent: string, directive: string) => {
      replaced += 1;
      return `${indent}${directive} ${directive === "listen" ? `127.0.0.1:${port}` : root};`;
    },
  );
  if (replaced !== 2)
    throw new Error(`deploy/nginx.conf: expected one listen and one root line, found ${replaced}`);
  const temp = (name: string) => `${name}_temp_path ${path.join(prefix, name)};`;
  writeFileSync(
    path.join(prefix, "nginx.conf"),
    [
      "daemon off;",
      "master_process off;",
      `pid ${path.join(prefix, "nginx.pid")};`,
      `error_log ${path.join(prefix, "error.log")} warn;`,
      "events { worker_connections 256; }",
      "http {",
      "  include /etc/nginx/mime.types;",
      "  default_type application/octet-stream;",
      "  access_log off;",
      `  ${["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map(temp).join(" ")}`,
      server,
      "}",
    ].join("\n"),
  );
  const child = spawn(
    binary,
    ["-p", prefix, "-c", path.join(prefix, "nginx.conf"), "-e", path.join(prefix, "error.log")],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await waitForPort(port, child, () => `${output}${readLog(prefix)}`);
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}

function readLog(prefix: string): string {
  const log = path.join(prefix, "error.log");
  return existsSync(log) ? readFileSync(log, "utf8") : "";
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** Resolves once something accepts connections on the port; rejects if the process exits first. */
export async function waitForPort(port: number, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`server exited (${child.exitCode}) before listening:\n${output()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`nothing listened on 127.0.0.1:${port} within 30 s:\n${output()}`);
}
