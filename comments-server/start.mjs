/**
 * Runs the Waline comment server on 127.0.0.1 with a SQLite file or PostgreSQL, for local use
 * and the tests:
 *   npm run comments:server                        (from the site's folder)
 *   COMMENTS_PORT=8360 COMMENTS_DB=comments-server/data/waline.sqlite node comments-server/start.mjs
 *   PG_HOST=127.0.0.1 PG_PORT=5432 PG_DB=waline PG_USER=waline PG_PASSWORD=… npm run comments:server
 * PG_DB (Waline's own variable) selects PostgreSQL; without it the SQLite file is used.
 * Installs the server's packages first if they are missing, creates the tables if they are
 * missing (schema.sql / schema.pgsql), and keeps every request on this machine: OAuth is pointed
 * at a stub served here, Akismet is off, avatars are a data: URL, and any fetch() to another host
 * is refused.
 * Production: see README “Comments” (same settings, a real JWT_TOKEN, behind HTTPS).
 */
import cluster from "node:cluster";
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import path from "node:path";

const here = import.meta.dirname;
const require = createRequire(path.join(here, "package.json"));
const HOST = "127.0.0.1";
const port = Number(process.env.COMMENTS_PORT ?? 8360);
// Waline's SQLite adapter opens <SQLITE_PATH>/<SQLITE_DB>.sqlite, so the name must end in .sqlite.
const database = path
  .resolve(process.env.COMMENTS_DB ?? path.join(here, "data/waline.sqlite"))
  .replace(/(?<!\.sqlite)$/, ".sqlite");

// A neutral grey disc: Waline's default avatars come from qlogo.cn and libravatar.org.
const AVATAR =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 2 2'%3E%3Ccircle cx='1' cy='1' r='1' fill='%23a8a29a'/%3E%3C/svg%3E";

function installIfMissing() {
  if (existsSync(path.join(here, "node_modules/@waline/vercel/package.json"))) return;
  console.log("comments-server: installing @waline/vercel (sqlite3 may compile for about a minute)…");
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const result = spawnSync(npm, ["ci", "--no-audit", "--no-fund"], { cwd: here, stdio: "inherit" });
  if (result.status !== 0) throw new Error("comments-server: npm ci failed (see above)");
}

const postgres = Boolean(process.env.PG_DB || process.env.POSTGRES_DATABASE);

async function createTables() {
  if (postgres) return createPostgresTables();
  mkdirSync(path.dirname(database), { recursive: true });
  const sqlite3 = require("sqlite3");
  const db = new sqlite3.Database(database);
  await new Promise((resolve, reject) =>
    db.exec(readFileSync(path.join(here, "schema.sql"), "utf8"), (error) =>
      error ? reject(error) : resolve(),
    ),
  );
  await new Promise((resolve) => db.close(resolve));
}

/** The same connection settings Waline reads (src/config/adapter.js), so both see one database. */
function postgresSettings(env = process.env) {
  return {
    host: env.PG_HOST || env.POSTGRES_HOST || "127.0.0.1",
    port: Number(env.PG_PORT || env.POSTGRES_PORT || 5432),
    database: env.PG_DB || env.POSTGRES_DATABASE,
    user: env.PG_USER || env.POSTGRES_USER,
    password: env.PG_PASSWORD || env.POSTGRES_PASSWORD,
    ssl: (env.PG_SSL || env.POSTGRES_SSL) === "true" ? { rejectUnauthorized: false } : undefined,
  };
}

async function createPostgresTables() {
  if ((process.env.PG_PREFIX || process.env.POSTGRES_PREFIX || "wl_") !== "wl_") {
    throw new Error(
      "comments-server: PG_PREFIX other than wl_ is not supported (schema.pgsql names wl_ tables)",
    );
  }
  const { Client } = require("pg");
  const client = new Client(postgresSettings());
  await client.connect();
  try {
    await client.query(readFileSync(path.join(here, "schema.pgsql"), "utf8"));
  } finally {
    await client.end();
  }
}

/**
 * Waline answers a second comment from one address within IPQPS seconds with the key
 * "Comment too fast!", which its zh-CN table lacks (it has "Comment too fast"), so the widget's
 * alert would be English. The reader is told, in Chinese, what happened and when to try again.
 */
function explainRateLimit() {
  const seconds = Number(process.env.IPQPS ?? 60);
  const locales = require("@waline/vercel/src/locales/index.js");
  for (const lang of ["zh-cn", "zh"]) {
    if (locales[lang]) {
      locales[lang]["Comment too fast!"] =
        `评论发得太快了：同一网络 ${seconds} 秒内只能发一条。你的评论还在输入框里，请稍后再点“提交”。`;
    }
  }
}

/** Answers Waline's per-request OAuth lookup with "no login services" (login is disabled). */
async function startOAuthStub() {
  const stub = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "application/json" });
    response.end('{"services":[]}');
  });
  await new Promise((resolve) => stub.listen(0, HOST, resolve));
  return `http://${HOST}:${stub.address().port}`;
}

/** Waline only ever needs loopback; anything else is a setting that would leak a request. */
function refuseOutsideFetch() {
  const original = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.hostname !== HOST && url.hostname !== "localhost") {
      console.error(`comments-server: refused an outside request to ${url.origin}`);
      return Promise.reject(new Error(`outside request refused: ${url.origin}`));
    }
    return original(input, init);
  };
}

function runWaline() {
  refuseOutsideFetch();
  explainRateLimit();
  // thinkjs only loads, and never listens, when it thinks a test runner started it
  // (NODE_ENV=test, as under Vitest); this process is a server whoever started it.
  if (process.env.NODE_ENV === "test") process.env.NODE_ENV = "production";
  delete process.env.JEST_WORKER_ID;
  delete process.env.THINK_UNIT_TEST;
  const root = path.dirname(require.resolve("@waline/vercel/package.json"));
  const Application = require("thinkjs");
  // Waline's own vanilla.js, with the address set: thinkjs reads host and port when it listens.
  new Application({
    ROOT_PATH: root,
    APP_PATH: path.join(root, "src"),
    proxy: true,
    env: "production",
  }).run();
  globalThis.think.config("host", HOST);
  globalThis.think.config("port", port);
}

if (cluster.isPrimary) {
  installIfMissing();
  await createTables();
  Object.assign(process.env, {
    ...(postgres
      ? {}
      : { SQLITE_PATH: path.dirname(database), SQLITE_DB: path.basename(database).replace(/\.sqlite$/, "") }),
    JWT_TOKEN: process.env.JWT_TOKEN ?? randomBytes(24).toString("hex"),
    OAUTH_URL: await startOAuthStub(),
    AKISMET_KEY: "false",
    GRAVATAR_STR: process.env.GRAVATAR_STR ?? AVATAR,
  });
  const store = postgres
    ? `PostgreSQL ${postgresSettings().database} on ${postgresSettings().host}:${postgresSettings().port}`
    : database;
  console.log(`comments-server: ${store}, serving http://${HOST}:${port}`);
}
// thinkjs forks a worker that runs this file again (cluster.isPrimary false) with the same
// environment; both processes start Waline, the worker handles the requests.
runWaline();
