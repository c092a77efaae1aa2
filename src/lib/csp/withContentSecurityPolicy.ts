import { createHash } from "node:crypto";
import { ARTICLE_BODY_END } from "../articleBodyEnd.ts";
// Script types the browser executes; data blocks (JSON-LD) are not governed by script-src.
const EXECUTABLE = /^(?:|module|text\/javascript|application\/javascript)$/i;

function sha256(text: string): string {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

interface InlineElement {
  tag: "script" | "style";
  attributes: string;
  text: string;
}

// A comment, or a start tag with its attributes (quoted values may hold ">" or "<").
const TOKEN = /<!--[\s\S]*?-->|<([a-zA-Z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
/** Elements whose content a browser (scripting on) reads as text up to their end tag. */
const RAW_TEXT = new Set([
  "script",
  "style",
  "title",
  "textarea",
  "noscript",
  "xmp",
  "iframe",
  "noembed",
  "noframes",
]);
const PROSE_CLASS = /\sclass\s*=\s*(?:"[^"]*\bprose\b[^"]*"|'[^']*\bprose\b[^']*'|prose(?=[\s>]))/i;

/**
 * The page's own inline `<script>` and `<style>` elements, in document order. The article body
 * is skipped whole — from `<div class="prose">` to the LAST ARTICLE_BODY_END, so no markup an
 * author pasted (a `<script>`, a fake end marker, an unclosed comment) is ever read, let alone
 * allowed by its hash. What is left is the template's own HTML, where a linear scan of tags is
 * exact: Astro escapes `<` in every text and attribute it writes, and JSON-LD escapes it as \u003c.
 * (A full HTML parse of every page took 17 s of a 10,000-article build; this takes well under 1.)
 */
function* inlineElements(html: string): Generator<InlineElement> {
  const bodyEnd = html.lastIndexOf(ARTICLE_BODY_END);
  const token = new RegExp(TOKEN); // its own lastIndex: the scan jumps it over raw text
  for (let match = token.exec(html); match; match = token.exec(html)) {
    const [, name, attributes = ""] = match;
    if (name === undefined) continue; // a comment
    const tag = name.toLowerCase();
    if (tag === "div" && PROSE_CLASS.test(attributes)) {
      if (bodyEnd < token.lastIndex)
        throw new Error(`content-security-policy: article body without ${ARTICLE_BODY_END}`);
      token.lastIndex = bodyEnd + ARTICLE_BODY_END.length;
    } else if (RAW_TEXT.has(tag)) {
      // Raw text up to the element's end tag; never read as markup.
      const close = new RegExp(`</${tag}`, "ig");
      close.lastIndex = token.lastIndex;
      const end = close.exec(html)?.index ?? html.length;
      if (tag === "script" || tag === "style")
        yield { tag, attributes, text: html.slice(token.lastIndex, end) };
      token.lastIndex = end;
    }
  }
}

function attribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(
    `(?:^|\\s)${name}(?:\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+)))?(?=[\\s/]|$)`,
    "i",
  ).exec(attributes);
  return match ? (match[1] ?? match[2] ?? match[3] ?? "") : undefined;
}

/** Origins (or hashes) a feature needs beyond the page's own, e.g. the comment server. */
export type ExtraCspSources = Partial<Record<"connect-src" | "style-src", readonly string[]>>;

/**
 * Adds a Content-Security-Policy `<meta>` to a built page, allowing exactly what the site uses:
 * its own files ('self'), the inline scripts and styles of this page by hash (the theme script
 * that must run before first paint, the search loader, the inlined stylesheet), WebAssembly for
 * Pagefind ('wasm-unsafe-eval'), and nothing from any other origin. Injected HTML in an article
 * body — an `onerror=` attribute, a `<script>` — therefore cannot run (see inlineElements()).
 *
 * The hashes are computed from the built HTML itself, so a changed inline script never goes out
 * with a stale hash. A `<meta>` cannot carry frame-ancestors or report-to; a host that can send
 * headers may add those. `extra` adds sources a configured feature needs (the comment server's
 * origin for connect-src); without it connect-src falls back to default-src 'self'.
 */
export function withContentSecurityPolicy(html: string, extra: ExtraCspSources = {}): string {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  for (const element of inlineElements(html)) {
    if (element.tag === "script" && attribute(element.attributes, "src") === undefined) {
      if (EXECUTABLE.test((attribute(element.attributes, "type") ?? "").trim()))
        scripts.add(sha256(element.text));
    } else if (element.tag === "style") {
      styles.add(sha256(element.text));
    }
  }

  const policy = [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${[...scripts].join(" ")}`.trim(),
    `style-src 'self' ${[...styles, ...(extra["style-src"] ?? [])].join(" ")}`.trim(),
    ...(extra["connect-src"]?.length ? [`connect-src 'self' ${extra["connect-src"].join(" ")}`] : []),
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
  const meta = `<meta http-equiv="content-security-policy" content="${policy}">`;
  // Before any script or style: a policy applies only to what the parser meets after it.
  const charset = /<meta\s+charset=[^>]*>/i.exec(html);
  if (charset) return html.replace(charset[0], () => `${charset[0]}${meta}`);
  return html.replace(/<head\b[^>]*>/i, (head) => `${head}${meta}`);
}
