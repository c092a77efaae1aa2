import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, request, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort, waitForPort } from "./nginx.ts";

export interface WebdavServer {
  /** Environment that makes `site:` an rclone remote for this server (no rclone.conf needed). */
  env: Record<string, string>;
  /** Every request that reached the proxy: method and decoded path. */
  requests: { method: string; path: string; cacheControl: string | undefined }[];
  /** Cut the connection of every PUT after this many more have succeeded (a network failure). */
  failPutsAfter(count: number | undefined): void;
  close(): Promise<void>;
}

/**
 * `rclone serve webdav` over a folder on 127.0.0.1, behind a small proxy of the test's own that
 * records each request and can break the connection half-way through a deploy. Started and
 * stopped by the test; fails loudly when rclone is missing.
 */
export async function startWebdav(folder: string, { readOnly = false } = {}): Promise<WebdavServer> {
  const config = mkdtempSync(path.join(tmpdir(), "rclone-conf-"));
  writeFileSync(path.join(config, "rclone.conf"), "");
  const port = await freePort();
  const child = spawn(
    "rclone",
    ["serve", "webdav", folder, "--addr", `127.0.0.1:${port}`, ...(readOnly ? ["--read-only"] : [])],
    {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, RCLONE_CONFIG: path.join(config, "rclone.conf") },
    },
  );
  let output = "";
  child.on(
    "error",
    (error) => (output += `could not start rclone (apt-get install -y rclone): ${error.message}`),
  );
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await waitForPort(port, child, () => output);

  const requests: WebdavServer["requests"] = [];
  let putsLeft: number | undefined;
  const proxy: Server = createServer((incoming, outgoing) => {
    const method = incoming.method ?? "GET";
    requests.push({
      method,
      path: decodeURIComponent(new URL(incoming.url ?? "/", "http://x").pathname),
      cacheControl: incoming.headers["cache-control"],
    });
    if (method === "PUT" && putsLeft !== undefined) {
      if (putsLeft <= 0) {
        incoming.socket.destroy();
        return;
      }
      putsLeft -= 1;
    }
    const forward = request(
      { host: "127.0.0.1", port, method, path: incoming.url, headers: incoming.headers },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forward.on("error", () => outgoing.destroy());
    incoming.pipe(forward);
  });
  const proxyPort = await freePort();
  await new Promise<void>((resolve) => proxy.listen(proxyPort, "127.0.0.1", resolve));
  return {
    env: {
      RCLONE_CONFIG: path.join(config, "rclone.conf"),
      RCLONE_CONFIG_SITE_TYPE: "webdav",
      RCLONE_CONFIG_SITE_URL: `http://127.0.0.1:${proxyPort}/`,
    },
    requests,
    failPutsAfter(count) {
      putsLeft = count;
    },
    close: async () => {
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(resolve));
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(config, { recursive: true, force: true });
    },
  };
}
