import { describe, expect, it } from "vitest";
import {
  BACKUP_COLUMNS,
  makeBackup,
  parseBackup,
  toBackupValue,
  type CommentsBackup,
} from "../../scripts/comments-backup-format.ts";

const now = new Date("2026-03-01T04:05:06Z");

function comment(id: number, pid: number | null, rid: number | null) {
  return {
    id,
    comment: `<p>评论${id}</p>`,
    nick: "甲",
    pid,
    rid,
    status: "approved",
    url: "/articles/夜班/",
  };
}

function backupOf(comments: Record<string, unknown>[]): CommentsBackup {
  return makeBackup("sqlite", { comments, counters: [], users: [] }, now);
}

describe("makeBackup", () => {
  it("keeps every column, fills missing ones with null and sorts by id", () => {
    const backup = backupOf([comment(2, 1, 1), comment(1, null, null)]);
    expect(backup.format).toBe("guanzhi-comments");
    expect(backup.version).toBe(1);
    expect(backup.exportedAt).toBe("2026-03-01T04:05:06.000Z");
    expect(backup.tables.comments.map((c) => c["id"])).toEqual([1, 2]);
    expect(Object.keys(backup.tables.comments[0] ?? {}).sort()).toEqual([...BACKUP_COLUMNS.comments].sort());
    expect(backup.tables.comments[1]?.["pid"]).toBe(1);
    expect(backup.tables.comments[0]?.["mail"]).toBeNull();
  });

  it("reads PostgreSQL's lower-case columns back into Waline's names", () => {
    const backup = backupOf([{ ...comment(1, null, null), insertedat: "2026-02-01 08:00:00" }]);
    expect(backup.tables.comments[0]?.["insertedAt"]).toBe("2026-02-01 08:00:00");
  });

  it("refuses a column it does not know rather than dropping it", () => {
    expect(() => backupOf([{ ...comment(1, null, null), karma: 3 }])).toThrow(/unexpected column “karma”/);
  });
});

describe("toBackupValue", () => {
  it("writes times as wall-clock text and numbers stored as text as numbers", () => {
    expect(toBackupValue("insertedAt", new Date("2026-02-01T08:09:10Z"))).toBe("2026-02-01 08:09:10");
    expect(toBackupValue("sticky", "1")).toBe(1);
    expect(toBackupValue("time", 12n)).toBe(12);
    // Text that looks like a number stays text where the column is text.
    expect(toBackupValue("nick", "123")).toBe("123");
    expect(toBackupValue("comment", undefined)).toBeNull();
  });
});

describe("parseBackup", () => {
  const valid = () => backupOf([comment(1, null, null), comment(2, 1, 1), comment(3, 2, 1)]);

  it("reads back what makeBackup wrote", () => {
    const backup = valid();
    expect(parseBackup(JSON.stringify(backup))).toEqual(backup);
  });

  it.each([
    ["not JSON", "{", /not JSON/],
    ["another file", JSON.stringify({ name: "zh-commentary" }), /not a comments backup/],
    ["a newer version", JSON.stringify({ ...valid(), version: 2 }), /backup version 2 is not supported/],
  ])("refuses %s", (_what, text, message) => {
    expect(() => parseBackup(text)).toThrow(message);
  });

  it("refuses a reply whose parent is not in the file, naming the row", () => {
    const backup = backupOf([comment(1, null, null), comment(3, 2, 1)]);
    expect(() => parseBackup(JSON.stringify(backup))).toThrow(
      "tables.comments[1].pid: comment 2 is not in the backup",
    );
  });

  it("refuses an id twice, an unknown column and a missing table", () => {
    const twice = valid();
    twice.tables.comments.push({ ...twice.tables.comments[0] });
    expect(() => parseBackup(JSON.stringify(twice))).toThrow("tables.comments[3].id: 1 appears twice");

    const unknown = valid();
    unknown.tables.users.push({ id: 1, secret: "x" });
    expect(() => parseBackup(JSON.stringify(unknown))).toThrow("tables.users[0]: unknown column “secret”");

    const { counters: _counters, ...rest } = valid().tables;
    expect(() => parseBackup(JSON.stringify({ ...valid(), tables: rest }))).toThrow(
      "tables.counters must be a list",
    );
  });
});
