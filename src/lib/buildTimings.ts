import { appendFileSync, existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { BUILD_STATE_ROOT } from "./buildCaches.ts";

/**
 * The build's timing record: one JSON line per step, written while `astro build` runs, read by
 * `npm run bench` (scripts/bench.ts) instead of parsing log lines. Rewritten by every build.
 */
export const BUILD_TIMINGS_FILE = `${BUILD_STATE_ROOT}/build-timings.jsonl`;

/** Set (to an absolute path) by the buildTimings integration for the build's own process and
 * inherited by its worker threads; without it, recording does nothing (astro dev, unit tests). */
export const BUILD_TIMINGS_ENV = "BUILD_TIMINGS_FILE";

/** One step of a build: milliseconds since the epoch, so that threads can be compared. */
export interface TimingEntry {
  step: string;
  start: number;
  end: number;
  /** What the step did, e.g. "10000 cards". */
  detail?: string;
}

/** The epoch time of a performance.now() reading of this thread. */
export const epochOf = (reading: number): number => performance.timeOrigin + reading;

/** Appends a step that began at `started` (a performance.now() reading) and ends now. */
export function recordTiming(step: string, started: number, detail?: string): void {
  const file = process.env[BUILD_TIMINGS_ENV];
  if (!file) return;
  const entry: TimingEntry = { step, start: epochOf(started), end: epochOf(performance.now()) };
  if (detail !== undefined) entry.detail = detail;
  appendFileSync(file, `${JSON.stringify(entry)}\n`);
}

/** Every entry of a record, in the order written; a missing file reads as an error. */
export function readTimings(file: string): TimingEntry[] {
  if (!existsSync(file)) throw new Error(`no build timing record at ${path.resolve(file)}`);
  return readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as TimingEntry);
}
