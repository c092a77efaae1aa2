import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";

const WORKER = fileURLToPath(new URL("../lib/social/socialImageWorker.ts", import.meta.url));

/**
 * Lets `astro build` draw social images in worker threads (src/site/socialImages.ts). The worker
 * is a file Node loads itself, so its absolute path is handed to the bundled pages; `astro dev`
 * gets none and draws each card on request.
 */
export function socialImages(): AstroIntegration {
  return {
    name: "site:social-images",
    hooks: {
      "astro:config:setup": ({ command, updateConfig }) => {
        const worker = command === "build" ? WORKER : "";
        updateConfig({ vite: { define: { "import.meta.env.SOCIAL_IMAGE_WORKER": JSON.stringify(worker) } } });
      },
    },
  };
}
