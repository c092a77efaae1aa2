import { rmSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { listComments, postComment } from "../support/commentsApi.ts";
import { startCommentsServer, type CommentsServer } from "../support/commentsServer.ts";
import { repoRoot } from "../support/paths.ts";
import { startPostgres, type Postgres } from "../support/postgres.ts";

// 50 readers post 500 comments over loopback to the real Waline server, which is killed
// (SIGKILL) and restarted while they post. Each reader has its own address (X-Forwarded-For)
// and the server allows one comment per address per IPQPS second, so readers are also told to
// slow down, and retry as a reader would. Every comment the server acknowledged must be stored
// once and listed; none lost, none twice. Bounded: 500 posts, 50 at a time, 127.0.0.1 only.

const READERS = 50;
const PER_READER = 10;
const TOTAL = READERS * PER_READER;
const PAGES = [
  "/articles/load-a/",
  "/articles/load-b/",
  "/articles/负载-c/",
  "/articles/load-d/",
  "/articles/load-e/",
];
/** The Chinese answer to a reader who posts again within IPQPS seconds (comments-server/start.mjs). */
const TOO_FAST = /评论发得太快了：同一网络 1 秒内只能发一条/;
const DUPLICATE = "发送的内容之前已经发过";

const output = path.join(repoRoot, "tests/.output/comments-load");

let servers: CommentsServer[] = [];
let database: Postgres | undefined;

afterEach(async () => {
  for (const server of servers) await server.close("SIGKILL");
  servers = [];
  await database?.stop();
  database = undefined;
});

interface Outcome {
  text: string;
  path: string;
  /** The id the server acknowledged, or null when the only answer was “already posted”. */
  id: number | null;
  tooFast: number;
  networkErrors: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(["sqlite", "postgresql"] as const)("comments under load with %s", (storage) => {
  it(`${TOTAL} comments from ${READERS} readers, the server killed and restarted midway: none lost, none twice`, async () => {
    const dir = path.join(output, storage);
    rmSync(dir, { recursive: true, force: true });
    let env: Record<string, string> = { IPQPS: "1" };
    if (storage === "postgresql") {
      database = await startPostgres();
      env = { ...env, ...database.env };
    }
    let server = await startCommentsServer(dir, { env });
    servers.push(server);
    const url = server.url;

    let acknowledged = 0;
    let restarted: Promise<void> | undefined;
    const restartAt = Math.floor(TOTAL / 2);
    const restart = async () => {
      await server.close("SIGKILL");
      server = await startCommentsServer(dir, { env, port: server.port });
      servers.push(server);
    };
    const deadline = Date.now() + 240_000;
    const unexpected: string[] = [];

    async function reader(r: number): Promise<Outcome[]> {
      const outcomes: Outcome[] = [];
      for (let i = 0; i < PER_READER; i++) {
        const outcome: Outcome = {
          text: `读者${r}的第${i}条评论：夜班公交的末班车几点？`,
          path: PAGES[(r + i) % PAGES.length] ?? "/",
          id: null,
          tooFast: 0,
          networkErrors: 0,
        };
        for (;;) {
          if (Date.now() > deadline) throw new Error(`reader ${r} gave up on comment ${i}: out of time`);
          let answer;
          try {
            answer = await postComment(url, {
              path: outcome.path,
              nick: `读者${r}`,
              text: outcome.text,
              ip: `10.1.${Math.floor(r / 200)}.${r % 200}`,
            });
          } catch {
            // The server is down (being restarted) or cut the connection: the comment may or
            // may not have been stored. Post it again, as a reader would.
            outcome.networkErrors++;
            await sleep(300);
            continue;
          }
          if (answer.errno === 0 && answer.data) {
            outcome.id = answer.data.objectId;
            acknowledged++;
            if (acknowledged === restartAt) restarted = restart();
            break;
          }
          if (TOO_FAST.test(answer.errmsg)) {
            outcome.tooFast++;
            await sleep(1_100);
            continue;
          }
          if (answer.errmsg === DUPLICATE && outcome.networkErrors > 0) {
            // Stored by the attempt whose answer was lost when the server was killed.
            break;
          }
          unexpected.push(`${outcome.text}: ${JSON.stringify(answer)}`);
          break;
        }
        outcomes.push(outcome);
      }
      return outcomes;
    }

    const outcomes = (await Promise.all(Array.from({ length: READERS }, (_, r) => reader(r)))).flat();
    await restarted;
    expect(restarted, "the server was restarted during the load").toBeDefined();
    expect(unexpected).toEqual([]);

    const listed = (await Promise.all(PAGES.map((page) => listComments(url, page)))).flat();
    const byText = new Map<string, number[]>();
    for (const comment of listed)
      byText.set(comment.orig, [...(byText.get(comment.orig) ?? []), comment.objectId]);
    const duplicated = [...byText].filter(([, ids]) => ids.length > 1);
    expect(duplicated, "comments stored more than once").toEqual([]);

    const acked = outcomes.filter((o) => o.id !== null);
    const lost = acked.filter((o) => !byText.get(o.text)?.includes(o.id ?? -1));
    expect(lost, "acknowledged comments missing from the list").toEqual([]);
    // Every reader's comment ended stored: acknowledged, or refused as already posted after a
    // lost answer (and then it must be listed too).
    expect(outcomes.filter((o) => !byText.has(o.text))).toEqual([]);
    expect(listed).toHaveLength(TOTAL);

    const tooFast = outcomes.reduce((n, o) => n + o.tooFast, 0);
    const networkErrors = outcomes.reduce((n, o) => n + o.networkErrors, 0);
    console.log(
      `comments load (${storage}): ${acked.length} acknowledged, ${TOTAL - acked.length} stored with a lost answer, ` +
        `${tooFast} “too fast” answers, ${networkErrors} network errors during the restart`,
    );
    // The rate limit was reached (each reader posts 10 times) and answered in Chinese.
    expect(tooFast).toBeGreaterThan(0);
    expect(networkErrors, "the restart was felt by some reader").toBeGreaterThan(0);
    expect(server.output()).not.toMatch(/refused an outside request/);
  });
});
