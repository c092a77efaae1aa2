import { describe, expect, it } from "vitest";
import { tableOfContents } from "../../src/lib/tableOfContents.ts";

const h = (depth: number, text: string) => ({ depth, slug: text, text });

describe("tableOfContents", () => {
  it("lists h2 and h3 once there are enough of them", () => {
    const entries = tableOfContents([h(2, "一"), h(3, "一之一"), h(4, "太深"), h(2, "二")], 3);
    expect(entries.map((e) => e.text)).toEqual(["一", "一之一", "二"]);
  });

  it("is empty below the threshold, counting only h2 and h3", () => {
    expect(tableOfContents([h(2, "一"), h(2, "二"), h(4, "深"), h(5, "更深")], 3)).toEqual([]);
  });
});
