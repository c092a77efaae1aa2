import { createHash } from "node:crypto";
import { parse } from "parse5";
// Script types the browser executes; data blocks (JSON-LD) are not governed by script-src.
const EXECUTABLE = /^(?:|module|text\/javascript|application\/javascript)$/i;

function sha256(text: string): string {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

interface Node {
  nodeName: string;
  tagName?: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
  content?: Node;
}

const isArticleBody = (node: Node) => /(?:^|\s)prose(?:\s|$)/.test(attribute(node, "class") ?? "");

/**
 * The page's own elements in document order, parsed as a browser parses them (so markup quoted
 * inside an attribute is never taken for a tag). An article body (`.prose`) is not descended
 * into: a `<script>` an author pasted there must stay blocked, not be allowed by its hash.
 */
function* elements(node: Node): Generator<Node> {
  if (node.tagName) {
    if (isArticleBody(node)) return;
    yield node;
  }
  for (const child of node.content?.childNodes ?? node.childNodes ?? []) yield* elements(child);
}

const text = (node: Node) => (node.childNodes ?? []).map((child) => child.value ?? "").join("");
function attribute(node: Node, name: string): string | undefined {
  return node.attrs?.find((a) => a.name === name)?.value;
}

/** Origins (or hashes) a feature needs beyond the page's own, e.g. the comment server. */
export type ExtraCspSources = Partial<Record<"connect-src" | "style-src", readonly string[]>>;

/**
 * Adds a Content-Security-Policy `<meta>` to a built page, allowing exactly what the site uses:
 * its own files ('self'), the inline scripts and styles of this page by hash (the theme script
 * that must run before first paint, the search loader, the inlined stylesheet), WebAssembly for
 * Pagefind ('wasm-unsafe-eval'), and nothing from any other origin. Injected HTML in an article
 * body — an `onerror=` attribute, a `<script>` — therefore cannot run (see elements()).
 *
 * The hashes are computed from the built HTML itself, so a changed inline script never goes out
 * with a stale hash. A `<meta>` cannot carry frame-ancestors or report-to; a host that can send
 * headers may add those. `extra` adds sources a configured feature needs (the comment server's
 * origin for connect-src); without it connect-src falls back to default-src 'self'.
 */
export function withContentSecurityPolicy(html: string, extra: ExtraCspSources = {}): string {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  for (const element of elements(parse(html) as unknown as Node)) {
    if (element.tagName === "script" && attribute(element, "src") === undefined) {
      if (EXECUTABLE.test((attribute(element, "type") ?? "").trim())) scripts.add(sha256(text(element)));
    } else if (element.tagName === "style") {
      styles.add(sha256(text(element)));
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
