import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FIXTURE_SOURCES, builtAt, newerSources } from "../support/buildFixtureSite.ts";
import { fixtureSite } from "../support/paths.ts";

// REUSE_FIXTURE_SITE=1 reuses the fixture build only when no source is newer than it
// (tests/support/buildFixtureSite.ts); here on a tree of its own, so that no real source is touched.
describe("REUSE_FIXTURE_SITE's staleness check", () => {
  const root = mkdtempSync(path.join(tmpdir(), "reuse-fixture-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (file: string, mtime: number) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), "x");
    utimesSync(path.join(root, file), mtime / 1000, mtime / 1000);
  };
  const built = Date.UTC(2026, 0, 10);

  it("passes a build newer than every source", () => {
    write("src/pages/index.astro", built - 60_000);
    write("tests/fixtures/articles/a.md", built - 60_000);
    write("package-lock.json", built - 60_000);
    expect(newerSources(built, root)).toEqual([]);
  });

  it.each([
    "src/lib/x.ts",
    "tests/fixtures/articles/b.md",
    "astro.config.ts",
    "package-lock.json",
    "public/a.svg",
  ])("names %s when it changed after the build", (file) => {
    write(file, built + 1_000);
    expect(newerSources(built, root)).toContain(file);
    write(file, built - 1_000);
  });

  it("watches the sources the issue names", () => {
    expect(FIXTURE_SOURCES).toEqual(
      expect.arrayContaining(["src", "tests/fixtures", "astro.config.ts", "package-lock.json"]),
    );
  });

  it("dates the shared fixture build by when it started, before its files were written", () => {
    const started = builtAt(fixtureSite);
    expect(started).toBeGreaterThan(Date.UTC(2026, 0, 1));
    expect(started).toBeLessThanOrEqual(Date.now());
  });
});
