/**
 * `npm run deploy -- <destination> [--dry-run] [--precompress]`: publishes the built site (dist/,
 * or OUT_DIR) to a local folder or an rclone remote, uploading only what changed. See README
 * "Deploy" and src/features/deploy/runDeploy.ts. Any failure is one line on stderr and exit 1.
 */
import { parseArgs } from "node:util";
import { buildDirs } from "../src/lib/buildDirs.ts";
import { destinationFor } from "../src/features/deploy/destination.ts";
import { runDeploy } from "../src/features/deploy/runDeploy.ts";

const usage = "usage: npm run deploy -- <folder | rclone-remote:path> [--dry-run] [--precompress]";
try {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      "dry-run": { type: "boolean", default: false },
      precompress: { type: "boolean", default: false },
    },
  });
  const [spec, ...extra] = positionals;
  if (!spec || extra.length) throw new Error(usage);
  await runDeploy({
    site: buildDirs(process.env).outDir,
    destination: destinationFor(spec),
    dryRun: values["dry-run"],
    precompress: values.precompress,
  });
} catch (error) {
  console.error(
    `deploy failed: ${(error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, " ")}`,
  );
  process.exitCode = 1;
}
