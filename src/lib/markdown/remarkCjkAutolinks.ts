import type { Link, Parent, Root, Text } from "mdast";

// Han, kana, hangul, CJK punctuation and full-width forms: none of these occur in a URL an
// author types, but GFM's autolink-literal keeps them as part of the link.
const CJK =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;

/**
 * Ends a bare URL at the first Chinese character. In Chinese prose a URL is usually followed by
 * text with no space (`见 https://example.com/a处取得。`), and GFM's autolink-literal swallows
 * that text into the link. Only literal autolinks (link text equal to the URL) are touched.
 */
export function remarkCjkAutolinks() {
  return (tree: Root) => {
    visitParents(tree);
  };
}

function visitParents(node: Parent): void {
  for (let i = 0; i < node.children.length; i++) {
    const child = node.children[i]!;
    if (child.type === "link") {
      const split = splitAutolink(child);
      if (split) {
        node.children.splice(i, 1, split.link, split.rest);
        i += 1;
      }
      continue;
    }
    if ("children" in child) visitParents(child as Parent);
  }
}

function splitAutolink(link: Link): { link: Link; rest: Text } | undefined {
  const [only] = link.children;
  if (link.children.length !== 1 || only?.type !== "text") return undefined;
  const text = only.value;
  const isLiteral = link.url === text || link.url === `http://${text}` || link.url === `mailto:${text}`;
  if (!isLiteral) return undefined;
  const cut = text.search(CJK);
  if (cut <= 0) return undefined;
  const kept = text.slice(0, cut);
  return {
    link: {
      ...link,
      url: link.url.slice(0, link.url.length - (text.length - cut)),
      children: [{ type: "text", value: kept }],
    },
    rest: { type: "text", value: text.slice(cut) },
  };
}
