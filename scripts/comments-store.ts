/**
 * The comment server's database, opened the way comments-server/start.mjs opens it: PostgreSQL
 * when PG_DB (or POSTGRES_DATABASE) is set, with PG_HOST, PG_PORT, PG_USER, PG_PASSWORD, PG_SSL;
 * otherwise the SQLite file COMMENTS_DB (default comments-server/data/waline.sqlite). Uses the
 * server's own drivers (sqlite3, pg) from comments-server/node_modules.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { BACKUP_COLUMNS, BACKUP_TABLES, type BackupRow, type BackupTable } from "./comments-backup-format.ts";

const serverDir = path.resolve(import.meta.dirname, "../comments-server");
const require = createRequire(path.join(serverDir, "package.json"));

export interface CommentStore {
  kind: "sqlite" | "postgresql";
  /** Where it is, for messages: a file path or host:port/database. */
  where: string;
  readAll(): Promise<Record<BackupTable, Record<string, unknown>[]>>;
  counts(): Promise<Record<BackupTable, number>>;
  /** In one transaction: optionally empties the tables, then inserts every row with its id. */
  writeAll(tables: Record<BackupTable, BackupRow[]>, options: { replace: boolean }): Promise<void>;
  close(): Promise<void>;
}

interface Query {
  all(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  run(sql: string, params?: unknown[]): Promise<void>;
  close(): Promise<void>;
}

function requireDriver<T>(name: string): T {
  if (!existsSync(path.join(serverDir, "node_modules", name))) {
    throw new Error(`the comment server's ${name} driver is missing: npm ci --prefix comments-server`);
  }
  return require(name) as T;
}

interface SqliteDatabase {
  all(
    sql: string,
    params: unknown[],
    done: (error: Error | null, rows: Record<string, unknown>[]) => void,
  ): void;
  run(sql: string, params: unknown[], done: (error: Error | null) => void): void;
  exec(sql: string, done: (error: Error | null) => void): void;
  close(done: (error: Error | null) => void): void;
}

async function openSqlite(file: string): Promise<Query> {
  const sqlite3 = requireDriver<{
    Database: new (file: string, done: (e: Error | null) => void) => SqliteDatabase;
  }>("sqlite3");
  const db = await new Promise<SqliteDatabase>((resolve, reject) => {
    const opened: SqliteDatabase = new sqlite3.Database(file, (error) =>
      error ? reject(error) : resolve(opened),
    );
  });
  await new Promise<void>((resolve, reject) =>
    db.exec(readFileSync(path.join(serverDir, "schema.sql"), "utf8"), (e) => (e ? reject(e) : resolve())),
  );
  return {
    all: (sql, params = []) =>
      new Promise((resolve, reject) => db.all(sql, params, (e, rows) => (e ? reject(e) : resolve(rows)))),
    run: (sql, params = []) =>
      new Promise((resolve, reject) => db.run(sql, params, (e) => (e ? reject(e) : resolve()))),
    close: () => new Promise((resolve, reject) => db.close((e) => (e ? reject(e) : resolve()))),
  };
}

interface PgClient {
  connect(): Promise<void>;
  query(sql: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  end(): Promise<void>;
}

async function openPostgres(env: NodeJS.ProcessEnv): Promise<Query> {
  const pg = requireDriver<{
    Client: new (options: object) => PgClient;
    types: { setTypeParser(oid: number, parse: (text: string) => unknown): void };
  }>("pg");
  // timestamp without time zone (1114): keep the stored wall time as text instead of reading it
  // in this machine's zone, so a backup does not shift by the zone it was made in.
  pg.types.setTypeParser(1114, (text) => text);
  const client = new pg.Client({
    host: env["PG_HOST"] || env["POSTGRES_HOST"] || "127.0.0.1",
    port: Number(env["PG_PORT"] || env["POSTGRES_PORT"] || 5432),
    database: env["PG_DB"] || env["POSTGRES_DATABASE"],
    user: env["PG_USER"] || env["POSTGRES_USER"],
    password: env["PG_PASSWORD"] || env["POSTGRES_PASSWORD"],
    ssl: (env["PG_SSL"] || env["POSTGRES_SSL"]) === "true" ? { rejectUnauthorized: false } : undefined,
  });
  await client.connect();
  await client.query(readFileSync(path.join(serverDir, "schema.pgsql"), "utf8"));
  return {
    all: async (sql, params = []) => (await client.query(sql, params)).rows,
    run: async (sql, params = []) => {
      await client.query(sql, params);
    },
    close: () => client.end(),
  };
}

const SQLITE_TABLES: Record<BackupTable, string> = {
  comments: "wl_Comment",
  counters: "wl_Counter",
  users: "wl_Users",
};

/** Opens the store the environment names (see the top of this file); creates missing tables. */
export async function openCommentStore(env: NodeJS.ProcessEnv = process.env): Promise<CommentStore> {
  const postgres = Boolean(env["PG_DB"] || env["POSTGRES_DATABASE"]);
  const kind = postgres ? "postgresql" : "sqlite";
  let where: string;
  let db: Query;
  // Identifiers are quoted: "like", "time" and "2fa" are reserved or start with a digit.
  let table: (t: BackupTable) => string;
  let column: (c: string) => string;
  let placeholder: (i: number) => string;
  if (postgres) {
    where = `${env["PG_HOST"] || env["POSTGRES_HOST"] || "127.0.0.1"}:${env["PG_PORT"] || env["POSTGRES_PORT"] || 5432}/${env["PG_DB"] || env["POSTGRES_DATABASE"]}`;
    db = await openPostgres(env);
    table = (t) => `"${SQLITE_TABLES[t].toLowerCase()}"`;
    column = (c) => `"${c.toLowerCase()}"`;
    placeholder = (i) => `$${i + 1}`;
  } else {
    // As start.mjs: Waline opens <dir>/<name>.sqlite, so the name always ends in .sqlite.
    where = path
      .resolve(env["COMMENTS_DB"] ?? path.join(serverDir, "data/waline.sqlite"))
      .replace(/(?<!\.sqlite)$/, ".sqlite");
    if (!existsSync(where))
      throw new Error(`no comment database at ${where} (set COMMENTS_DB, or PG_DB for PostgreSQL)`);
    db = await openSqlite(where);
    table = (t) => `"${SQLITE_TABLES[t]}"`;
    column = (c) => `"${c}"`;
    placeholder = () => "?";
  }

  return {
    kind,
    where,
    async readAll() {
      const out = {} as Record<BackupTable, Record<string, unknown>[]>;
      for (const t of BACKUP_TABLES) out[t] = await db.all(`SELECT * FROM ${table(t)} ORDER BY id`);
      return out;
    },
    async counts() {
      const out = {} as Record<BackupTable, number>;
      for (const t of BACKUP_TABLES) {
        const [row] = await db.all(`SELECT COUNT(*) AS n FROM ${table(t)}`);
        out[t] = Number(row?.["n"] ?? 0);
      }
      return out;
    },
    async writeAll(tables, { replace }) {
      await db.run("BEGIN");
      try {
        for (const t of BACKUP_TABLES) {
          if (replace) await db.run(`DELETE FROM ${table(t)}`);
          const columns = BACKUP_COLUMNS[t];
          const sql = `INSERT INTO ${table(t)} (${columns.map(column).join(", ")}) VALUES (${columns
            .map((_c, i) => placeholder(i))
            .join(", ")})`;
          for (const row of tables[t])
            await db.run(
              sql,
              columns.map((c) => row[c] ?? null),
            );
          if (postgres) {
            // Rows keep their ids (replies point at them), so the sequence must continue after
            // the largest one or the next new comment would collide.
            const seq = `${SQLITE_TABLES[t].toLowerCase()}_seq`;
            await db.run(
              `SELECT setval('${seq}', GREATEST((SELECT COALESCE(MAX(id), 0) FROM ${table(t)}), 1), (SELECT COUNT(*) > 0 FROM ${table(t)}))`,
            );
          }
        }
        await db.run("COMMIT");
      } catch (error) {
        await db.run("ROLLBACK").catch(() => undefined);
        throw error;
      }
    },
    close: () => db.close(),
  };
}
