import { describe, expect, it } from "vitest";
import { manifestProblem, reasonToBuildCold } from "../../src/integrations/incrementalBuildGuard.ts";
import { pageCacheKey, stableJson } from "../../src/site/pageCacheKey.ts";

const expected = { astro: "7.3.5", lockfile: "abc", articlesDir: "/a" };
const manifest = JSON.stringify({
  version: 1,
  routes: {
    "src/pages/x.astro": {
      dependencyHash: "h",
      paths: { "/x/": { cacheKey: "k", outputFile: "x/index.html" } },
    },
  },
});
const state = { manifest, interrupted: false, stamp: JSON.stringify(expected), expected };

describe("reasonToBuildCold", () => {
  it("reuses a sound cache, and has nothing to say without one", () => {
    expect(reasonToBuildCold(state)).toBeUndefined();
    expect(reasonToBuildCold({ ...state, manifest: undefined, interrupted: true })).toBeUndefined();
  });

  it("builds cold after a killed build, another Astro, lockfile or articles folder", () => {
    expect(reasonToBuildCold({ ...state, interrupted: true })).toMatch(/interrupted/);
    expect(reasonToBuildCold({ ...state, stamp: undefined })).toMatch(/no record/);
    expect(reasonToBuildCold({ ...state, expected: { ...expected, astro: "7.4.0" } })).toMatch(
      /Astro 7\.3\.5, this is 7\.4\.0/,
    );
    expect(reasonToBuildCold({ ...state, expected: { ...expected, lockfile: "def" } })).toMatch(
      /package-lock/,
    );
    expect(reasonToBuildCold({ ...state, expected: { ...expected, articlesDir: "/b" } })).toMatch(
      /built from \/a, not \/b/,
    );
  });

  it("builds cold on a corrupt manifest", () => {
    expect(reasonToBuildCold({ ...state, manifest: manifest.slice(0, 40) })).toMatch(/corrupt \(not JSON\)/);
    expect(
      manifestProblem(
        JSON.stringify({
          version: 1,
          routes: { r: { dependencyHash: "h", paths: { "/x/": { cacheKey: 3 } } } },
        }),
      ),
    ).toMatch(/path \/x\/ malformed/);
    expect(manifestProblem("[]")).toMatch(/no version/);
  });
});

describe("pageCacheKey", () => {
  it("changes with any prop or global a page prints, not with key order or the content entry object", () => {
    const props = {
      article: { id: "a", title: "甲", date: new Date(0), entry: { huge: "x" } },
      related: [{ title: "乙" }],
    };
    const key = pageCacheKey({ url: "https://a" }, props);
    expect(
      pageCacheKey(
        { url: "https://a" },
        { related: [{ title: "乙" }], article: { ...props.article, entry: {} } },
      ),
    ).toBe(key);
    expect(pageCacheKey({ url: "https://b" }, props)).not.toBe(key);
    expect(pageCacheKey({ url: "https://a" }, { ...props, related: [{ title: "丙" }] })).not.toBe(key);
    expect(
      pageCacheKey({ url: "https://a" }, { ...props, article: { ...props.article, date: new Date(1) } }),
    ).not.toBe(key);
  });

  it("writes objects with sorted keys", () => {
    expect(stableJson({ b: 1, a: { d: 2, c: 3 } })).toBe('{"a":{"c":3,"d":2},"b":1}');
  });
});
