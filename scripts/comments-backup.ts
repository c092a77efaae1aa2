/**
 * `npm run comments:backup -- <file>`: writes every comment, page counter (views, reactions) and
 * user of the comment server's database to <file> as JSON (format: docs/comments.md, “Backup”).
 * Reads the database start.mjs uses: PG_DB… for PostgreSQL, else COMMENTS_DB (SQLite). Safe
 * while the server runs: it only reads. Writes to <file>.tmp first, then renames, so an
 * interrupted backup never leaves a half file under the real name.
 */
import { renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { makeBackup, parseBackup } from "./comments-backup-format.ts";
import { openCommentStore } from "./comments-store.ts";

const file = process.argv[2];
if (!file || process.argv.length > 3) {
  console.error("用法：npm run comments:backup -- <备份文件.json>");
  process.exit(1);
}
const target = path.resolve(file);
const store = await openCommentStore();
try {
  const backup = makeBackup(store.kind, await store.readAll(), new Date());
  const text = `${JSON.stringify(backup, null, 2)}\n`;
  // What is written must read back: a backup that restore refuses is worse than none.
  parseBackup(text);
  writeFileSync(`${target}.tmp`, text);
  renameSync(`${target}.tmp`, target);
  const { comments, counters, users } = backup.tables;
  console.log(
    `已备份 ${store.where} → ${target}：${comments.length} 条评论，${counters.length} 个页面计数，${users.length} 个用户`,
  );
} finally {
  await store.close();
}
