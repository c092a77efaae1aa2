import { describe, expect, it } from "vitest";
import { t } from "../../src/i18n/zh-CN.ts";

describe("t", () => {
  it("fills placeholders", () => {
    expect(t("pagination.status", { current: 2, total: 5 })).toBe("第 2 页，共 5 页");
  });
});
