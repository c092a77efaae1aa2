import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import { unified } from "@astrojs/markdown-remark";
import { SITE } from "./src/config.ts";
import { markdownOptions } from "./src/lib/markdown/markdownOptions.ts";
import { buildDirs } from "./src/lib/buildDirs.ts";
import { pagefindIntegration } from "./src/features/search/build/pagefindIntegration.ts";
import { previewUnpublished } from "./src/integrations/previewUnpublished.ts";
import { socialImages } from "./src/integrations/socialImages.ts";
import { buildTimings, timed } from "./src/integrations/buildTimings.ts";
import { atomicOutput } from "./src/integrations/atomicOutput.ts";
import { incrementalBuildGuard } from "./src/integrations/incrementalBuildGuard.ts";
import { articlesDirOf } from "./src/lib/content/readArticleFile.ts";
import { deployFiles } from "./src/features/deploy/deployFilesIntegration.ts";
// Importing it checks the comments settings: a wrong one fails the build here, with the fix.
import "./src/site/comments.ts";

const dirs = buildDirs(process.env);

export default defineConfig({
  site: SITE.url,
  trailingSlash: "always",
  outDir: dirs.outDir,
  cacheDir: dirs.cacheDir,
  // Two articles whose file names collide (foo.md and foo.mdx) must fail the build, not shadow.
  prerenderConflictBehavior: "error",
  image: {
    // Markdown images get a srcset at these widths (the 1× and 2× of a phone and of the 38em
    // column; larger originals also keep their own width) and width/height, in WebP.
    layout: "constrained",
    breakpoints: [480, 720, 960, 1280],
    // The site's own CSS sizes images (global.css .prose img); Astro's would add a global sheet.
    responsiveStyles: false,
  },
  // Pages whose getStaticPaths returns a cacheKey are restored from the previous build when the
  // key, their code and their content are unchanged (src/site/routes.ts). `astro build --force`
  // rebuilds everything.
  experimental: {
    incrementalBuild: true,
    // The content store written and bundled in 20 MB parts: as one string it stops at ~83k
    // articles (V8's string limit), and as one module the bundler cannot hand it back to
    // JavaScript (docs/performance.md, the 100,000-article section).
    collectionStorage: "chunked",
  },
  build: {
    // The site's stylesheet (~13 KB) as one hashed, cached file rather than inlined into each of
    // the ~15,500 pages of a 10,000-article site (~200 MB of output): a reader downloads it once
    // per visit. Stylesheets under Vite's 4 KB inline limit (a page's own few rules) stay inline,
    // so a page waits for one stylesheet request. Lighthouse and sizes: docs/performance.md.
    inlineStylesheets: "auto",
    // Two pages in flight: while one social image is encoded by sharp (off the main thread), the
    // next page renders. Measured on 720 articles, cold cards: render 15.1 s → 13.4 s.
    concurrency: 2,
  },
  vite: {
    // The search dropdown is bundled like a worker (an ES module loaded by URL on first focus,
    // see SearchBox.astro); "es" keeps it importable with import() and lets it split chunks.
    worker: { format: "es" },
    build: {
      rollupOptions: {
        onwarn(warning, warn) {
          // Astro's own marker in every deferred-render article module; harmless, and one
          // multi-line warning per article buries real warnings on a large site.
          if (warning.code === "MODULE_LEVEL_DIRECTIVE" && warning.message.includes("astro:head-inject"))
            return;
          warn(warning);
        },
      },
    },
  },
  markdown: { processor: unified(markdownOptions(SITE.url)) },
  // Order matters. Pages (with their CSP, src/middleware.ts) and the sitemap are routes; Pagefind
  // indexes the HTML they wrote. atomicOutput last but the guard: builds go to a version folder of
  // their own, which outDir is switched to only after every other build:done hook has succeeded.
  // buildTimings FIRST: it writes the timing record (.cache/build-timings.jsonl) that
  // `npm run bench` reads; timed() adds each build:done step.
  integrations: [
    buildTimings(),
    previewUnpublished(),
    mdx(),
    // Before the search index: cards not drawn yet when the pages are done get every core.
    timed("card files", socialImages()),
    timed("search index", pagefindIntegration({ lang: SITE.lang })),
    timed("deploy files", deployFiles()),
    timed("publish", atomicOutput()),
    // After atomicOutput: a build counts as finished only once its site is published.
    incrementalBuildGuard(articlesDirOf(process.env)),
  ],
});
