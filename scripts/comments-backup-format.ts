/**
 * The backup file of `npm run comments:backup` / `comments:restore` (docs/comments.md, “Backup
 * format”): everything the Waline server stores, in one JSON document that does not depend on
 * the database it came from. Pure: no I/O, unit-tested in tests/unit/commentsBackupFormat.test.ts.
 */

export const BACKUP_FORMAT = "guanzhi-comments";
export const BACKUP_VERSION = 1;

/**
 * The columns of Waline's three tables, spelled as Waline names them (SQLite keeps this case,
 * PostgreSQL folds it to lower case). A backup row has exactly these keys.
 */
export const BACKUP_COLUMNS = {
  /** wl_Comment: pid is the comment replied to, rid the root of its thread. */
  comments: [
    "id",
    "user_id",
    "comment",
    "insertedAt",
    "ip",
    "link",
    "mail",
    "nick",
    "pid",
    "rid",
    "sticky",
    "status",
    "like",
    "ua",
    "url",
    "createdAt",
    "updatedAt",
  ],
  /** wl_Counter: page views (`time`) and reactions per page URL. */
  counters: [
    "id",
    "time",
    "reaction0",
    "reaction1",
    "reaction2",
    "reaction3",
    "reaction4",
    "reaction5",
    "reaction6",
    "reaction7",
    "reaction8",
    "url",
    "createdAt",
    "updatedAt",
  ],
  /** wl_Users: registered users (administrators), with their password hashes. */
  users: [
    "id",
    "display_name",
    "email",
    "password",
    "type",
    "label",
    "url",
    "avatar",
    "github",
    "twitter",
    "facebook",
    "google",
    "weibo",
    "qq",
    "oidc",
    "huawei",
    "2fa",
    "createdAt",
    "updatedAt",
  ],
} as const;

export type BackupTable = keyof typeof BACKUP_COLUMNS;
export const BACKUP_TABLES = Object.keys(BACKUP_COLUMNS) as BackupTable[];

/** A stored value: text, a number, or NULL. Times are "YYYY-MM-DD HH:MM:SS" as the server wrote them. */
export type BackupValue = string | number | null;
export type BackupRow = Record<string, BackupValue>;

export interface CommentsBackup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** When the file was written (ISO 8601, UTC). */
  exportedAt: string;
  /** "sqlite" or "postgresql": where it came from; informative only. */
  source: string;
  tables: Record<BackupTable, BackupRow[]>;
}

/** Integer columns: PostgreSQL hands numeric (sticky) and bigint back as text. */
const NUMERIC_COLUMNS = new Set([
  "id",
  "user_id",
  "pid",
  "rid",
  "sticky",
  "like",
  "time",
  ...Array.from({ length: 9 }, (_, i) => `reaction${i}`),
]);

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/**
 * One stored value as the backup holds it. Databases hand back times as Date (PostgreSQL
 * without a zone is read as UTC wall time by the store) or as text; a backup holds the wall
 * time as text so it reads back identically into either database.
 */
export function toBackupValue(column: string, value: unknown): BackupValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    const d = value;
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  }
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "string" && NUMERIC_COLUMNS.has(column) && /^-?\d+(\.\d+)?$/.test(value)) {
    return Number(value);
  }
  if (typeof value === "number" || typeof value === "string") return value;
  throw new Error(`${column}: cannot store a ${typeof value} in a backup`);
}

/** Builds the document from rows read out of a store (any column order, extra columns refused). */
export function makeBackup(
  source: string,
  rows: Record<BackupTable, Record<string, unknown>[]>,
  now: Date,
): CommentsBackup {
  const tables = {} as Record<BackupTable, BackupRow[]>;
  for (const table of BACKUP_TABLES) {
    const byLower = new Map(BACKUP_COLUMNS[table].map((c) => [c.toLowerCase(), c] as const));
    tables[table] = rows[table]
      .map((raw) => {
        const row: BackupRow = {};
        for (const [key, value] of Object.entries(raw)) {
          const column = byLower.get(key.toLowerCase());
          if (!column) throw new Error(`${table}: unexpected column “${key}” in the database`);
          row[column] = toBackupValue(column, value);
        }
        for (const column of BACKUP_COLUMNS[table]) row[column] ??= null;
        return row;
      })
      .sort((a, b) => Number(a["id"]) - Number(b["id"]));
  }
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now.toISOString(), source, tables };
}

/**
 * Checks a backup file before anything is written: format and version, exactly the known
 * columns, unique positive ids, and every reply's pid/rid pointing at a comment in the file, so
 * a restore never leaves a reply without its thread. Throws with the table, row and fix.
 */
export function parseBackup(text: string): CommentsBackup {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`not JSON: ${(error as Error).message}`);
  }
  const doc = data as Partial<CommentsBackup> | null;
  if (doc === null || typeof doc !== "object" || doc.format !== BACKUP_FORMAT) {
    throw new Error(
      `not a comments backup: "format" must be "${BACKUP_FORMAT}" (write one with npm run comments:backup)`,
    );
  }
  if (doc.version !== BACKUP_VERSION) {
    throw new Error(
      `backup version ${String(doc.version)} is not supported; this site reads version ${BACKUP_VERSION}`,
    );
  }
  if (typeof doc.tables !== "object" || doc.tables === null) throw new Error(`"tables" is missing`);
  for (const table of BACKUP_TABLES) {
    const rows: unknown = doc.tables[table];
    if (!Array.isArray(rows)) throw new Error(`tables.${table} must be a list`);
    const known = new Set<string>(BACKUP_COLUMNS[table]);
    const ids = new Set<number>();
    rows.forEach((row: unknown, index) => {
      const where = `tables.${table}[${index}]`;
      if (row === null || typeof row !== "object" || Array.isArray(row))
        throw new Error(`${where}: not an object`);
      for (const [key, value] of Object.entries(row)) {
        if (!known.has(key)) throw new Error(`${where}: unknown column “${key}”`);
        if (value !== null && typeof value !== "string" && typeof value !== "number") {
          throw new Error(`${where}.${key}: must be text, a number or null`);
        }
      }
      const id = (row as BackupRow)["id"];
      if (typeof id !== "number" || !Number.isInteger(id) || id <= 0) {
        throw new Error(`${where}.id: must be a positive integer`);
      }
      if (ids.has(id)) throw new Error(`${where}.id: ${id} appears twice`);
      ids.add(id);
    });
  }
  const comments = doc.tables.comments as BackupRow[];
  const ids = new Set(comments.map((c) => c["id"]));
  comments.forEach((comment, index) => {
    for (const link of ["pid", "rid"] as const) {
      const target = comment[link];
      if (target !== null && target !== undefined && !ids.has(target)) {
        throw new Error(`tables.comments[${index}].${link}: comment ${String(target)} is not in the backup`);
      }
    }
  });
  return doc as CommentsBackup;
}
