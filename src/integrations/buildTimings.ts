import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { AstroIntegration } from "astro";
import { BUILD_TIMINGS_ENV, BUILD_TIMINGS_FILE, recordTiming } from "../lib/buildTimings.ts";

/**
 * Writes the build's timing record (src/lib/buildTimings.ts): the phases Astro goes through,
 * from its own hooks — content sync (config done → build start), bundle (→ the environments are
 * built), render (→ astro:build:generated) — and, through `timed()`, each integration's
 * astro:build:done work. Steps inside them (related lists, sharing cards) add their own entries.
 * First in the integrations list, so its hooks run before the others'.
 */
export function buildTimings(): AstroIntegration {
  let mark = 0;
  const phase = (step: string) => {
    recordTiming(step, mark);
    mark = performance.now();
  };
  return {
    name: "site:build-timings",
    hooks: {
      "astro:config:setup": ({ command, updateConfig }) => {
        if (command !== "build") return;
        const file = path.resolve(process.env[BUILD_TIMINGS_ENV] ?? BUILD_TIMINGS_FILE);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, "");
        process.env[BUILD_TIMINGS_ENV] = file;
        mark = performance.now();
        updateConfig({
          vite: {
            plugins: [
              {
                name: "site:build-timings",
                // After every environment is bundled, before Astro renders the pages (its own
                // buildApp hook, which renders, is enforce: "post").
                buildApp: { order: "post", handler: async () => phase("bundle") },
              },
            ],
          },
        });
      },
      "astro:config:done": () => phase("config"),
      "astro:build:start": () => phase("content sync"),
      "astro:build:generated": () => phase("render"),
    },
  };
}

/** The same integration, with the time its astro:build:done hook takes recorded as `step`. */
export function timed(step: string, integration: AstroIntegration): AstroIntegration {
  const done = integration.hooks["astro:build:done"];
  if (!done) return integration;
  return {
    ...integration,
    hooks: {
      ...integration.hooks,
      "astro:build:done": async (options) => {
        const started = performance.now();
        await done(options);
        recordTiming(step, started);
      },
    },
  };
}
