import { randomUUID } from "node:crypto";
import { readFile, rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createSocialImagePool } from "../../src/lib/social/socialImagePool.ts";
import type { SocialImageInput } from "../../src/lib/social/renderSocialImage.ts";

const worker = fileURLToPath(new URL("../../src/lib/social/socialImageWorker.ts", import.meta.url));
const card = (title: string): SocialImageInput => ({
  title,
  byline: "林间 · 2025年3月1日",
  siteTitle: "观止评论",
  colors: { background: "#ffffff", text: "#000000", muted: "#555555", accent: "#8a2f1d" },
});
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe("createSocialImagePool", () => {
  it("draws cards in worker threads, one file per distinct card", async () => {
    // Titles no earlier run has drawn: otherwise the cards come from the build's disk cache and
    // nothing is drawn at all. The files are removed afterwards.
    const run = randomUUID().slice(0, 8);
    const pool = createSocialImagePool(worker, 2);
    const titles = ["夜班公交", "城市的河", "旧书店", "夜班公交"].map((title) => `${title} ${run}`);
    const files = await Promise.all(titles.map((title) => pool.file(card(title))));
    try {
      expect(new Set(files).size).toBe(3);
      expect(files[3]).toBe(files[0]);
      for (const file of files) expect((await readFile(file)).subarray(0, 8)).toEqual(PNG_SIGNATURE);
    } finally {
      await Promise.all(files.map((file) => rm(file, { force: true })));
    }
  }, 30_000);

  it("rejects with the worker's error instead of hanging", async () => {
    const pool = createSocialImagePool(worker, 1);
    const broken = { ...card("坏的卡片"), title: undefined } as unknown as SocialImageInput;
    await expect(pool.file(broken)).rejects.toThrow(/social image/);
    // The worker is still usable afterwards.
    const after = await pool.file(card(`之后的卡片 ${randomUUID().slice(0, 8)}`));
    expect((await readFile(after)).subarray(0, 8)).toEqual(PNG_SIGNATURE);
    await rm(after, { force: true });
  }, 30_000);
});
