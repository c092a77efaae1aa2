import type { AstroIntegration } from "astro";

/**
 * Drafts and scheduled articles are shown by `astro dev` and by nothing else. The decision is
 * taken from Astro's command, not from the Vite mode or NODE_ENV, which a build can inherit from
 * its environment (a test runner sets NODE_ENV=test): a build must never publish a draft.
 */
export function previewUnpublished(): AstroIntegration {
  return {
    name: "preview-unpublished",
    hooks: {
      "astro:config:setup": ({ command, updateConfig }) => {
        updateConfig({
          vite: { define: { "import.meta.env.PREVIEW_UNPUBLISHED": JSON.stringify(command === "dev") } },
        });
      },
    },
  };
}
