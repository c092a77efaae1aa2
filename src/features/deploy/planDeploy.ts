import { classifyFile, UPLOAD_ORDER } from "./serverPolicy.ts";

/** How long a file the site no longer has stays at the destination (README "Deploy"). */
export const GRACE = {
  /** Kept through this many further deploys… */
  deploys: 3,
  /** …and at least this many days after the deploy that dropped it; deleted when both have passed. */
  days: 7,
} as const;

/** The record a deploy keeps at its destination, as `.deploy-manifest.json`. */
export interface DeployManifest {
  format: 1;
  /** Deploys completed to this destination. */
  deploys: number;
  /**
   * Every file at the destination the deploys put there. A file of the live site has no
   * `removedIn`; one the site no longer has records the deploy (and its time) that dropped it.
   */
  files: Record<string, ManifestEntry>;
}

export interface ManifestEntry {
  /** sha256 of the content; "" while an upload may be incomplete (forces the next upload). */
  hash: string;
  size: number;
  removedIn?: number;
  removedAt?: string;
}

export interface LocalFile {
  /** Relative to the site root, `/`-separated. */
  path: string;
  hash: string;
  size: number;
  /** For a file made at deploy time (a precompressed `x.html.gz`): the site file it is made of,
   * whose class decides when it is uploaded. */
  source?: string;
}

export interface DeployPlan {
  /** Files to upload, in the order to upload them (UPLOAD_ORDER), grouped by class. */
  uploads: { class: (typeof UPLOAD_ORDER)[number]; files: LocalFile[] }[];
  counts: { new: number; changed: number; kept: number; expiring: number; deleted: number };
  /** Files the site no longer has whose grace period is over. */
  deletions: string[];
  /** Written before the first upload: it records new paths as already dropped, with no hash, so
   * a deploy that dies half-way leaves nothing the next deploy cannot account for. */
  pending: DeployManifest;
  /** Written once every upload and deletion has succeeded. */
  done: DeployManifest;
}

/** Compares the built site with what the last deploy left at the destination. */
export function planDeploy(
  previous: DeployManifest | undefined,
  site: readonly LocalFile[],
  now: Date,
  grace: { deploys: number; days: number } = GRACE,
): DeployPlan {
  const before = previous?.files ?? {};
  const number = (previous?.deploys ?? 0) + 1;
  const inSite = new Set(site.map((file) => file.path));
  const counts = { new: 0, changed: 0, kept: 0, expiring: 0, deleted: 0 };
  const toUpload: LocalFile[] = [];
  const done: DeployManifest = { format: 1, deploys: number, files: {} };
  const pending: DeployManifest = { format: 1, deploys: number - 1, files: { ...before } };
  for (const file of site) {
    const old = before[file.path];
    done.files[file.path] = { hash: file.hash, size: file.size };
    if (old && old.hash === file.hash) {
      counts.kept += 1;
      continue;
    }
    counts[old ? "changed" : "new"] += 1;
    toUpload.push(file);
    pending.files[file.path] = { hash: "", size: file.size, removedIn: number, removedAt: now.toISOString() };
  }
  const deletions: string[] = [];
  for (const [path, entry] of Object.entries(before)) {
    if (inSite.has(path)) continue;
    const removedIn = entry.removedIn ?? number;
    const removedAt = entry.removedAt ?? now.toISOString();
    const days = (now.getTime() - Date.parse(removedAt)) / 86_400_000;
    if (number - removedIn >= grace.deploys && days >= grace.days) {
      counts.deleted += 1;
      deletions.push(path);
    } else {
      counts.expiring += 1;
      done.files[path] = { hash: entry.hash, size: entry.size, removedIn, removedAt };
    }
  }
  const uploads = UPLOAD_ORDER.map((fileClass) => ({
    class: fileClass,
    files: toUpload.filter((file) => classifyFile(file.source ?? file.path) === fileClass).sort(byPath),
  })).filter((group) => group.files.length > 0);
  return { uploads, counts, deletions: deletions.sort(), pending, done };
}

export function isDeployManifest(value: unknown): value is DeployManifest {
  const manifest = value as Partial<DeployManifest> | null;
  return (
    typeof manifest === "object" &&
    manifest !== null &&
    manifest.format === 1 &&
    typeof manifest.deploys === "number" &&
    typeof manifest.files === "object" &&
    manifest.files !== null
  );
}

function byPath(a: LocalFile, b: LocalFile): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
