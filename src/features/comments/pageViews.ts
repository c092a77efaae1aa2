/**
 * Page views (阅读 N) through the comment server's own counter (Waline's `wl_Counter.time`):
 * `GET /api/article?path=a,b&type=time` reads many pages in one request, `POST /api/article`
 * with `action: "inc"` counts one view and answers the new total. No third party.
 */

/** The one request that reads the view counts of `paths` (joined with commas, like comment counts). */
export function pageViewsUrl(serverURL: string, paths: readonly string[], lang: string): string {
  const base = serverURL.replace(/\/+$/, "");
  return `${base}/api/article?path=${encodeURIComponent(paths.join(","))}&type=time&lang=${encodeURIComponent(lang)}`;
}

/** The request that counts one view of `path` (send as POST with this JSON body). */
export function countViewRequest(
  serverURL: string,
  path: string,
  lang: string,
): { url: string; body: string } {
  const base = serverURL.replace(/\/+$/, "");
  return {
    url: `${base}/api/article?lang=${encodeURIComponent(lang)}`,
    body: JSON.stringify({ path, type: "time", action: "inc" }),
  };
}

/**
 * Reads `{ errno: 0, data: [{ time: n }, …] }` (or one `{ time: n }` for one path) in the order
 * asked. A page never viewed has no `time` and counts 0. Throws on an error answer or the wrong
 * length, so the caller shows nothing rather than wrong numbers.
 */
export function parsePageViews(body: unknown, expected: number): number[] {
  const envelope = body as { errno?: unknown; errmsg?: unknown; data?: unknown } | null;
  if (envelope === null || typeof envelope !== "object") throw new Error("page views: not a JSON object");
  if (envelope.errno !== undefined && envelope.errno !== 0) {
    throw new Error(
      `page views: server error ${String(envelope.errno)} ${String(envelope.errmsg ?? "")}`.trim(),
    );
  }
  const data = Array.isArray(envelope.data) ? envelope.data : [envelope.data];
  if (data.length !== expected) {
    throw new Error(`page views: expected ${expected} counts, got ${JSON.stringify(envelope.data)}`);
  }
  return data.map((entry: unknown) => {
    const time = (entry as { time?: unknown } | null)?.time ?? 0;
    if (typeof time !== "number" || !Number.isInteger(time) || time < 0) {
      throw new Error(`page views: bad count ${JSON.stringify(entry)}`);
    }
    return time;
  });
}

export interface PopularCandidate {
  href: string;
  title: string;
}

/**
 * The 热门文章 list: the candidates with at least one view, most viewed first; equal counts keep
 * the candidates' order (newest first), so the list does not shuffle between visits.
 */
export function rankByViews<T extends PopularCandidate>(
  candidates: readonly T[],
  views: readonly number[],
  size: number,
): { article: T; views: number }[] {
  return candidates
    .map((article, index) => ({ article, views: views[index] ?? 0, index }))
    .filter((entry) => entry.views > 0)
    .sort((a, b) => b.views - a.views || a.index - b.index)
    .slice(0, size)
    .map(({ article, views: count }) => ({ article, views: count }));
}
