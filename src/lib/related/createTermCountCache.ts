import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { TermCountStore } from "./selectRelatedArticles.ts";
import type { TermCounts } from "./types.ts";

/** A TermCountStore that lives in one file between builds. */
export interface TermCountCache extends TermCountStore {
  /** Writes the entries used since loading (stale ones are dropped) if anything changed. */
  save(): void;
  readonly stats: { hits: number; misses: number };
}

const FORMAT = 1;

/**
 * The on-disk cache of term counts (segmenting is most of the engine's cost), keyed by
 * hashArticleText, so a rebuild that changed one article segments one article. Not pure: the
 * only part of src/lib/related that touches the disk, kept apart so the engine stays testable.
 * A missing, corrupt or old-format file is an empty cache, never an error; writes are atomic.
 */
export function createTermCountCache(file: string): TermCountCache {
  let stored: Record<string, [string, number[]]> = {};
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as { format?: number; entries?: typeof stored };
    if (parsed.format === FORMAT && parsed.entries) stored = parsed.entries;
  } catch {
    // No cache yet, or unreadable: start empty.
  }
  const used: Record<string, [string, number[]]> = {};
  const stats = { hits: 0, misses: 0 };
  let changed = false;
  return {
    stats,
    get(key): TermCounts | undefined {
      const entry = stored[key];
      if (!entry) return undefined;
      stats.hits++;
      used[key] = entry;
      // Terms never contain a space: Han words and identifiers only (see extractTerms).
      return { terms: entry[0] === "" ? [] : entry[0].split(" "), counts: entry[1] };
    },
    set(key, counts) {
      stats.misses++;
      changed = true;
      used[key] = [counts.terms.join(" "), counts.counts];
    },
    save() {
      if (!changed && Object.keys(used).length === Object.keys(stored).length) return;
      mkdirSync(path.dirname(file), { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify({ format: FORMAT, entries: used }));
      renameSync(temporary, file);
    },
  };
}
