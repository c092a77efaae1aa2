import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import type { SiteFile } from "./buildRecord.ts";

/** Every file under a site folder (following a symlinked root), with `/`-separated paths. */
export async function listSiteFiles(root: string): Promise<SiteFile[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files: SiteFile[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.push({ path: path.relative(root, full).split(path.sep).join("/"), size: (await stat(full)).size });
  }
  return files;
}
