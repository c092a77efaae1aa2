import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { Transform } from "node:stream";
import { createGzip } from "node:zlib";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * What static hosts compress on the fly (nginx `gzip_types`, Netlify, Cloudflare): text, not
 * images and not application/octet-stream — Pagefind's index files (.pf_meta, .pf_index,
 * .pf_fragment, .pagefind), which it writes already gzipped, are sent as they are.
 */
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml)|image\/svg)/;

export interface ServedFile {
  /** Decoded request path, e.g. /pagefind/pagefind.js */
  path: string;
  /** Response body bytes sent (after gzip when compressed). */
  sent: number;
  /** The file's size on disk. */
  size: number;
  /** When the request arrived and the response ended, in ms since the epoch (Date.now()). */
  start: number;
  end: number;
}

export interface StaticServer {
  url: string;
  /** Every response completed so far, in order; tests may reset it with `served.length = 0`. */
  served: ServedFile[];
  /** Responses started and not yet completed. */
  readonly inFlight: number;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** Gzip compressible responses when the browser accepts it, as a production host does. */
  gzip?: boolean;
}

/**
 * Serves a built site on 127.0.0.1 the way a static host does: /x/ → /x/index.html,
 * percent-encoded Chinese paths decoded, unknown paths → 404.html with status 404. Several roots
 * are layered: a path is served from the first root that has it.
 */
export async function serveStatic(
  root: string | readonly string[],
  { gzip = false }: ServeOptions = {},
): Promise<StaticServer> {
  const roots = typeof root === "string" ? [root] : root;
  const notFound = roots.map((dir) => resolveFile(dir, "/404.html")).find((file) => file !== undefined);
  if (notFound === undefined) throw new Error(`serveStatic: no 404.html in ${roots.join(", ")}`);
  const served: ServedFile[] = [];
  let inFlight = 0;
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
    const found = roots.map((dir) => resolveFile(dir, pathname)).find((file) => file !== undefined);
    const file = found ?? notFound;
    const type = TYPES[path.extname(file)] ?? "application/octet-stream";
    const compress =
      gzip && COMPRESSIBLE.test(type) && /\bgzip\b/.test(request.headers["accept-encoding"] ?? "");
    response.writeHead(found ? 200 : 404, {
      "content-type": type,
      ...(compress ? { "content-encoding": "gzip", vary: "accept-encoding" } : {}),
    });
    inFlight += 1;
    const start = Date.now();
    let sent = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        sent += chunk.length;
        done(null, chunk);
      },
    });
    response.on("close", () => {
      inFlight -= 1;
      served.push({ path: pathname, sent, size: statSync(file).size, start, end: Date.now() });
    });
    const stream = createReadStream(file);
    (compress ? stream.pipe(createGzip()) : stream).pipe(counter).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    get inFlight() {
      return inFlight;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function resolveFile(root: string, pathname: string): string | undefined {
  let file = path.join(root, pathname);
  if (!file.startsWith(root)) return undefined;
  if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, "index.html");
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}
