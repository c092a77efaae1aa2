import { defineMiddleware } from "astro:middleware";
import { commentsCspSources } from "./lib/comments/commentsCspSources.ts";
import { withContentSecurityPolicy } from "./lib/csp/withContentSecurityPolicy.ts";
import { comments } from "./site/comments.ts";

const extra = commentsCspSources(comments);

/**
 * Gives every built page its Content-Security-Policy `<meta>` (see withContentSecurityPolicy) as
 * part of rendering it, so the copy Astro's incremental build keeps and restores is the final
 * page: nothing rewrites pages after the build. Done on the HTML rather than with Astro's
 * `security.csp`, which hashes only the scripts it bundles: the site's `is:inline` scripts
 * (theme, search loader) would be blocked. Not in `astro dev`, whose injected scripts change
 * from request to request (as before, when this ran after the build).
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  if (import.meta.env.DEV || !response.headers.get("content-type")?.startsWith("text/html")) return response;
  const html = await response.text();
  if (/http-equiv=["']?content-security-policy/i.test(html)) {
    throw new Error(`content-security-policy: ${context.url.pathname} already has a CSP <meta>`);
  }
  return new Response(withContentSecurityPolicy(html, extra), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
});
