import type { Element, Root } from "hast";
import { visit } from "unist-util-visit";

const REL = ["noopener", "noreferrer"];

/**
 * Links that leave the site get `rel="noopener noreferrer"`: the opened page cannot reach back
 * through `window.opener`, and readers' paths through the site are not sent to it as Referer.
 * A link is external when it is absolute (`https:`, `//host`) and not on `siteUrl`'s origin;
 * any `rel` the author wrote is kept. Limit: links inside MDX components are not seen here.
 */
export function rehypeExternalLinks({ siteUrl }: { siteUrl: string }) {
  const site = new URL(siteUrl).origin;
  return (tree: Root) => {
    visit(tree, "element", (node: Element) => {
      if (node.tagName !== "a") return;
      const href = node.properties["href"];
      if (typeof href !== "string" || !/^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(href)) return;
      let origin: string;
      try {
        origin = new URL(href, site).origin;
      } catch {
        return;
      }
      if (origin === site) return;
      const existing: unknown = node.properties["rel"];
      const rel = Array.isArray(existing)
        ? existing.map(String)
        : typeof existing === "string"
          ? existing.split(/\s+/)
          : [];
      node.properties["rel"] = [...new Set([...rel.filter(Boolean), ...REL])];
    });
  };
}
