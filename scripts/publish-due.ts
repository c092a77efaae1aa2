/**
 * `node scripts/publish-due.ts <record>`: the hourly CI job's first step. Compares the articles
 * the publish rule lets through now with those of the last deploy (`<record>`: the live site's
 * /_build.json, a URL or a file) and says whether a build is needed: `build=true|false` on
 * stdout and in $GITHUB_OUTPUT. Runs before `npm ci` (no dependencies). When anything is
 * uncertain — the record unreachable, an article it cannot read — it answers true.
 */
import { appendFileSync, existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { SITE } from "../src/config.ts";
import { isBuildRecord, publishedDigest } from "../src/features/deploy/buildRecord.ts";
import { publishedNow, type ArticleText } from "../src/features/deploy/publishedNow.ts";

const source = process.argv[2];
if (!source) {
  console.error("usage: node scripts/publish-due.ts <https://…/_build.json | file>");
  process.exit(2);
}

const answer = (build: boolean, why: string) => {
  console.log(`build=${build} (${why})`);
  const output = process.env["GITHUB_OUTPUT"];
  if (output) appendFileSync(output, `build=${build}\n`);
};

async function readRecord(where: string): Promise<unknown> {
  if (!/^https?:\/\//.test(where)) return JSON.parse(readFileSync(where, "utf8"));
  const response = await fetch(where, { signal: AbortSignal.timeout(15_000), cache: "no-store" });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}

const dir = path.resolve(process.env["ARTICLES_DIR"] ?? "content/articles");
const articles: ArticleText[] = existsSync(dir)
  ? readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && /\.mdx?$/.test(entry.name))
      .map((entry) => ({
        id: entry.name.replace(/\.mdx?$/, ""),
        text: readFileSync(path.join(entry.parentPath, entry.name), "utf8"),
      }))
  : [];

let record: unknown;
try {
  record = await readRecord(source);
} catch (error) {
  record = (error as Error).message;
}
const ids = publishedNow(articles, new Date(), SITE.timeZone);
if (!isBuildRecord(record)) answer(true, `no build record at ${source}: ${String(record).slice(0, 120)}`);
else if (!ids) answer(true, "an article's date or draft could not be read here; the build will check it");
else if (publishedDigest(ids) !== record.published.digest)
  answer(
    true,
    `${ids.length} articles are due now, ${record.published.count} were published by the last deploy`,
  );
else answer(false, `the ${ids.length} published articles are all live`);
