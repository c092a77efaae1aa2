import { cp, link, mkdir } from "node:fs/promises";
import path from "node:path";

/**
 * Puts a cached file into the build's output as a hard link (no bytes copied), or as a copy when
 * the two are on different file systems or links are not allowed. Only for cache files that are
 * never written in place (each is written to a temporary name and renamed), so the output and the
 * cache can share them; a pruned cache entry unlinks only its own name.
 */
export async function linkOrCopy(source: string, target: string): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  await link(source, target).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== "EXDEV" && error.code !== "EPERM") throw error;
    await cp(source, target);
  });
}
