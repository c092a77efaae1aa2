import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SITE } from "../../src/config.ts";
import { readTimings } from "../../src/lib/buildTimings.ts";
import { fixtureArticles, fixtureSite, fixtureTimings } from "../support/paths.ts";

// The fixture build (tests/support/buildFixtureSite.ts) writes its timing record where
// `npm run bench` would read it; the bench reads nothing else about phases.
const PHASES = [
  "config",
  "content sync",
  "bundle",
  "render",
  "card files",
  "search index",
  "deploy files",
  "publish",
];

describe("the build's timing record", () => {
  const entries = readTimings(fixtureTimings);
  const phases = entries.filter((e) => PHASES.includes(e.step));

  it("has every phase once, in order, each starting where the one before ended", () => {
    expect(phases.map((e) => e.step)).toEqual(PHASES);
    for (const [i, phase] of phases.entries()) {
      expect(phase.end, phase.step).toBeGreaterThanOrEqual(phase.start);
      if (i > 0) expect(phase.start - phases[i - 1]!.end, phase.step).toBeLessThan(1000);
    }
    // The record is of this build: written within the minutes the build took.
    expect(phases.at(-1)!.end - phases[0]!.start).toBeLessThan(60 * 60 * 1000);
  });

  it("holds the steps inside the phases, with what they did", () => {
    const articles = readdirSync(fixtureArticles).filter((f) => /\.mdx?$/.test(f)).length;
    const render = phases.find((e) => e.step === "render")!;
    const related = entries.find((e) => e.step === "related lists");
    expect(related?.detail).toMatch(/^\d+ articles$/);
    // Related lists are computed once, for the whole site, while pages render (not per page).
    expect(entries.filter((e) => e.step === "related lists")).toHaveLength(1);
    expect(related!.start).toBeGreaterThanOrEqual(render.start);
    expect(Number(related!.detail!.split(" ")[0])).toBeGreaterThan(0);
    expect(Number(related!.detail!.split(" ")[0])).toBeLessThanOrEqual(articles);
    if (SITE.socialImages) {
      const cards = entries.find((e) => e.step === "sharing cards");
      const drawn = readdirSync(path.join(fixtureSite, "og")).filter((f) => f.endsWith(".png")).length;
      expect(drawn).toBeGreaterThan(0);
      expect(cards?.detail).toBe(`${drawn} cards, in worker threads`);
      // Queued when the site model is loaded, during rendering. They may finish after it: on an
      // incremental build the card pages are restored and nothing waits for the (cached) cards.
      expect(cards!.start).toBeGreaterThanOrEqual(render.start);
      expect(cards!.start).toBeLessThanOrEqual(render.end);
    }
  });
});
