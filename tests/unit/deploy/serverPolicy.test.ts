import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { headersFile } from "../../../src/features/deploy/headersFile.ts";
import { nginxConf } from "../../../src/features/deploy/nginxConf.ts";
import {
  cacheControlFor,
  CACHE_CONTROL,
  classifyFile,
  isCompressible,
} from "../../../src/features/deploy/serverPolicy.ts";
import { repoRoot } from "../../support/paths.ts";

describe("the cache-and-security policy", () => {
  it("caches hashed files for a year and revalidates fixed names", () => {
    expect(cacheControlFor("/_astro/ArticleLayout.Bx3k2.js")).toBe(CACHE_CONTROL.immutable);
    expect(cacheControlFor("/pagefind/fragment/zh-cn_4f1c2.pf_fragment")).toBe(CACHE_CONTROL.immutable);
    expect(cacheControlFor("/pagefind/index/zh-cn_9a.pf_index")).toBe(CACHE_CONTROL.immutable);
    expect(cacheControlFor("/pagefind/pagefind.zh-cn_b86.pf_meta")).toBe(CACHE_CONTROL.immutable);
    // The index is written in one folder per span of years (pagefind/2025-2027/…), the same rules below it.
    expect(cacheControlFor("/pagefind/2025-2027/fragment/zh-cn_4f1c2.pf_fragment")).toBe(
      CACHE_CONTROL.immutable,
    );
    expect(cacheControlFor("/pagefind/2025-2027/index/zh-cn_9a.pf_index")).toBe(CACHE_CONTROL.immutable);
    expect(cacheControlFor("/pagefind/2025-2027/filter/zh-cn_9a.pf_filter")).toBe(CACHE_CONTROL.immutable);
    expect(cacheControlFor("/pagefind/2025-2027/pagefind.zh-cn_b86.pf_meta")).toBe(CACHE_CONTROL.immutable);
    for (const fixed of [
      "/pagefind/parts.json",
      "/pagefind/2025-2027/pagefind-entry.json",
      "/pagefind/2025-2027/pagefind.js",
      "/pagefind/2025-2027/wasm.unknown.pagefind",
      "/pagefind/pagefind-entry.json",
      "/pagefind/pagefind.js",
      "/pagefind/wasm.unknown.pagefind",
      "/articles/a/index.html",
      "/rss.xml",
      "/sitemap-index.xml",
      "/og/a.png",
    ])
      expect(cacheControlFor(fixed), fixed).toBe(CACHE_CONTROL.revalidate);
  });

  it("never compresses Pagefind's gzipped files, compresses text", () => {
    expect(isCompressible("/pagefind/fragment/zh-cn_4f1c2.pf_fragment")).toBe(false);
    expect(isCompressible("/pagefind/pagefind.zh-cn_b86.pf_meta")).toBe(false);
    expect(isCompressible("/pagefind/wasm.unknown.pagefind")).toBe(false);
    expect(isCompressible("/pagefind/2022-2024/index/zh-cn_9a.pf_index")).toBe(false);
    expect(isCompressible("/pagefind/2022-2024/wasm.zh-cn.pagefind")).toBe(false);
    expect(isCompressible("/pagefind/2022-2024/pagefind.js")).toBe(true);
    expect(isCompressible("/pagefind/parts.json")).toBe(true);
    expect(isCompressible("/og/a.png")).toBe(false);
    expect(isCompressible("/tags/城市/index.html")).toBe(true);
    expect(isCompressible("/pagefind/pagefind-entry.json")).toBe(true);
    expect(isCompressible("/_astro/a.Bx3.js")).toBe(true);
  });

  it("sorts files into the classes a deploy uploads in order", () => {
    expect(classifyFile("_astro/a.Bx3.js")).toBe("hashed");
    expect(classifyFile("pagefind/fragment/zh-cn_1.pf_fragment")).toBe("hashed");
    expect(classifyFile("pagefind/pagefind-entry.json")).toBe("search-entry");
    expect(classifyFile("pagefind/pagefind.js")).toBe("search-entry");
    expect(classifyFile("pagefind/2022-2024/index/zh-cn_1.pf_index")).toBe("hashed");
    expect(classifyFile("pagefind/2022-2024/pagefind-entry.json")).toBe("search-entry");
    expect(classifyFile("pagefind/parts.json")).toBe("search-entry");
    expect(classifyFile("og/a.png")).toBe("asset");
    expect(classifyFile("tags/城市/index.html")).toBe("page");
    expect(classifyFile("rss.xml")).toBe("feed");
    expect(classifyFile("feed.json")).toBe("feed");
    expect(classifyFile("sitemap-0.xml")).toBe("sitemap");
    expect(classifyFile("_build.json")).toBe("site-meta");
    expect(classifyFile("_headers")).toBe("asset");
  });

  it("writes _headers with the security headers on every path and no catch-all Cache-Control", () => {
    const text = headersFile();
    const blocks = text.split(/\n(?=\/)/).filter((block) => block.startsWith("/"));
    const all = blocks.find((block) => block.startsWith("/*\n"));
    expect(all).toContain(
      "Content-Security-Policy: frame-ancestors 'none'; object-src 'none'; base-uri 'self'",
    );
    expect(all).toContain("X-Content-Type-Options: nosniff");
    expect(all).toContain("Referrer-Policy: ");
    expect(all).not.toContain("Cache-Control");
    expect(text).toContain(`/_astro/*\n  Cache-Control: ${CACHE_CONTROL.immutable}\n`);
    expect(text).toContain(`/pagefind/*.pf_meta\n  Cache-Control: ${CACHE_CONTROL.immutable}\n`);
    expect(text).toContain(`/pagefind/*pagefind-entry.json\n  Cache-Control: ${CACHE_CONTROL.revalidate}\n`);
  });

  it("deploy/nginx.conf is the one the policy generates (npm run deploy:nginx)", () => {
    const committed = readFileSync(path.join(repoRoot, "deploy/nginx.conf"), "utf8");
    expect(committed).toContain("server {");
    expect(committed).toBe(nginxConf());
  });
});
