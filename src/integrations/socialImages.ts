import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { linkOrCopy } from "../lib/linkOrCopy.ts";
import { takeQueuedSocialCards } from "../site/socialImages.ts";

const WORKER = fileURLToPath(new URL("../lib/social/socialImageWorker.ts", import.meta.url));

/**
 * Lets `astro build` draw sharing cards in worker threads (src/site/socialImages.ts) and puts
 * them into the output as /og/<id>.png once the pages are rendered, as hard links to
 * .cache/social-images (copies across file systems). The worker is a file Node loads itself, so
 * its absolute path is handed to the bundled pages; `astro dev` gets none and draws each card on
 * request through the /og/ route, which `astro build` leaves empty.
 *
 * Place it before the search index: cards still being drawn when the pages are done get every
 * core (Pagefind, which uses every core too, waits for them).
 */
export function socialImages(): AstroIntegration {
  return {
    name: "site:social-images",
    hooks: {
      "astro:config:setup": ({ command, updateConfig }) => {
        const worker = command === "build" ? WORKER : "";
        updateConfig({ vite: { define: { "import.meta.env.SOCIAL_IMAGE_WORKER": JSON.stringify(worker) } } });
      },
      // A build in a process that ran one before must not publish that build's cards.
      "astro:build:start": () => void takeQueuedSocialCards(),
      "astro:build:done": async ({ dir }) => {
        const cards = takeQueuedSocialCards();
        if (!cards) return; // sharing cards off (SITE.socialImages), or no article
        cards.useEveryCore();
        const og = path.join(fileURLToPath(dir), "og");
        for (const [id, file] of await cards.files) await linkOrCopy(file, path.join(og, `${id}.png`));
      },
    },
  };
}
