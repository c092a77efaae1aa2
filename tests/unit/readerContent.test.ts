import { describe, expect, it } from "vitest";
import { checkArticles } from "../../src/lib/content/checkArticles.ts";
import {
  checkImageWeight,
  localImageSources,
  type ImageFacts,
} from "../../src/lib/content/checkImageWeight.ts";
import { formatProblem } from "../../src/lib/content/formatProblem.ts";
import { proseLines } from "../../src/lib/content/proseLines.ts";
import type { TagGroup } from "../../src/lib/groupByTag.ts";
import { topTags } from "../../src/site/topTags.ts";

const lines = (...texts: string[]) => proseLines(texts.join("\n"), 10);
const facts: Record<string, ImageFacts> = {
  "./images/small.jpg": { bytes: 300_000, width: 1600, height: 1000 },
  "./images/heavy.jpg": { bytes: 5_200_000, width: 2400, height: 1600 },
  "./images/wide.png": { bytes: 900_000, width: 4000, height: 1000 },
  "./images/exact.jpg": { bytes: 2 * 1024 * 1024, width: 3000, height: 3000 },
};
const check = (...texts: string[]) => checkImageWeight("a.md", lines(...texts), (src) => facts[src]);

describe("checkImageWeight", () => {
  it("warns about an original over 2 MB or over 3000 px, on its line", () => {
    const problems = check(
      "![小](./images/small.jpg)",
      "![重](./images/heavy.jpg)",
      "文字 ![宽](./images/wide.png)",
    );
    expect(problems.map((p) => [p.line, p.severity])).toEqual([
      [11, "warning"],
      [12, "warning"],
    ]);
    expect(problems[0]?.message).toContain("5.0 MB，2400×1600");
    expect(problems[1]?.message).toContain("4000×1000");
    expect(formatProblem(problems[0]!)).toMatch(
      /^a\.md:11: body: （提醒）图片 \.\/images\/heavy\.jpg 原图过大.* — /,
    );
  });

  it("lets an image at exactly the limits pass", () => {
    expect(check("![刚好](./images/exact.jpg)")).toEqual([]);
  });

  it("warns about a raw <img> without width or height, not about one with both", () => {
    const problems = check(
      '<img src="./images/small.jpg" alt="无尺寸">',
      '<img src="./images/small.jpg" alt="有尺寸" width="800" height="500">',
      '<img src="https://example.org/a.png" alt="远程" width="800">',
    );
    expect(problems.map((p) => p.line)).toEqual([10, 12]);
    expect(problems[0]?.message).toContain("没有写 width 和 height");
  });

  it("ignores images shown as code", () => {
    expect(check('`<img src="x.png">` 与 `![x](./images/heavy.jpg)`')).toEqual([]);
  });

  it("lists each local image once, decoded, without remote ones", () => {
    expect(
      localImageSources(
        lines(
          "![a](./images/%E5%9B%BE.jpg) ![b](https://x.org/b.png)",
          '<img src="/c.png">',
          "![a](./images/图.jpg)",
        ),
      ),
    ).toEqual(["./images/图.jpg", "/c.png"]);
  });

  it("runs in checkArticles only when image facts are given", () => {
    const file = {
      file: "a.md",
      id: "a",
      text: '---\ntitle: "标题"\ndate: 2025-01-01\n---\n\n![重](./images/heavy.jpg)\n',
    };
    const options = {
      now: new Date("2025-06-01"),
      imageExists: () => true,
      rejectUnsafeHtml: false,
      titleWarnLength: 40,
    };
    expect(checkArticles([file], options)).toEqual([]);
    expect(checkArticles([file], { ...options, imageFacts: (_file, src) => facts[src] })).toEqual([
      expect.objectContaining({ file: "a.md", line: 6, field: "body", severity: "warning" }),
    ]);
  });
});

describe("topTags", () => {
  const group = (label: string, count: number): TagGroup<number> => ({
    slug: label.toLowerCase(),
    label,
    articles: Array.from({ length: count }, (_, i) => i),
  });

  it("keeps the commonest groups in order, as links without counts", () => {
    const tags = topTags([group("城市", 5), group("Linux", 3), group("阅读", 1)], 2);
    expect(tags).toEqual([
      { label: "城市", href: "/tags/%E5%9F%8E%E5%B8%82/" },
      { label: "Linux", href: "/tags/linux/" },
    ]);
  });
});
