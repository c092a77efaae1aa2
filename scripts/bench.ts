// Build benchmark over N generated articles (make-corpus.mjs):
//
//   npm run bench -- --count 10000 [--skip-baseline] [--skip-scenarios | --scenarios N] [--work DIR]
//
// --scenarios N runs only the first N changes (at 100k: `--scenarios 2`, a new article and an
// edited body, since each build there takes many minutes).
//
// Our site: a cold build (every build cache cleared), then one build after each change an author
// makes — add an article, edit a body, edit a title, delete an article, change a template — each
// from the state the one before left. Against two bare Astro 7 sites over the same articles (one
// page per article, one list, then the Pagefind CLI): one with the site's Markdown pipeline
// (unified + remark-cjk-friendly + our remark/rehype plugins), the baseline the targets use, and
// one with Astro's native Markdown, reported beside it.
//
// Wall time, pages, peak memory of the largest process (sampled from /proc every 100 ms), output
// size; our build's phases come from the timing record it writes (src/lib/buildTimings.ts), not
// from its log. Numbers go to stdout as tables; record them in docs/performance.md.
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
import { BUILD_TIMINGS_ENV, readTimings } from "../src/lib/buildTimings.ts";

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
  /** [step, seconds, detail] from the build's timing record, in the order written. */
  steps: [string, number, string][];
}

/** The targets of issue 14 for a 10,000-article site. */
const TARGETS = {
  coldOverBare: 1.5,
  peakMiB: 4 * 1024,
  outputMiB: (600 * 1e6) / 2 ** 20,
  newArticleOverCold: 0.1,
  editedBodyOverCold: 0.08,
};

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
  // Cold means nothing kept from an earlier build: Astro's cache for this folder (content store,
  // incremental-build manifest) and the build's own caches, which are shared by every folder.
  for (const cache of [
    buildDirs(env).cacheDir,
    ...Object.values(BUILD_CACHES).map((dir) => path.join(repo, dir)),
  ])
    rmSync(cache, { recursive: true, force: true });
  const site = (name: string) =>
    measure(`site: ${name}`, process.execPath, [astroBin, "build"], repo, env, outDir);
  runs.push(await site("cold build"));
  if (!args.has("skip-scenarios")) {
    const undo: (() => void)[] = [];
    try {
      const first = Number(args.get("scenarios") ?? Infinity);
      if (!(first >= 1))
        throw new Error(`bench: --scenarios takes a number of scenarios, got ${args.get("scenarios")}`);
      for (const [name, change] of scenarios().slice(0, first)) {
        undo.push(change());
        runs.push(await site(name));
      }
    } finally {
      for (const restore of undo.reverse()) restore();
    }
  }
  if (!args.has("skip-baseline")) {
    runs.push(...(await baseline("bare, site's Markdown", true)));
    runs.push(...(await baseline("bare, native Markdown", false)));
  }
  report(runs);
}

