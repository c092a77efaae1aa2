/** Talking to a Waline server the way its widget does, for the comment server tests. */

export interface PostAnswer {
  errno: number;
  errmsg: string;
  data?: { objectId: number; orig: string };
}

export interface PostInput {
  path: string;
  nick: string;
  text: string;
  /** Sent as X-Forwarded-For: the server runs behind a proxy (proxy: true) and limits per address. */
  ip?: string;
  pid?: number;
  rid?: number;
}

/** POST /api/comment as the widget sends it (lang=zh-CN). Throws on a network error. */
export async function postComment(serverUrl: string, input: PostInput): Promise<PostAnswer> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (input.ip) headers["x-forwarded-for"] = input.ip;
  const response = await fetch(`${serverUrl}/api/comment?lang=zh-CN`, {
    method: "POST",
    headers,
    body: JSON.stringify({
      comment: input.text,
      nick: input.nick,
      url: input.path,
      ua: "comments-test",
      ...(input.pid ? { pid: input.pid, rid: input.rid ?? input.pid, at: input.nick } : {}),
    }),
    signal: AbortSignal.timeout(30_000),
  });
  return (await response.json()) as PostAnswer;
}

export interface ListedComment {
  objectId: number;
  orig: string;
  nick: string;
  pid: number | null;
  rid: number | null;
}

interface ListedNode extends ListedComment {
  children?: ListedNode[];
}

/** Every comment the page at `path` shows, replies included, through the widget's list API. */
export async function listComments(serverUrl: string, path: string): Promise<ListedComment[]> {
  const out: ListedComment[] = [];
  for (let page = 1; ; page++) {
    const response = await fetch(
      `${serverUrl}/api/comment?path=${encodeURIComponent(path)}&page=${page}&pageSize=50&sortBy=insertedAt_asc&lang=zh-CN`,
      { signal: AbortSignal.timeout(30_000) },
    );
    const body = (await response.json()) as {
      errno: number;
      errmsg: string;
      data: { totalPages: number; data: ListedNode[] };
    };
    if (body.errno !== 0) throw new Error(`listing ${path} failed: ${body.errno} ${body.errmsg}`);
    const walk = (nodes: ListedNode[]) => {
      for (const { children, ...comment } of nodes) {
        out.push({
          objectId: comment.objectId,
          orig: comment.orig,
          nick: comment.nick,
          pid: comment.pid ?? null,
          rid: comment.rid ?? null,
        });
        walk(children ?? []);
      }
    };
    walk(body.data.data);
    if (page >= body.data.totalPages) return out;
  }
}

/** Page views of `paths` in the order asked (GET /api/article?type=time). */
export async function pageViews(serverUrl: string, paths: string[]): Promise<number[]> {
  const response = await fetch(
    `${serverUrl}/api/article?path=${encodeURIComponent(paths.join(","))}&type=time&lang=zh-CN`,
    { signal: AbortSignal.timeout(30_000) },
  );
  const body = (await response.json()) as { errno: number; data: { time: number }[] };
  if (body.errno !== 0) throw new Error(`page views failed: ${JSON.stringify(body)}`);
  return body.data.map((d) => d.time);
}

/** Counts one view of `path`, as the widget's page-view counter does. */
export async function countView(serverUrl: string, path: string): Promise<void> {
  const response = await fetch(`${serverUrl}/api/article?lang=zh-CN`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ path, type: "time", action: "inc" }),
    signal: AbortSignal.timeout(30_000),
  });
  const body = (await response.json()) as { errno: number };
  if (body.errno !== 0) throw new Error(`counting a view failed: ${JSON.stringify(body)}`);
}
