import { Worker } from "node:worker_threads";
import type { SocialImageInput } from "./renderSocialImage.ts";
import type { SocialImageJob, SocialImageReply } from "./socialImageWorker.ts";

export interface SocialImagePool {
  /** The cached PNG of this card, rendered by a worker unless already on disk. Asking twice for
   * the same card returns the same promise, so cards can be queued early and collected later. */
  file(input: SocialImageInput): Promise<string>;
  /** Lets the pool run up to `size` workers from now on (e.g. every core once the pages are done). */
  resize(size: number): void;
}

/** Cards each worker is given at once: enough to keep satori busy while sharp encodes. */
const IN_FLIGHT_PER_WORKER = 2;

/**
 * Renders social images in `size` worker threads (socialImageWorker.ts), in the order asked.
 * Drawing a card costs ~10 ms of satori layout plus a PNG encode; on a 10,000-article site that
 * is most of a cold build when done one by one on the thread that also renders the pages.
 * Workers are started on first use and stop holding the process open whenever the queue is empty.
 */
export function createSocialImagePool(workerFile: string, initialSize: number): SocialImagePool {
  let size = initialSize;
  const byKey = new Map<string, Promise<string>>();
  const waiting: SocialImageJob[] = [];
  let head = 0; // waiting[head] is next: shift() on a 10,000-long queue would copy it each time
  const pending = new Map<number, { resolve: (file: string) => void; reject: (error: Error) => void }>();
  const workers: { worker: Worker; busy: number }[] = [];
  let nextJob = 0;

  function startWorker(): { worker: Worker; busy: number } {
    const entry = { worker: new Worker(workerFile), busy: 0 };
    entry.worker.on("message", (reply: SocialImageReply) => {
      entry.busy -= 1;
      const settle = pending.get(reply.job)!;
      pending.delete(reply.job);
      if ("file" in reply) settle.resolve(reply.file);
      else settle.reject(new Error(`social image: ${reply.error}`));
      dispatch();
    });
    entry.worker.on("error", (error) => {
      for (const { reject } of pending.values()) reject(error);
      pending.clear();
    });
    workers.push(entry);
    return entry;
  }

  function dispatch(): void {
    while (head < waiting.length) {
      const entry =
        workers.find((w) => w.busy < IN_FLIGHT_PER_WORKER) ??
        (workers.length < size ? startWorker() : undefined);
      if (!entry) break;
      entry.busy += 1;
      entry.worker.postMessage(waiting[head++]!);
    }
    if (head === waiting.length) waiting.length = head = 0;
    // An idle worker must not keep the build's process alive; a busy one must.
    for (const { worker, busy } of workers) {
      if (busy > 0) worker.ref();
      else worker.unref();
    }
  }

  return {
    resize(newSize) {
      size = Math.max(1, newSize);
      dispatch();
    },
    file(input) {
      const key = JSON.stringify(input);
      let file = byKey.get(key);
      if (!file) {
        const job = nextJob++;
        file = new Promise<string>((resolve, reject) => pending.set(job, { resolve, reject }));
        byKey.set(key, file);
        waiting.push({ job, input });
        dispatch();
      }
      return file;
    },
  };
}