/** Each change an author makes, applied to the articles or templates; returns its undo. */
function scenarios(): [string, () => () => void][] {
  const files = readdirSync(articlesDir)
    .filter((f) => f.endsWith(".md"))
    .sort();
  const edit = (file: string, rewrite: (text: string) => string) => () => {
    const original = readFileSync(file, "utf8");
    const changed = rewrite(original);
    if (changed === original) throw new Error(`bench: the edit left ${file} unchanged`);
    writeFileSync(file, changed);
    return () => writeFileSync(file, original);
  };
  const article = (i: number) => path.join(articlesDir, files[Math.floor(i * (files.length - 1))]!);
  const added = path.join(articlesDir, "bench-new-article.md");
  const template = path.join(repo, "src/layouts/BaseLayout.astro");
  return [
    [
      "add one new article",
      () => {
        // A copy of an existing article under a new name and title, dated today: it joins the
        // index, its tags' pages, the feeds, neighbours and related lists.
        const source = readFileSync(article(0.5), "utf8");
        const today = new Date().toISOString().slice(0, 10);
        writeFileSync(
          added,
          source
            .replace(/^title: .*$/m, 'title: "基准测试新增的一篇文章"')
            .replace(/^date: .*$/m, `date: ${today}`),
        );
        return () => rmSync(added, { force: true });
      },
    ],
    [
      "edit one article's body",
      edit(
        article(0.25),
        (text) => `${text}\n\n编辑后追加的一段话，用来测量只改一篇文章正文时的重新构建。\n`,
      ),
    ],
    [
      "edit one article's title",
      edit(article(0.75), (text) => text.replace(/^title: "?(.*?)"?$/m, 'title: "$1（修订）"')),
    ],
    [
      "delete an article",
      () => {
        const file = article(0.6);
        const original = readFileSync(file);
        rmSync(file);
        return () => writeFileSync(file, original);
      },
    ],
    // A change to the layout every page uses: its module changes, so every page is rendered.
    ["change a template", edit(template, (text) => text.replace(/^---\n/, `---\n// bench ${Date.now()}\n`))],
  ];
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

/**
 * A bare Astro 7 site over the same articles, built cold (its own cache folder cleared), then
 * indexed by the Pagefind CLI. `sitePipeline`: Markdown through the site's unified processor
 * (src/lib/markdown/markdownOptions.ts), as our build renders it; otherwise Astro's default.
 */
async function baseline(label: string, sitePipeline: boolean): Promise<Run[]> {
  const root = path.join(work, sitePipeline ? "bare-site-markdown" : "bare-native-markdown");
  const outDir = path.join(root, "dist");
  mkdirSync(path.join(root, "src/pages/articles"), { recursive: true });
  // Always this checkout's packages: a link left by a bench run from another checkout may dangle.
  rmSync(path.join(root, "node_modules"), { force: true });
  symlinkSync(path.join(repo, "node_modules"), path.join(root, "node_modules"));
  writeFileSync(path.join(root, "package.json"), '{ "type": "module" }\n');
  const markdownModule = path.join(repo, "src/lib/markdown/markdownOptions.ts");
  writeFileSync(
    path.join(root, "astro.config.mjs"),
    sitePipeline
      ? `import { defineConfig } from "astro/config";\nimport { unified } from "@astrojs/markdown-remark";\nimport { markdownOptions } from ${JSON.stringify(markdownModule)};\n` +
          `export default defineConfig({ cacheDir: "./.bench-cache", markdown: { processor: unified(markdownOptions("https://example.com")) } });\n`
      : `import { defineConfig } from "astro/config";\nexport default defineConfig({ cacheDir: "./.bench-cache" });\n`,
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
  for (const cache of [".bench-cache", ".astro", "dist"])
    rmSync(path.join(root, cache), { recursive: true, force: true });
  const build = await measure(
    `${label}: build`,
    process.execPath,
    [astroBin, "build", "--root", root],
    root,
    {},
    outDir,
  );
  const pagefindBin = path.join(repo, "node_modules/pagefind/lib/runner/bin.cjs");
  const index = await measure(
    `${label}: pagefind CLI`,
    process.execPath,
    [pagefindBin, "--site", outDir],
    root,
    {},
    outDir,
  );
  return [build, index, combine(`${label}: total`, [build, index])];
}

function combine(name: string, runs: Run[]): Run {
  return {
    name,
    seconds: runs.reduce((sum, r) => sum + r.seconds, 0),
    peakMiB: Math.max(...runs.map((r) => r.peakMiB)),
    pages: runs[0]!.pages,
    outputMiB: runs.at(-1)!.outputMiB,
    steps: [],
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
  const timings = path.join(work, "build-timings.jsonl");
  rmSync(timings, { force: true });
  const started = performance.now();
  const child = spawn(command, argv, {
    cwd,
    env: { ...process.env, ...env, NODE_ENV: "production", [BUILD_TIMINGS_ENV]: timings },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, largestRss(child.pid!))), 100);
  let tail = "";
  const onData = (chunk: Buffer): void => {
    tail = (tail + chunk.toString()).slice(-4000);
  };
  child.stdout.on("data", onData);
  child.stderr.on("data", onData);
  return new Promise((resolve, reject) => {
    child.on("exit", (code) => {
      clearInterval(sampler);
      const ended = performance.now();
      if (code !== 0) return reject(new Error(`${name} failed (exit ${code}):\n${tail}`));
      // Only our build writes a record (the bare sites and the Pagefind CLI have none).
      const steps = existsSync(timings)
        ? readTimings(timings).map(({ step, start, end, detail }): [string, number, string] => [
            step,
            (end - start) / 1000,
            detail ?? "",
          ])
        : [];
      const run = {
        name,
        seconds: (ended - started) / 1000,
        peakMiB: peak / 1024,
        pages: countHtml(outDir),
        outputMiB: dirBytes(outDir) / 2 ** 20,
        steps,
      };
      // Printed as each run ends, so a run that fails later loses none of the earlier figures.
      console.log(
        `  ${run.seconds.toFixed(1)} s, peak ${run.peakMiB.toFixed(0)} MiB, ${run.pages} pages, ${run.outputMiB.toFixed(1)} MiB` +
          (steps.length
            ? `\n  ${steps.map(([step, s, detail]) => `${step} ${s.toFixed(1)} s${detail ? ` (${detail})` : ""}`).join(" · ")}`
            : ""),
      );
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
  const cold = runs.find((r) => r.name === "site: cold build");
  const bare = runs.find((r) => r.name === "bare, site's Markdown: total");
  console.log("| run | wall s | % of cold | pages | peak MiB | output MiB |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
  for (const r of runs) {
    const share =
      cold && r.name.startsWith("site:") ? `${((100 * r.seconds) / cold.seconds).toFixed(1)}` : "";
    console.log(
      `| ${r.name} | ${r.seconds.toFixed(1)} | ${share} | ${r.pages} | ${r.peakMiB.toFixed(0)} | ${r.outputMiB.toFixed(1)} |`,
    );
  }
  for (const r of runs.filter((run) => run.steps.length)) {
    console.log(
      `\n${r.name}: ${r.steps.map(([step, s, detail]) => `${step} ${s.toFixed(1)} s${detail ? ` (${detail})` : ""}`).join(" · ")}`,
    );
  }
  if (!cold) return;
  const verdict = (ok: boolean) => (ok ? "met" : "MISSED");
  console.log("");
  if (bare) {
    const ratio = cold.seconds / bare.seconds;
    console.log(
      `cold / bare (site's Markdown): ${ratio.toFixed(2)} (target ≤ ${TARGETS.coldOverBare}): ${verdict(ratio <= TARGETS.coldOverBare)}`,
    );
  }
  const native = runs.find((r) => r.name === "bare, native Markdown: total");
  if (native)
    console.log(
      `cold / bare (native Markdown): ${(cold.seconds / native.seconds).toFixed(2)} (reported, no target)`,
    );
  console.log(
    `cold peak ${cold.peakMiB.toFixed(0)} MiB (target ≤ ${TARGETS.peakMiB}): ${verdict(cold.peakMiB <= TARGETS.peakMiB)}`,
  );
  console.log(
    `cold output ${cold.outputMiB.toFixed(0)} MiB (target ≤ ${TARGETS.outputMiB.toFixed(0)} MiB = 600 MB): ${verdict(cold.outputMiB <= TARGETS.outputMiB)}`,
  );
  for (const [scenario, target] of [
    ["site: add one new article", TARGETS.newArticleOverCold],
    ["site: edit one article's body", TARGETS.editedBodyOverCold],
  ] as const) {
    const run = runs.find((r) => r.name === scenario);
    if (run)
      console.log(
        `${scenario.slice(6)} / cold: ${(run.seconds / cold.seconds).toFixed(3)} (target ≤ ${target}): ${verdict(run.seconds / cold.seconds <= target)}`,
      );
  }
}
