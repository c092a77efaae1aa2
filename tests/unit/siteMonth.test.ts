import { describe, expect, it } from "vitest";
import { siteMonth } from "../../src/lib/siteMonth.ts";

describe("siteMonth", () => {
  it("reads the month in the given zone", () => {
    const moment = new Date("2025-11-30T17:00:00Z"); // 1 Dec 01:00 in Shanghai
    expect(siteMonth(moment, "Asia/Shanghai")).toEqual({ year: 2025, month: 12 });
    expect(siteMonth(moment, "America/Los_Angeles")).toEqual({ year: 2025, month: 11 });
  });
});
