import { describe, expect, it } from "vitest";
import { adjacentArticles } from "../../src/lib/adjacentArticles.ts";

describe("adjacentArticles", () => {
  const newestFirst = [{ id: "c" }, { id: "b" }, { id: "a" }];
  const adjacent = adjacentArticles(newestFirst);

  it("links each article to the one published before and after it", () => {
    expect(adjacent.get("b")).toEqual({ newer: { id: "c" }, older: { id: "a" } });
  });

  it("gives the newest no newer and the oldest no older article", () => {
    expect(adjacent.get("c")).toEqual({ newer: undefined, older: { id: "b" } });
    expect(adjacent.get("a")).toEqual({ newer: { id: "b" }, older: undefined });
  });

  it("handles a one-article site", () => {
    expect(adjacentArticles([{ id: "x" }]).get("x")).toEqual({ newer: undefined, older: undefined });
  });
});
