import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseBackup } from "../../scripts/comments-backup-format.ts";
import { countView, listComments, pageViews, postComment } from "../support/commentsApi.ts";
import { startCommentsServer, type CommentsServer } from "../support/commentsServer.ts";
import { repoRoot } from "../support/paths.ts";
import { startPostgres, type Postgres } from "../support/postgres.ts";

// A move: comments and page views written through the real server on SQLite, backed up with
// `npm run comments:backup`, restored into a fresh PostgreSQL with `npm run comments:restore`,
// and served from there: the same comments, the same threads, the same counts.

const output = path.join(repoRoot, "tests/.output/comments-backup");
const PAGES = ["/articles/夜班/", "/articles/move-b/", "/about/"];

let servers: CommentsServer[] = [];
let database: Postgres | undefined;

afterEach(async () => {
  for (const server of servers) await server.close();
  servers = [];
  await database?.stop();
  database = undefined;
});

/** Runs one of scripts/comments-*.ts as `npm run` would, with the database chosen by `env`. */
function runScript(name: string, args: string[], env: Record<string, string>) {
  // Only the chosen database's variables: a PG_DB from the caller's shell must not leak in.
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(PG_|POSTGRES_|COMMENTS_DB)/.test(key)),
  );
  const result = spawnSync(process.execPath, [path.join(repoRoot, "scripts", name), ...args], {
    cwd: repoRoot,
    env: { ...clean, ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

async function snapshot(url: string) {
  const comments = await Promise.all(PAGES.map((page) => listComments(url, page)));
  const views = await pageViews(url, PAGES);
  return { comments, views };
}

describe("comments:backup and comments:restore", () => {
  it("moves comments, threads and page views from SQLite to PostgreSQL unchanged", async () => {
    rmSync(output, { recursive: true, force: true });
    const sqliteFile = path.join(output, "sqlite", "waline.sqlite");
    const sqlite = await startCommentsServer(path.dirname(sqliteFile));
    servers.push(sqlite);

    // Threads two levels deep on every page, Chinese, markup and emoji in the text.
    let n = 0;
    for (const page of PAGES) {
      for (let t = 0; t < 3; t++) {
        const root = await postComment(sqlite.url, {
          path: page,
          nick: `甲${t}`,
          text: `第${++n}条：<b>粗体</b> 🚌 ${page}`,
        });
        expect(root.errno, JSON.stringify(root)).toBe(0);
        const rootId = root.data?.objectId ?? 0;
        const reply = await postComment(sqlite.url, {
          path: page,
          nick: "乙",
          text: `回复${++n}：同意`,
          pid: rootId,
          rid: rootId,
        });
        expect(reply.errno, JSON.stringify(reply)).toBe(0);
        const replyToReply = await postComment(sqlite.url, {
          path: page,
          nick: "丙",
          text: `回复的回复${++n}`,
          pid: reply.data?.objectId ?? 0,
          rid: rootId,
        });
        expect(replyToReply.errno, JSON.stringify(replyToReply)).toBe(0);
      }
    }
    for (const [i, page] of PAGES.entries())
      for (let v = 0; v <= i * 3; v++) await countView(sqlite.url, page);
    const before = await snapshot(sqlite.url);
    expect(before.comments.flat()).toHaveLength(27);
    expect(before.comments.flat().filter((c) => c.pid !== null)).toHaveLength(18);
    expect(before.views).toEqual([1, 4, 7]);

    // Backed up while the server runs: the script only reads.
    const file = path.join(output, "backup.json");
    const backedUp = runScript("comments-backup.ts", [file], { COMMENTS_DB: sqliteFile });
    expect(backedUp.status, backedUp.output).toBe(0);
    expect(backedUp.output).toContain("27 条评论，3 个页面计数");
    const backup = parseBackup(readFileSync(file, "utf8"));
    expect(backup.tables.comments).toHaveLength(27);
    expect(backup.tables.counters).toHaveLength(3);
    await sqlite.close();

    database = await startPostgres();
    const restored = runScript("comments-restore.ts", [file], database.env);
    expect(restored.status, restored.output).toBe(0);
    expect(restored.output).toContain("27 条评论，3 个页面计数");
    // A second restore would mix two sites' comments: refused, and nothing changes.
    const again = runScript("comments-restore.ts", [file], database.env);
    expect(again.status).toBe(1);
    expect(again.output).toContain("already holds 27 comments");

    const pg = await startCommentsServer(path.join(output, "pg"), { env: database.env });
    servers.push(pg);
    const after = await snapshot(pg.url);
    expect(after).toEqual(before);

    // The next comment continues after the restored ids instead of colliding with them.
    const next = await postComment(pg.url, { path: PAGES[0] ?? "/", nick: "丁", text: "搬家后的第一条评论" });
    expect(next.errno, JSON.stringify(next)).toBe(0);
    expect(next.data?.objectId).toBe(28);
    expect((await listComments(pg.url, PAGES[0] ?? "/")).map((c) => c.orig)).toContain("搬家后的第一条评论");

    // And a backup of the PostgreSQL copy holds the same rows as the SQLite one.
    const second = path.join(output, "backup-from-pg.json");
    const backedUpAgain = runScript("comments-backup.ts", [second], database.env);
    expect(backedUpAgain.status, backedUpAgain.output).toBe(0);
    const fromPg = parseBackup(readFileSync(second, "utf8"));
    expect(fromPg.source).toBe("postgresql");
    expect(fromPg.tables.comments.filter((c) => c["id"] !== 28)).toEqual(backup.tables.comments);
    expect(fromPg.tables.counters).toEqual(backup.tables.counters);
  });

  it("refuses a file that is not a backup, and says so", () => {
    const file = path.join(repoRoot, "package.json");
    const result = runScript("comments-restore.ts", [file], {
      COMMENTS_DB: path.join(output, "never.sqlite"),
    });
    expect(result.status).toBe(1);
    expect(result.output).toContain('not a comments backup: "format" must be "guanzhi-comments"');
  });
});
