import { archiveHref, archiveMonthId } from "../../src/site/urls.ts";
import { describe, expect, it } from "vitest";

describe("archiveHref", () => {
  it("points at the month's section of /archive/ with a zero-padded id", () => {
    expect(archiveMonthId({ year: 2025, month: 3 })).toBe("2025-03");
    expect(archiveHref({ year: 2025, month: 12 })).toBe("/archive/#2025-12");
  });
});
