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
