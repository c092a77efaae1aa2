import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import { freePort } from "./freePort.ts";

/** A PostgreSQL server the test started on 127.0.0.1, with its own data folder. */
export interface Postgres {
  host: string;
  port: number;
  user: string;
  database: string;
  /** The environment Waline (and scripts/comments-*.ts) read to reach this database. */
  env: Record<string, string>;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Finds a PostgreSQL program: on PATH first, then Debian's versioned folders
 * (/usr/lib/postgresql/<version>/bin, newest first), which the `postgresql` package does not put
 * on PATH. Throws, never skips: .ci/run installs the package on a fresh machine.
 */
export function findPostgresProgram(name: string): string {
  const dirs = (process.env["PATH"] ?? "").split(path.delimiter).filter(Boolean);
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    dirs.push(...versions.map((v) => path.join(debian, v, "bin")));
  }
  for (const dir of dirs) {
    const candidate = path.join(dir, name);
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(
    `PostgreSQL's ${name} is not installed (looked on PATH and in /usr/lib/postgresql/*/bin), so the ` +
      `PostgreSQL comment tests cannot run. Install it: apt-get install -y postgresql (.ci/run does this).`,
  );
}

/**
 * PostgreSQL refuses to run as root. Under root (CI containers) the server runs as the
 * `postgres` user the Debian package creates, or as `nobody`; `setpriv` execs in place, so the
 * child process is postgres itself and a signal to it reaches the server.
 */
function asServerUser(): { prefix: string[]; uid: number; gid: number } | null {
  if (userInfo().uid !== 0) return null;
  for (const name of ["postgres", "nobody"]) {
    const id = spawnSync("id", ["-u", name], { encoding: "utf8" });
    const gid = spawnSync("id", ["-g", name], { encoding: "utf8" });
    if (id.status === 0 && gid.status === 0) {
      const uid = Number(id.stdout.trim());
      const group = Number(gid.stdout.trim());
      return {
        prefix: ["setpriv", `--reuid=${uid}`, `--regid=${group}`, "--clear-groups", "--"],
        uid,
        gid: group,
      };
    }
  }
  throw new Error("running as root, and neither a postgres nor a nobody user exists to run PostgreSQL as");
}

function run(command: string[], what: string): void {
  const [program, ...args] = command;
  const result = spawnSync(program ?? "", args, { encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(`${what} failed (${result.status ?? result.signal}):\n${result.stdout}${result.stderr}`);
  }
}

/**
 * Creates a fresh cluster in a temporary folder (initdb, trust auth on loopback only), starts
 * `postgres` on a free 127.0.0.1 port and creates the database `waline`. `stop()` shuts it down
 * and removes the folder.
 */
export async function startPostgres(): Promise<Postgres> {
  const initdb = findPostgresProgram("initdb");
  const postgres = findPostgresProgram("postgres");
  const createdb = findPostgresProgram("createdb");
  const root = mkdtempSync(path.join(tmpdir(), "comments-pg-"));
  const data = path.join(root, "data");
  const user = "waline";
  const database = "waline";
  const as = asServerUser();
  if (as) chownSync(root, as.uid, as.gid);
  const prefix = as?.prefix ?? [];
  run(
    [...prefix, initdb, "-D", data, "-U", user, "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"],
    "initdb",
  );

  const port = await freePort();
  let log = "";
  const [program, ...args] = [
    ...prefix,
    postgres,
    "-D",
    data,
    "-p",
    String(port),
    "-c",
    "listen_addresses=127.0.0.1",
    "-c",
    `unix_socket_directories=${root}`,
  ];
  const child: ChildProcess = spawn(program ?? "", args, { stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      // SIGINT is PostgreSQL's "fast" shutdown: roll back open transactions, checkpoint, exit.
      child.kill("SIGINT");
      await exited;
    }
    rmSync(root, { recursive: true, force: true });
  };

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`postgres exited (${child.exitCode}):\n${log}`);
    }
    const made = spawnSync(createdb, ["-h", "127.0.0.1", "-p", String(port), "-U", user, database], {
      encoding: "utf8",
    });
    if (made.status === 0) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(
        `postgres did not accept connections on port ${port} within 60 s:\n${log}${made.stderr}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    host: "127.0.0.1",
    port,
    user,
    database,
    env: {
      PG_HOST: "127.0.0.1",
      PG_PORT: String(port),
      PG_USER: user,
      PG_PASSWORD: "",
      PG_DB: database,
    },
    output: () => log,
    stop,
  };
}
