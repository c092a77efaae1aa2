import type { Element, Root } from "hast";
import { visit } from "unist-util-visit";

/**
 * How wide an article image is drawn: the prose column (--measure, 38em) on wide screens, the
 * whole viewport on a phone. The browser picks the srcset candidate from this, so a phone never
 * downloads the desktop size and a desktop not the original.
 */
export const ARTICLE_IMAGE_SIZES = "(min-width: 44em) 38em, 100vw";

/**
 * Loading hints for Markdown images, set before Astro's own image step (which turns local images
 * into resized WebP with srcset, width and height, and keeps these attributes). The first image
 * is often the largest paint on a phone, so it loads at once with high priority; the rest wait
 * until they are scrolled near.
 */
export function rehypeArticleImages() {
  return (tree: Root) => {
    let first = true;
    visit(tree, "element", (node: Element) => {
      if (node.tagName !== "img") return;
      const props = node.properties;
      props["sizes"] ??= ARTICLE_IMAGE_SIZES;
      props["decoding"] ??= "async";
      if (first) {
        props["loading"] = "eager";
        props["fetchpriority"] = "high";
        first = false;
      } else {
        props["loading"] ??= "lazy";
      }
    });
  };
}
