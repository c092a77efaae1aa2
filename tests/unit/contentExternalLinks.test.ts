import type { Root } from "hast";
import { describe, expect, it } from "vitest";
import { rehypeExternalLinks } from "../../src/lib/markdown/rehypeExternalLinks.ts";

function relsAfter(hrefs: Record<string, string | undefined>): Record<string, unknown> {
  const tree: Root = {
    type: "root",
    children: Object.entries(hrefs).map(([href, rel]) => ({
      type: "element",
      tagName: "a",
      properties: rel ? { href, rel: rel.split(" ") } : { href },
      children: [],
    })),
  };
  rehypeExternalLinks({ siteUrl: "https://example.com" })(tree);
  return Object.fromEntries(
    tree.children.map((node) =>
      node.type === "element" ? [node.properties["href"], node.properties["rel"]] : [],
    ),
  );
}

describe("rehypeExternalLinks", () => {
  it("adds noopener noreferrer to links to other origins, keeping the author's rel", () => {
    expect(
      relsAfter({ "https://other.org/a": undefined, "//cdn.org/x": undefined, "http://x.org": "nofollow" }),
    ).toEqual({
      "https://other.org/a": ["noopener", "noreferrer"],
      "//cdn.org/x": ["noopener", "noreferrer"],
      "http://x.org": ["nofollow", "noopener", "noreferrer"],
    });
  });

  it("leaves the site's own links, anchors and mail links alone", () => {
    expect(
      relsAfter({
        "/articles/a/": undefined,
        "#x": undefined,
        "https://example.com/tags/": undefined,
        "mailto:a@b.c": undefined,
      }),
    ).toEqual({
      "/articles/a/": undefined,
      "#x": undefined,
      "https://example.com/tags/": undefined,
      "mailto:a@b.c": undefined,
    });
  });
});
