/**
 * The one request that fetches the comment counts of many pages from a Waline server
 * (`GET /api/comment?type=count&url=a,b,c`). Waline joins the paths with commas, so a path
 * containing a comma cannot be counted; article paths never contain one.
 */
export function commentCountsUrl(serverURL: string, paths: readonly string[], lang: string): string {
  const base = serverURL.replace(/\/+$/, "");
  return `${base}/api/comment?type=count&url=${encodeURIComponent(paths.join(","))}&lang=${encodeURIComponent(lang)}`;
}

/**
 * Reads the server's answer: `{ errno: 0, data: [n, …] }` in the order asked, or a bare number
 * for one path. Throws on an error answer or a count list of the wrong length, so the caller
 * shows no counts rather than wrong ones.
 */
export function parseCommentCounts(body: unknown, expected: number): number[] {
  const envelope = body as { errno?: unknown; errmsg?: unknown; data?: unknown } | null;
  if (envelope === null || typeof envelope !== "object") throw new Error("comment counts: not a JSON object");
  if (envelope.errno !== undefined && envelope.errno !== 0) {
    throw new Error(
      `comment counts: server error ${String(envelope.errno)} ${String(envelope.errmsg ?? "")}`.trim(),
    );
  }
  const data = typeof envelope.data === "number" ? [envelope.data] : envelope.data;
  if (!Array.isArray(data) || data.length !== expected) {
    throw new Error(`comment counts: expected ${expected} counts, got ${JSON.stringify(envelope.data)}`);
  }
  return data.map((n) => {
    if (typeof n !== "number" || !Number.isInteger(n) || n < 0)
      throw new Error(`comment counts: bad count ${String(n)}`);
    return n;
  });
}
