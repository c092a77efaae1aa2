import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { RelatedSource } from "../../src/lib/related/types.ts";

/**
 * The articles of a folder, read the simple way the benchmark and evaluation need (the build
 * reads them through Astro's content layer instead): id = file name without extension,
 * frontmatter lines `key: JSON-or-plain value`. Drafts are skipped, as the publish rule would.
 */
export function readArticleFiles(dir: string): RelatedSource[] {
  return readdirSync(dir)
    .filter((file) => /\.mdx?$/.test(file))
    .sort()
    .flatMap((file) => {
      const text = readFileSync(path.join(dir, file), "utf8");
      const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
      const front = match?.[1] ?? "";
      const field = (key: string): unknown => {
        const raw = new RegExp(`^${key}:\\s*(.*)$`, "m").exec(front)?.[1]?.trim();
        if (raw === undefined) return undefined;
        try {
          return JSON.parse(raw) as unknown;
        } catch {
          return raw;
        }
      };
      if (field("draft") === true) return [];
      const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);
      return [
        {
          id: file.replace(/\.mdx?$/, ""),
          title: String(field("title") ?? ""),
          body: match?.[2] ?? text,
          tags: list(field("tags")),
          date: new Date(String(field("date") ?? "1970-01-01")),
          pinned: list(field("related")),
        },
      ];
    });
}
