/** Comment systems the site can show under articles; `none` renders nothing and requests nothing. */
export const COMMENT_PROVIDERS = ["waline", "giscus", "none"] as const;
export type CommentsProvider = (typeof COMMENT_PROVIDERS)[number];

/** `SITE.comments` as written in src/config.ts (possibly overridden from the environment). */
export interface CommentsConfig {
  provider: string;
  serverURL: string;
}

/** What the build uses: comments off, or a Waline server at a checked address. */
export type CommentsSettings =
  | { provider: "none" }
  | {
      provider: "waline";
      /** The server's address without a trailing slash, e.g. https://comments.example.com/waline. */
      serverURL: string;
      /** Its origin, the only one the Content-Security-Policy lets the page talk to. */
      origin: string;
    };

const HINT = "Set it in src/config.ts (SITE.comments) or with COMMENTS_PROVIDER / COMMENTS_SERVER_URL.";
const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Checks the comments settings and returns what the build needs, or throws an Error whose
 * message says which setting is wrong and how to fix it. Called once, when the Astro config is
 * loaded, so a bad setting fails the build before any page is written.
 */
export function resolveComments(config: CommentsConfig): CommentsSettings {
  const provider = config.provider.trim();
  if (!(COMMENT_PROVIDERS as readonly string[]).includes(provider)) {
    throw new Error(
      `comments.provider: “${provider}” is not a comment provider; use one of ${COMMENT_PROVIDERS.join(", ")}. ${HINT}`,
    );
  }
  if (provider === "none") return { provider: "none" };
  if (provider === "giscus") {
    // Offered in the type so a site owner can see it is planned; it is not built yet.
    throw new Error(
      `comments.provider: “giscus” is not supported yet (issue 8); use “waline” or “none”. ${HINT}`,
    );
  }

  const raw = config.serverURL.trim();
  if (raw === "") {
    throw new Error(
      `comments.serverURL is empty: provider “waline” needs the address of your Waline server, ` +
        `e.g. https://comments.example.com (see README, “Comments”). ${HINT} ` +
        `Or set comments.provider to “none”.`,
    );
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`comments.serverURL: “${raw}” is not an absolute URL (https://…). ${HINT}`);
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && LOOPBACK.has(url.hostname))) {
    throw new Error(
      `comments.serverURL: “${raw}” must use https:// (plain http:// only for localhost or 127.0.0.1), ` +
        `or browsers block it on an https site. ${HINT}`,
    );
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(`comments.serverURL: “${raw}” must not carry a query, fragment or credentials. ${HINT}`);
  }
  const path = url.pathname.replace(/\/+$/, "");
  return { provider: "waline", serverURL: `${url.origin}${path}`, origin: url.origin };
}
