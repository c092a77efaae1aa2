import { describe, expect, it } from "vitest";
import { t } from "../../src/i18n/zh-CN.ts";

describe("t", () => {
  it("fills placeholders", () => {
    expect(t("pagination.page", { number: 2 })).toBe("第 2 页");
  });
});
