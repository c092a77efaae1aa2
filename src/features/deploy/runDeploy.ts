import { createHash } from "node:crypto";
import { createReadStream, existsSync, realpathSync, statSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync, constants as zlib } from "node:zlib";
import { incompleteBecause } from "./buildRecord.ts";
import type { Destination } from "./destination.ts";
import { listSiteFiles } from "./listSiteFiles.ts";
import { isDeployManifest, planDeploy, type DeployPlan, type LocalFile } from "./planDeploy.ts";
import { cacheControlFor, isCompressible, SITE_META_FILES } from "./serverPolicy.ts";

/** The destination's record of what the deploys put there (planDeploy.ts). */
export const MANIFEST_FILE = ".deploy-manifest.json";

export interface DeployOptions {
  /** The built site (dist/ or OUT_DIR); a symlink to it is followed. */
  site: string;
  destination: Destination;
  dryRun: boolean;
  /** Also upload `x.gz` beside every compressible file, for nginx's gzip_static. */
  precompress: boolean;
  now?: Date;
  log?: (line: string) => void;
}

/** Thrown for a site that must not be published; its message is the one line a user sees. */
export class RefusedBuild extends Error {}

/**
 * Publishes a built site: checks it is a complete build, compares it with the destination's
 * manifest, uploads only changed files in the reader-safe order (UPLOAD_ORDER), deletes files
 * past their grace period, and writes the manifest last. A failure at any step leaves the live
 * pages as they were: HTML goes up only after everything it points at.
 */
export async function runDeploy({
  site,
  destination,
  dryRun,
  precompress,
  now = new Date(),
  log = console.log,
}: DeployOptions): Promise<DeployPlan> {
  const root = await checkBuild(site);
  const files = await hashSite(root);
  const compressed = precompress ? files.filter((file) => isCompressible(`/${file.path}`)) : [];
  const planned: LocalFile[] = [
    ...files,
    ...compressed.map((file) => ({
      path: `${file.path}.gz`,
      hash: `gzip:${file.hash}`,
      size: 0,
      source: file.path,
    })),
  ];
  const previousText = await destination.read(MANIFEST_FILE);
  let previous: unknown;
  if (previousText !== undefined) {
    try {
      previous = JSON.parse(previousText);
    } catch {
      previous = undefined;
    }
    if (!isDeployManifest(previous))
      throw new Error(
        `${destination.label} has a ${MANIFEST_FILE} that is not a deploy manifest; move it away first`,
      );
  }
  const plan = planDeploy(previous as Parameters<typeof planDeploy>[0], planned, now);
  const { counts } = plan;
  const uploadCount = plan.uploads.reduce((sum, group) => sum + group.files.length, 0);
  log(
    `${dryRun ? "plan" : "deploy"} → ${destination.label}: ${counts.new} new, ${counts.changed} changed, ` +
      `${counts.kept} kept, ${counts.expiring} expiring (kept for their grace period), ${counts.deleted} to delete`,
  );
  if (dryRun) {
    for (const group of plan.uploads) log(`  ${group.class}: ${group.files.length} to upload`);
    return plan;
  }
  // The first write: a destination that refuses writes fails here, before any site file changes.
  await destination.write(MANIFEST_FILE, JSON.stringify(plan.pending));
  const scratch = compressed.length ? await mkdtemp(path.join(tmpdir(), "deploy-gz-")) : undefined;
  try {
    for (const group of plan.uploads) {
      const plain = group.files.filter((file) => file.source === undefined).map((file) => file.path);
      const gz = group.files.filter((file) => file.source !== undefined);
      for (const [cacheControl, files] of byCacheControl(plain))
        await destination.upload(root, files, cacheControl);
      if (gz.length && scratch) {
        for (const file of gz)
          await writeGzip(path.join(root, file.source ?? ""), path.join(scratch, file.path));
        await destination.upload(
          scratch,
          gz.map((file) => file.path),
        );
      }
      log(`  ${group.class}: uploaded ${group.files.length}`);
    }
  } finally {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  }
  if (plan.deletions.length) await destination.remove(plan.deletions);
  await destination.write(MANIFEST_FILE, `${JSON.stringify(plan.done)}\n`);
  log(`done: ${uploadCount} uploaded, ${plan.deletions.length} deleted`);
  return plan;
}

/**
 * The site's real folder, once it is known to be a complete build; else throws RefusedBuild.
 * `dist` is a symlink that each build swaps to its new version folder (atomicOutput.ts): the
 * deploy resolves it once and reads that version throughout, so a build finishing meanwhile
 * never mixes two versions into one upload.
 */
async function checkBuild(site: string): Promise<string> {
  if (!existsSync(site)) throw new RefusedBuild(`${site} does not exist — run npm run build first`);
  const root = realpathSync(site);
  if (!statSync(root).isDirectory()) throw new RefusedBuild(`${site} is not a folder`);
  const recordFile = path.join(root, SITE_META_FILES.buildRecord);
  if (!existsSync(recordFile))
    throw new RefusedBuild(
      `${site} has no ${SITE_META_FILES.buildRecord}: not a complete build (failed, interrupted, or made without the site's integrations) — run npm run build`,
    );
  let record: unknown;
  try {
    record = JSON.parse(await readFile(recordFile, "utf8"));
  } catch {
    record = undefined;
  }
  const files = (await listSiteFiles(root)).filter((file) => file.path !== SITE_META_FILES.buildRecord);
  const reason = incompleteBecause(record, files);
  if (reason) throw new RefusedBuild(`${site} is not the build it records: ${reason} — run npm run build`);
  return root;
}

/** Files grouped by the Cache-Control the policy gives them, in their order. */
function byCacheControl(files: readonly string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const file of files) {
    const value = cacheControlFor(`/${file}`);
    groups.set(value, [...(groups.get(value) ?? []), file]);
  }
  return groups;
}

async function hashSite(root: string): Promise<LocalFile[]> {
  const files = await listSiteFiles(root);
  const hashed: LocalFile[] = [];
  for (const file of files) hashed.push({ ...file, hash: await sha256(path.join(root, file.path)) });
  return hashed;
}

function sha256(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    createReadStream(file)
      .on("data", (chunk) => hash.update(chunk))
      .on("error", reject)
      .on("end", () => resolve(hash.digest("hex")));
  });
}

async function writeGzip(from: string, to: string): Promise<void> {
  await mkdir(path.dirname(to), { recursive: true });
  // Level 9 once at deploy beats nginx's level 6 on every request; same bytes for the same input.
  await writeFile(to, gzipSync(await readFile(from), { level: zlib.Z_BEST_COMPRESSION }));
}
