/** Seconds since a performance.now() reading, for build logs: "12.3". */
export function secondsSince(started: number): string {
  return ((performance.now() - started) / 1000).toFixed(1);
}
