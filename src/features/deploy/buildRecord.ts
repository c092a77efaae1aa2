import { createHash } from "node:crypto";

/**
 * `_build.json`: written into the site by the build's last step before it is published
 * (deployFilesIntegration.ts). It is the completeness marker `npm run deploy` checks (every
 * file of the build, by path and size, summed into one digest) and the record of which articles
 * the build published, which the hourly CI job compares with the articles due now.
 */
export interface BuildRecord {
  format: 1;
  builtAt: string;
  /** Files of the site (the record itself excluded) and their bytes. */
  files: number;
  bytes: number;
  /** sha256 of every file's path and size, sorted: a missing or truncated file changes it. */
  digest: string;
  /** The published articles: how many, and publishedDigest() of their ids. */
  published: { count: number; digest: string };
}

export interface SiteFile {
  /** Relative to the site root, `/`-separated. */
  path: string;
  size: number;
}

export function filesDigest(files: readonly SiteFile[]): string {
  const hash = createHash("sha256");
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)))
    hash.update(`${file.path}\0${file.size}\n`);
  return hash.digest("hex");
}

/** One digest of a set of article ids, whatever their order. */
export function publishedDigest(ids: Iterable<string>): string {
  const hash = createHash("sha256");
  for (const id of [...new Set(ids)].sort()) hash.update(`${id}\n`);
  return hash.digest("hex");
}

/** Article ids of a built site: its `articles/<id>/index.html` pages. */
export function publishedIdsOf(files: readonly SiteFile[]): string[] {
  return files.flatMap((file) => /^articles\/([^/]+)\/index\.html$/.exec(file.path)?.[1] ?? []);
}

export function buildRecord(files: readonly SiteFile[], builtAt: Date): BuildRecord {
  const ids = publishedIdsOf(files);
  return {
    format: 1,
    builtAt: builtAt.toISOString(),
    files: files.length,
    bytes: files.reduce((sum, file) => sum + file.size, 0),
    digest: filesDigest(files),
    published: { count: ids.length, digest: publishedDigest(ids) },
  };
}

/**
 * Why a folder is not the complete build its record describes, or undefined when it is.
 * `files` are the folder's files without the record itself.
 */
export function incompleteBecause(record: unknown, files: readonly SiteFile[]): string | undefined {
  if (!isBuildRecord(record)) return "its _build.json is not a build record (written by another tool?)";
  if (files.length < record.files)
    return `${record.files - files.length} of its ${record.files} files are missing (a partial copy?)`;
  if (filesDigest(files) !== record.digest)
    return files.length > record.files
      ? `it has ${files.length - record.files} files its build did not write`
      : "files differ from what its build wrote (changed or truncated after the build)";
  return undefined;
}

export function isBuildRecord(value: unknown): value is BuildRecord {
  const record = value as Partial<BuildRecord> | null;
  return (
    typeof record === "object" &&
    record !== null &&
    record.format === 1 &&
    typeof record.digest === "string" &&
    typeof record.files === "number" &&
    typeof record.published?.digest === "string"
  );
}
