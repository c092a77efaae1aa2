import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BUILD_TIMINGS_ENV, readTimings, recordTiming } from "../../src/lib/buildTimings.ts";

describe("build timing record", () => {
  const saved = process.env[BUILD_TIMINGS_ENV];
  afterEach(() => {
    if (saved === undefined) delete process.env[BUILD_TIMINGS_ENV];
    else process.env[BUILD_TIMINGS_ENV] = saved;
  });

  it("appends one JSON line per step, in epoch milliseconds", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "timings-")), "t.jsonl");
    writeFileSync(file, "");
    process.env[BUILD_TIMINGS_ENV] = file;
    const before = Date.now();
    const started = performance.now();
    recordTiming("render", started);
    recordTiming("sharing cards", started, "3 cards");
    const entries = readTimings(file);
    expect(entries.map((e) => [e.step, e.detail])).toEqual([
      ["render", undefined],
      ["sharing cards", "3 cards"],
    ]);
    for (const e of entries) {
      expect(Math.abs(e.start - before)).toBeLessThan(1000);
      expect(e.end).toBeGreaterThanOrEqual(e.start);
    }
    expect(readFileSync(file, "utf8").split("\n")).toHaveLength(3);
  });

  it("records nothing outside a build, and a missing record is an error", () => {
    delete process.env[BUILD_TIMINGS_ENV];
    expect(() => recordTiming("render", performance.now())).not.toThrow();
    expect(() => readTimings("/nonexistent/timings.jsonl")).toThrow(/no build timing record/);
  });
});
