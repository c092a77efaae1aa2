import { describe, expect, it } from "vitest";
import { absolutizeHtml } from "../../src/lib/absolutizeHtml.ts";

const base = "https://example.com/articles/night-buses/";

describe("absolutizeHtml", () => {
  it("makes root-relative, relative and fragment links absolute", () => {
    expect(absolutizeHtml('<a href="/tags/城市/">城市</a>', base)).toBe(
      '<a href="https://example.com/tags/%E5%9F%8E%E5%B8%82/">城市</a>',
    );
    expect(absolutizeHtml('<img src="../../_astro/a.png" alt="图">', base)).toBe(
      '<img src="https://example.com/_astro/a.png" alt="图">',
    );
    expect(absolutizeHtml('<a href="#司机">跳</a>', base)).toBe(
      `<a href="${base}#%E5%8F%B8%E6%9C%BA">跳</a>`,
    );
  });

  it("rewrites every srcset candidate and keeps its descriptor", () => {
    expect(absolutizeHtml('<img srcset="/a.png 1x, /b.png 2x">', base)).toBe(
      '<img srcset="https://example.com/a.png 1x, https://example.com/b.png 2x">',
    );
  });

  it("leaves other origins and schemes alone", () => {
    const html = '<a href="https://other.org/x">x</a><a href="mailto:a@b.c">m</a>';
    expect(absolutizeHtml(html, base)).toBe(html);
  });

  it("drops scripts, styles, frames, event handlers and javascript: links", () => {
    const html =
      '<p onclick="steal()">正文</p><script>alert(1)</script><style>p{}</style><iframe src="/x"></iframe><a href="javascript:alert(1)">x</a>';
    expect(absolutizeHtml(html, base)).toBe('<p>正文</p><a href="#">x</a>');
  });
});
