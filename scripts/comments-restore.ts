/**
 * `npm run comments:restore -- <file> [--replace]`: loads a file written by comments:backup into
 * the database start.mjs uses (PG_DB… for PostgreSQL, else COMMENTS_DB for SQLite), creating
 * the tables if needed. Comments keep their ids, so replies keep their threads. Refuses a
 * database that already holds comments, counters or users unless --replace is given, which
 * empties it first. All in one transaction: on any error nothing is changed. Stop the comment
 * server while restoring.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { parseBackup } from "./comments-backup-format.ts";
import { openCommentStore } from "./comments-store.ts";

const { values, positionals } = parseArgs({
  options: { replace: { type: "boolean" } },
  allowPositionals: true,
});
const file = positionals[0];
if (!file || positionals.length > 1) {
  console.error("用法：npm run comments:restore -- <备份文件.json> [--replace]");
  process.exit(1);
}
let backup;
try {
  backup = parseBackup(readFileSync(file, "utf8"));
} catch (error) {
  console.error(`${file}: ${(error as Error).message}`);
  process.exit(1);
}
const store = await openCommentStore();
try {
  const before = await store.counts();
  const held = Object.values(before).some((n) => n > 0);
  if (held && !values.replace) {
    console.error(
      `${store.where} already holds ${before.comments} comments, ${before.counters} counters and ${before.users} users; ` +
        `nothing was changed. Restore into an empty database, or add --replace to empty this one first.`,
    );
    process.exitCode = 1;
  } else {
    await store.writeAll(backup.tables, { replace: values.replace === true });
    const after = await store.counts();
    console.log(
      `已恢复 ${file} → ${store.where}：${after.comments} 条评论，${after.counters} 个页面计数，${after.users} 个用户`,
    );
  }
} finally {
  await store.close();
}
