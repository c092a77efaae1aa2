/**
 * The site's cache and security policy for every host, as data. `dist/_headers` (Netlify,
 * Cloudflare Pages, EdgeOne Pages; headersFile.ts) and `deploy/nginx.conf` (nginxConf.ts) are
 * both generated from this, and `npm run deploy` orders its uploads by the same classes, so the
 * three can never disagree about which files are hashed.
 */

/** Cache-Control values. */
export const CACHE_CONTROL = {
  /** A file whose name changes with its content: a year, never revalidated. */
  immutable: "public, max-age=31536000, immutable",
  /** A file whose name stays while its content changes: the browser and CDN ask every time. */
  revalidate: "public, max-age=0, must-revalidate",
} as const;

/**
 * Sent with every response. The CSP header holds only what a `<meta>` cannot say (browsers
 * ignore frame-ancestors in a meta); the script and style hashes stay in each page's meta
 * (src/lib/csp/withContentSecurityPolicy.ts), and a browser enforces both.
 */
export const SECURITY_HEADERS = {
  "Content-Security-Policy": "frame-ancestors 'none'; object-src 'none'; base-uri 'self'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "DENY",
} as const;

/** What a file is to a reader's browser; decides its caching and its place in a deploy. */
export type FileClass =
  /** Named by its content hash (/_astro/, Pagefind's chunks): cached for a year. */
  | "hashed"
  /** Pagefind's fixed-name files that point at the hashed chunks (entry, loader, WebAssembly). */
  | "search-entry"
  /** Everything else under a fixed name: images, sharing cards, robots.txt, the host's _headers. */
  | "asset"
  | "page"
  | "feed"
  | "sitemap"
  /** The build's record (_build.json): uploaded last, it says the deploy is complete. */
  | "site-meta";

/**
 * A path pattern in the one syntax every target can express: an exact path, a folder prefix, or
 * a file suffix anywhere below a folder (`/pagefind/*.pf_meta` in _headers, whose `*` also
 * matches `/`; a regex location in nginx). The search index is written in one folder per span of
 * years (`/pagefind/2025-2027/index/…`), so its rules match at any depth below /pagefind/.
 */
export type PathPattern = { exact: string } | { prefix: string } | { under: string; suffix: string };

export interface PathRule {
  pattern: PathPattern;
  cache: keyof typeof CACHE_CONTROL;
  /**
   * False for Pagefind's index files: Pagefind writes them gzipped already, so a server must
   * send them as they are — never a second Content-Encoding on top.
   */
  compress: boolean;
}

/**
 * Paths with a rule of their own; every other path is revalidated and may be compressed. The
 * Pagefind chunk names carry a content hash (`zh-cn_4f1c….pf_fragment`), its entry, loader and
 * WebAssembly do not.
 */
export const PATH_RULES: readonly PathRule[] = [
  { pattern: { prefix: "/_astro/" }, cache: "immutable", compress: true },
  { pattern: { under: "/pagefind/", suffix: ".pf_fragment" }, cache: "immutable", compress: false },
  { pattern: { under: "/pagefind/", suffix: ".pf_index" }, cache: "immutable", compress: false },
  { pattern: { under: "/pagefind/", suffix: ".pf_filter" }, cache: "immutable", compress: false },
  { pattern: { under: "/pagefind/", suffix: ".pf_meta" }, cache: "immutable", compress: false },
  // Already gzipped like the chunks, but named without a hash: revalidated, sent as is.
  { pattern: { under: "/pagefind/", suffix: ".pagefind" }, cache: "revalidate", compress: false },
  { pattern: { under: "/pagefind/", suffix: "/pagefind-entry.json" }, cache: "revalidate", compress: true },
  { pattern: { under: "/pagefind/", suffix: "/pagefind.js" }, cache: "revalidate", compress: true },
];

/** Extensions worth compressing (text); images and fonts are compressed already. */
export const COMPRESSIBLE_EXTENSIONS = [
  "html",
  "css",
  "js",
  "mjs",
  "json",
  "xml",
  "svg",
  "txt",
  "webmanifest",
] as const;

export function matchesPattern(pattern: PathPattern, urlPath: string): boolean {
  if ("exact" in pattern) return urlPath === pattern.exact;
  if ("prefix" in pattern) return urlPath.startsWith(pattern.prefix);
  // The part below the folder, with its leading "/": a suffix "/pagefind.js" is a whole name.
  return (
    urlPath.startsWith(pattern.under) && `/${urlPath.slice(pattern.under.length)}`.endsWith(pattern.suffix)
  );
}

/** The rule for a site path (`/pagefind/pagefind.js`), or undefined for the default. */
export function ruleFor(urlPath: string): PathRule | undefined {
  return PATH_RULES.find((rule) => matchesPattern(rule.pattern, urlPath));
}

export function cacheControlFor(urlPath: string): string {
  return CACHE_CONTROL[ruleFor(urlPath)?.cache ?? "revalidate"];
}

/** Whether a server may compress this file (text, and not one of Pagefind's gzipped files). */
export function isCompressible(urlPath: string): boolean {
  const rule = ruleFor(urlPath);
  if (rule && !rule.compress) return false;
  const extension = /\.([a-z0-9]+)$/i.exec(urlPath)?.[1]?.toLowerCase();
  return extension !== undefined && (COMPRESSIBLE_EXTENSIONS as readonly string[]).includes(extension);
}

/** Names of the files the build writes for hosts and for `npm run deploy`. */
export const SITE_META_FILES = { headers: "_headers", buildRecord: "_build.json" } as const;

/** Sorts a site file (a path relative to the site root, `/`-separated) into its class. */
export function classifyFile(relativePath: string): FileClass {
  const urlPath = `/${relativePath}`;
  if (relativePath === SITE_META_FILES.buildRecord) return "site-meta";
  if (ruleFor(urlPath)?.cache === "immutable") return "hashed";
  if (urlPath.startsWith("/pagefind/")) return "search-entry";
  if (urlPath.endsWith(".html")) return "page";
  if (/(^|\/)sitemap[^/]*\.xml$/.test(urlPath)) return "sitemap";
  if (/\.xml$|(^|\/)feed\.json$/.test(urlPath)) return "feed";
  return "asset";
}

/**
 * The order a deploy uploads in, so a reader never notices one: what pages will point at comes
 * first (hashed files and search chunks, then the fixed-name assets and the search entry files
 * that point at the new chunks), then the pages, then feeds and sitemap (which name the pages),
 * and the build record last — it is what says the deploy is complete.
 */
export const UPLOAD_ORDER: readonly FileClass[] = [
  "hashed",
  "asset",
  "search-entry",
  "page",
  "feed",
  "sitemap",
  "site-meta",
];
