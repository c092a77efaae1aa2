/**
 * The middle value of measurements (the lower of the two middle ones for an even count, so the
 * result is always one of the values measured). One definition for every test and benchmark that
 * judges or reports a median.
 */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
}
