// Build benchmark: a cold production build and a warm rebuild (one article edited) of N
// generated articles, against a bare Astro 7 site over the same articles (one page per article,
// one list, then the Pagefind CLI): the least any Astro site with search does.
//
//   npm run bench -- --count 10000 [--skip-baseline] [--skip-warm]
//
// Reports wall time, pages/s, peak memory of the largest process (sampled from /proc every
// 100 ms) and output size, and splits our build into phases by the moment Astro logs each one.
// Numbers go to stdout as a table; record them in docs/performance.md.
import { execFileSync, spawn } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { BUILD_CACHES } from "../src/lib/buildCaches.ts";
import { buildDirs } from "../src/lib/buildDirs.ts";

const args = new Map<string, string>();
process.argv.slice(2).forEach((arg, i, all) => {
  if (arg.startsWith("--"))
    args.set(arg.slice(2), all[i + 1]?.startsWith("--") ? "true" : (all[i + 1] ?? "true"));
});
const count = Number(args.get("count") ?? 1000);
const repo = path.resolve(import.meta.dirname, "..");
const shared = path.resolve(repo, "../shared");
const work = path.resolve(args.get("work") ?? `/tmp/site-bench-${count}`);
const articlesDir = path.join(work, "articles");
const astroBin = path.join(repo, "node_modules/astro/bin/astro.mjs");

interface Run {
  name: string;
  seconds: number;
  peakMiB: number;
  pages: number;
  outputMiB: number;
  phases: [string, number][];
  /** Lines the build printed about its own steps: [step, what, seconds]. */
  reported: [string, string, number][];
}

// Log lines that open a phase of our build, in order; the first match starts that phase. A phase
// the build does not have (the bare site has no integrations) is skipped.
const PHASES: [string, RegExp][] = [
  ["content sync", /Syncing content/],
  ["bundle", /Synced content|Building static entrypoints/],
  ["render pages", /generating static routes/],
  ["sitemap", /Waiting for integration "@astrojs\/sitemap"/],
  ["search index", /Waiting for integration "site:pagefind"/],
  ["CSP", /Waiting for integration "site:content-security-policy"/],
  ["publish", /Waiting for integration "site:atomic-output"/],
  ["finish", /Complete!/],
];
// Work that runs inside a phase (related lists, social images in worker threads) reports itself:
// "[site:related] 10000 articles in 4.2 s".
const REPORTED = /\[site:([\w-]+)\] (.*) in ([\d.]+) s/;

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

async function main(): Promise<void> {
  mkdirSync(work, { recursive: true });
  generateArticles();
  const runs: Run[] = [];
  const outDir = path.join(work, "site");
  const env = { ARTICLES_DIR: articlesDir, OUT_DIR: outDir };
  // Cold means nothing kept from an earlier build: Astro's content cache for this folder and the
  // build's own caches (related term counts, social-image PNGs), which are shared by every folder.
  for (const cache of [
    buildDirs(env).cacheDir,
    ...Object.values(BUILD_CACHES).map((dir) => path.join(repo, dir)),
  ])
    rmSync(cache, { recursive: true, force: true });
  runs.push(await measure("site: cold build", process.execPath, [astroBin, "build"], repo, env, outDir));
  if (!args.has("skip-warm")) {
    const edited = path.join(articlesDir, readdirSync(articlesDir).sort()[0]!);
    const original = readFileSync(edited, "utf8");
    writeFileSync(edited, `${original}\n\n编辑后追加的一段话，用来测量只改一篇文章时的重新构建。\n`);
    try {
      runs.push(
        await measure(
          "site: warm rebuild (1 edited)",
          process.execPath,
          [astroBin, "build"],
          repo,
          env,
          outDir,
        ),
      );
    } finally {
      writeFileSync(edited, original);
    }
  }
  if (!args.has("skip-baseline")) runs.push(...(await baseline()));
  report(runs);
}

function generateArticles(): void {
  const have = existsSync(articlesDir) ? readdirSync(articlesDir).filter((f) => f.endsWith(".md")).length : 0;
  if (have === count) return;
  rmSync(articlesDir, { recursive: true, force: true });
  const tool = path.join(shared, "tools/make-corpus.mjs");
  if (!existsSync(tool)) throw new Error(`bench needs ${tool} (../shared beside the repository)`);
  console.log(
    execFileSync(process.execPath, [tool, "--count", String(count), "--out", articlesDir], {
      encoding: "utf8",
    }).trim(),
  );
}

