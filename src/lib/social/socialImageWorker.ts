// Runs in a worker thread started by socialImagePool.ts, loaded by Node itself (not bundled), so
// it imports only files Node can run as they are: erasable TypeScript, `.ts` extensions.
import { parentPort } from "node:worker_threads";
import sharp from "sharp";
import { socialImageFile, type SocialImageInput } from "./renderSocialImage.ts";

// One libvips thread per worker: by default each sharp call may use a thread per core, and then
// the card workers take CPU from the main thread, which renders the pages meanwhile.
sharp.concurrency(1);

export interface SocialImageJob {
  job: number;
  input: SocialImageInput;
}
export type SocialImageReply = { job: number; file: string } | { job: number; error: string };

parentPort?.on("message", ({ job, input }: SocialImageJob) => {
  socialImageFile(input).then(
    (file) => parentPort!.postMessage({ job, file } satisfies SocialImageReply),
    (error: unknown) =>
      parentPort!.postMessage({
        job,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      } satisfies SocialImageReply),
  );
});
