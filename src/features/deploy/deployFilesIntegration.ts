import { writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { buildRecord } from "./buildRecord.ts";
import { headersFile } from "./headersFile.ts";
import { listSiteFiles } from "./listSiteFiles.ts";
import { SITE_META_FILES } from "./serverPolicy.ts";

/**
 * Writes the host settings (`_headers`, from the cache-and-security policy) and then the build
 * record (`_build.json`, see buildRecord.ts) into the built site.
 *
 * Order matters: it must run after every hook that writes files (search index, CSP) — the record
 * lists them all — and just before atomicOutput, which publishes the folder.
 */
export function deployFiles(): AstroIntegration {
  return {
    name: "site:deploy-files",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        await writeFile(path.join(root, SITE_META_FILES.headers), headersFile());
        const files = (await listSiteFiles(root)).filter((file) => file.path !== SITE_META_FILES.buildRecord);
        const record = buildRecord(files, new Date());
        await writeFile(path.join(root, SITE_META_FILES.buildRecord), `${JSON.stringify(record, null, 2)}\n`);
        logger.info(`recorded ${record.files} files, ${record.published.count} articles published`);
      },
    },
  };
}
