export interface Page<T> {
  items: T[];
  /** 1-based. */
  current: number;
  total: number;
}

/** Splits a list into pages of `size`; there is always at least one (possibly empty) page. */
export function paginate<T>(items: readonly T[], size: number): Page<T>[] {
  const total = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: total }, (_, i) => ({
    items: items.slice(i * size, (i + 1) * size),
    current: i + 1,
    total,
  }));
}

/** URL of page `n` of a listing whose first page is at `base` ("/" or "/tags/x/"). */
export function pageHref(base: string, n: number): string {
  return n <= 1 ? base : `${base}page/${n}/`;
}
