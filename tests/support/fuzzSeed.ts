import fc from "fast-check";

/**
 * The seed of every generated case in a test run. `npm test` uses a fixed one, so that a run is
 * the same on every machine and a red CI run can be replayed; `FUZZ_SEED=<n>` replays another;
 * `FUZZ_SEED=random` (set by `npm run test:fuzz`) explores from the clock, printing the seed.
 */
export const FIXED_FUZZ_SEED = 20_261_127;

export function fuzzSeed(): number {
  const value = process.env["FUZZ_SEED"];
  if (value === undefined || value === "") return FIXED_FUZZ_SEED;
  if (value === "random") return Date.now() % 1_000_000;
  const seed = Number(value);
  if (!Number.isSafeInteger(seed)) throw new Error(`FUZZ_SEED must be an integer or "random", not ${value}`);
  return seed;
}

/** Vitest setup file: fast-check's properties draw from the run's seed too. */
const seed = fuzzSeed();
fc.configureGlobal({ seed });
