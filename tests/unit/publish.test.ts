import { describe, expect, it } from "vitest";
import { isPublished } from "../../src/lib/publish.ts";

const now = new Date("2026-01-01T00:00:00Z");
const article = (draft: boolean, date: string) => ({ data: { draft, date: new Date(date) } });

describe("the publish rule", () => {
  it("publishes a dated, non-draft article", () => {
    expect(isPublished(article(false, "2025-12-31T00:00:00Z"), { now, preview: false })).toBe(true);
  });
  it("publishes at the exact moment of its date", () => {
    expect(isPublished(article(false, "2026-01-01T00:00:00Z"), { now, preview: false })).toBe(true);
  });
  it("never publishes a draft", () => {
    expect(isPublished(article(true, "2020-01-01T00:00:00Z"), { now, preview: false })).toBe(false);
  });
  it("holds back an article dated in the future until a build after that moment", () => {
    const scheduled = article(false, "2026-01-01T00:00:01Z");
    expect(isPublished(scheduled, { now, preview: false })).toBe(false);
    expect(isPublished(scheduled, { now: new Date("2026-01-02T00:00:00Z"), preview: false })).toBe(true);
  });
  it("shows drafts and scheduled articles in preview (dev server)", () => {
    expect(isPublished(article(true, "2099-01-01T00:00:00Z"), { now, preview: true })).toBe(true);
  });
});
