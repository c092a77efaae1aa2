import type { Heading, Root } from "mdast";

/**
 * The article page's title is its only <h1>. Bodies written with their own `#` headings (common
 * in pasted or converted text) are shifted one level down, keeping their hierarchy, and a
 * leading `#` heading that merely repeats the title is dropped.
 */
export function remarkArticleHeadings() {
  return (tree: Root, file: { data: { astro?: { frontmatter?: Record<string, unknown> } } }) => {
    const headings = tree.children.filter((node): node is Heading => node.type === "heading");
    if (!headings.some((heading) => heading.depth === 1)) return;

    const first = tree.children[0];
    const title = file.data.astro?.frontmatter?.["title"];
    if (first?.type === "heading" && first.depth === 1 && plainText(first) === String(title ?? "").trim()) {
      tree.children.shift();
    }
    walkHeadings(tree, (heading) => {
      heading.depth = Math.min(6, heading.depth + 1) as Heading["depth"];
    });
  };
}

function plainText(node: { value?: unknown; children?: unknown[] }): string {
  if (typeof node.value === "string") return node.value;
  return (node.children ?? [])
    .map((child) => plainText(child as typeof node))
    .join("")
    .trim();
}

function walkHeadings(node: { type: string; children?: unknown[] }, visit: (h: Heading) => void): void {
  if (node.type === "heading") visit(node as Heading);
  for (const child of node.children ?? []) walkHeadings(child as typeof node, visit);
}
