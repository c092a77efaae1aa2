import { createHash } from "node:crypto";
import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import { ARTICLE_BODY_END } from "../../src/lib/articleBodyEnd.ts";
import { withContentSecurityPolicy } from "../../src/lib/csp/withContentSecurityPolicy.ts";

const hash = (code: string) => `'sha256-${createHash("sha256").update(code).digest("base64")}'`;
const policyOf = (html: string) =>
  load(html)('meta[http-equiv="content-security-policy"]').attr("content") ?? "";

const page = (head: string, body: string) =>
  `<!doctype html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;

describe("withContentSecurityPolicy", () => {
  it("puts the policy right after <meta charset>, before any script", () => {
    const html = withContentSecurityPolicy(page("<script>a()</script>", ""));
    expect(html.indexOf("content-security-policy")).toBeLessThan(html.indexOf("<script>"));
    expect(html.indexOf('<meta charset="utf-8">')).toBeLessThan(html.indexOf("content-security-policy"));
  });

  it("allows this page's inline scripts and styles by hash, own files, and WebAssembly", () => {
    const policy = policyOf(
      withContentSecurityPolicy(
        page(
          "<style>p{}</style><script>theme()</script>",
          '<script type="module" src="/_astro/x.js"></script>',
        ),
      ),
    );
    expect(policy).toContain(`script-src 'self' 'wasm-unsafe-eval' ${hash("theme()")}`);
    expect(policy).toContain(`style-src 'self' ${hash("p{}")}`);
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toContain("unsafe-inline");
  });

  it("does not hash JSON-LD, markup quoted in attributes, or scripts in an article body", () => {
    const policy = policyOf(
      withContentSecurityPolicy(
        page(
          '<meta property="og:title" content="</script><script>alert(1)</script>"><script type="application/ld+json">{"a":1}</script>',
          `<div class="prose"><script>alert(2)</script></div>${ARTICLE_BODY_END}`,
        ),
      ),
    );
    for (const code of ["alert(1)", "alert(2)", '{"a":1}']) expect(policy).not.toContain(hash(code));
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval';");
  });

  it("never reads an article body, whatever an author pasted into it", () => {
    const bodies = [
      // A fake end marker: the scan resumes only after the last one, which the layout writes.
      `<script>alert(3)</script>${ARTICLE_BODY_END}<script>alert(4)</script>`,
      // Unclosed comment and raw-text elements that would swallow the template's markup.
      "<!-- <textarea><style>x{}</style><script>alert(5)</script>",
      "<div class='prose'><script>alert(6)</script>",
    ];
    for (const body of bodies) {
      const policy = policyOf(
        withContentSecurityPolicy(
          page(
            "<script>theme()</script>",
            `<main><div class="prose">${body}</div>${ARTICLE_BODY_END}<script>loader()</script></main>`,
          ),
        ),
      );
      expect(policy).toContain(`${hash("theme()")} ${hash("loader()")};`);
      for (const code of ["alert(3)", "alert(4)", "alert(5)", "alert(6)", "x{}"])
        expect(policy, body).not.toContain(hash(code));
    }
  });

  it("reads attributes in any quoting, and skips scripts with a src or a data type", () => {
    const policy = policyOf(
      withContentSecurityPolicy(
        page(
          `<SCRIPT TYPE='module'>a()</SCRIPT><script src=/x.js>b()</script><script type=text/plain>c()</script>` +
            `<script data-src="x">d()</script><title>t<script>e()</script></title>`,
          "",
        ),
      ),
    );
    expect(policy).toContain(`script-src 'self' 'wasm-unsafe-eval' ${hash("a()")} ${hash("d()")};`);
  });

  it("fails the build when a page has an article body but no end marker", () => {
    expect(() => withContentSecurityPolicy(page("", '<div class="prose"><p>正文</p></div>'))).toThrow(
      /article body without/,
    );
  });
});
