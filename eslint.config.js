import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";
import astro from "eslint-plugin-astro";

export default defineConfig(
  { ignores: ["dist", ".dist-builds/", ".cache/", "tests/.output/", ".astro/", "node_modules/"] },
  ...tseslint.configs.recommended,
  ...astro.configs["flat/recommended"],
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Browser code never imports Node: it would fail in the reader's browser, or drag a polyfill
    // into a bundle. The query/ folder is shared with the browser, so it is held to the same rule.
    files: ["src/features/*/client/**", "src/features/search/query/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^node:",
              message: "Browser code cannot import Node built-ins; keep Node in build/ or scripts/.",
            },
            {
              regex:
                "^(fs|path|os|url|crypto|child_process|worker_threads|stream|zlib|util|http|https|net|process)(/.*)?$",
              message: "Browser code cannot import Node built-ins; keep Node in build/ or scripts/.",
            },
          ],
        },
      ],
    },
  },
);