async function baseline(): Promise<Run[]> {
  const root = path.join(work, "bare");
  const outDir = path.join(root, "dist");
  mkdirSync(path.join(root, "src/pages/articles"), { recursive: true });
  if (!existsSync(path.join(root, "node_modules")))
    symlinkSync(path.join(repo, "node_modules"), path.join(root, "node_modules"));
  writeFileSync(path.join(root, "package.json"), '{ "type": "module" }\n');
  writeFileSync(
    path.join(root, "astro.config.mjs"),
    'import { defineConfig } from "astro/config";\nexport default defineConfig({});\n',
  );
  writeFileSync(
    path.join(root, "src/content.config.ts"),
    `import { defineCollection } from "astro:content";\nimport { glob } from "astro/loaders";\n` +
      `export const collections = { articles: defineCollection({ loader: glob({ pattern: "**/*.md", base: ${JSON.stringify(articlesDir)} }) }) };\n`,
  );
  writeFileSync(
    path.join(root, "src/pages/articles/[id].astro"),
    `---\nimport { getCollection, render } from "astro:content";\nexport async function getStaticPaths() {\n  return (await getCollection("articles")).map((entry) => ({ params: { id: entry.id }, props: { entry } }));\n}\nconst { Content } = await render(Astro.props.entry);\n---\n<html lang="zh-CN"><head><meta charset="utf-8"><title>{Astro.props.entry.data.title}</title></head><body><h1>{Astro.props.entry.data.title}</h1><Content /></body></html>\n`,
  );
  writeFileSync(
    path.join(root, "src/pages/index.astro"),
    `---\nimport { getCollection } from "astro:content";\nconst all = await getCollection("articles");\n---\n<html lang="zh-CN"><head><meta charset="utf-8"><title>list</title></head><body><ul>{all.map((e) => <li><a href={\`/articles/\${e.id}/\`}>{e.data.title}</a></li>)}</ul></body></html>\n`,
  );
  rmSync(path.join(root, "node_modules/.astro-bare"), { recursive: true, force: true });
  rmSync(path.join(root, ".astro"), { recursive: true, force: true });
  const build = await measure(
    "bare Astro: build",
    process.execPath,
    [astroBin, "build", "--root", root],
    root,
    {},
    outDir,
  );
  const pagefindBin = path.join(repo, "node_modules/pagefind/lib/runner/bin.cjs");
  const index = await measure(
    "bare Astro: pagefind CLI",
    process.execPath,
    [pagefindBin, "--site", outDir],
    root,
    {},
    outDir,
  );
  return [build, index, combine("bare Astro: total", [build, index])];
}

function combine(name: string, runs: Run[]): Run {
  return {
    name,
    seconds: runs.reduce((sum, r) => sum + r.seconds, 0),
    peakMiB: Math.max(...runs.map((r) => r.peakMiB)),
    pages: runs[0]!.pages,
    outputMiB: runs.at(-1)!.outputMiB,
    phases: [],
    reported: [],
  };
}

function measure(
  name: string,
  command: string,
  argv: string[],
  cwd: string,
  env: Record<string, string>,
  outDir: string,
): Promise<Run> {
  console.log(`\n▶ ${name}`);
  const started = performance.now();
  const child = spawn(command, argv, {
    cwd,
    env: { ...process.env, ...env, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, largestRss(child.pid!))), 100);
  const marks: [string, number][] = [];
  const reported: [string, string, number][] = [];
  let phaseIndex = 0;
  let tail = "";
  const onData = (chunk: Buffer): void => {
    const text = chunk.toString();
    tail = (tail + text).slice(-4000);
    for (const line of text.split("\n")) {
      const next = PHASES.findIndex(([, pattern], i) => i >= phaseIndex && pattern.test(line));
      if (next !== -1) {
        marks.push([PHASES[next]![0], performance.now()]);
        phaseIndex = next + 1;
      }
      const step = REPORTED.exec(line);
      if (step) reported.push([step[1]!, step[2]!, Number(step[3])]);
    }
  };
  child.stdout.on("data", onData);
  child.stderr.on("data", onData);
  return new Promise((resolve, reject) => {
    child.on("exit", (code) => {
      clearInterval(sampler);
      const ended = performance.now();
      if (code !== 0) return reject(new Error(`${name} failed (exit ${code}):\n${tail}`));
      const phases = marks.map(([phase, at], i): [string, number] => [
        phase,
        ((marks[i + 1]?.[1] ?? ended) - at) / 1000,
      ]);
      const run = {
        name,
        seconds: (ended - started) / 1000,
        peakMiB: peak / 1024,
        pages: countHtml(outDir),
        outputMiB: dirBytes(outDir) / 2 ** 20,
        phases,
        reported,
      };
      console.log(`  ${run.seconds.toFixed(1)} s, peak ${run.peakMiB.toFixed(0)} MiB`);
      resolve(run);
    });
  });
}

/** RSS in KiB of the largest process in the tree rooted at pid. */
function largestRss(root: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, "utf8");
      const ppid = Number(/PPid:\s+(\d+)/.exec(status)?.[1]);
      rss.set(Number(entry), Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0));
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  let largest = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    largest = Math.max(largest, rss.get(pid) ?? 0);
    stack.push(...(children.get(pid) ?? []));
  }
  return largest;
}

function countHtml(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".html")).length;
}

function dirBytes(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).reduce((sum, f) => {
    const s = statSync(path.join(dir, f));
    return s.isFile() ? sum + s.size : sum;
  }, 0);
}

function report(runs: Run[]): void {
  console.log(`\n${count} articles, ${new Date().toISOString()}, Node ${process.version}\n`);
  console.log("| run | wall s | pages | pages/s | peak MiB (largest process) | output MiB |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
  for (const r of runs) {
    console.log(
      `| ${r.name} | ${r.seconds.toFixed(1)} | ${r.pages} | ${(r.pages / r.seconds).toFixed(0)} | ${r.peakMiB.toFixed(0)} | ${r.outputMiB.toFixed(1)} |`,
    );
  }
  for (const r of runs.filter((run) => run.phases.length)) {
    console.log(`\n${r.name}: ${r.phases.map(([p, s]) => `${p} ${s.toFixed(1)} s`).join(" · ")}`);
    for (const [step, what, seconds] of r.reported) console.log(`  ${step}: ${what} in ${seconds} s`);
  }
  const cold = runs.find((r) => r.name.includes("cold"));
  const warm = runs.find((r) => r.name.includes("warm"));
  const bare = runs.find((r) => r.name === "bare Astro: total");
  if (cold && bare)
    console.log(
      `\nratio cold build / bare baseline: ${(cold.seconds / bare.seconds).toFixed(2)} (target ≤ 1.0)`,
    );
  if (cold && warm)
    console.log(`ratio warm / cold: ${(warm.seconds / cold.seconds).toFixed(2)} (target ≤ 0.40)`);
}
