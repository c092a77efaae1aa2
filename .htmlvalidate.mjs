import { defineConfig } from "html-validate";

// html-validate's rules for the built pages (tests/build/htmlValidate.test.ts validates every page
// of the fixture site; `npx html-validate tests/.output/fixture-site` runs the same by hand).
// "document" adds the checks that only make sense for a whole page: doctype, heading levels,
// labels, references (aria-labelledby, for=…) that point nowhere.
export default defineConfig({
  root: true,
  extends: ["html-validate:recommended", "html-validate:document"],
  rules: {
    // HTML allows any id without spaces. The strict default (must start with a letter) would
    // break the documented archive anchors (/archive/#2025-12) and ids that github-slugger makes
    // from headings starting with a number ("2024 年回顾" → #2024-年回顾).
    "valid-id": ["error", { relaxed: true }],
    // Subresource integrity protects a page from a tampered third-party host. Every script
    // here comes from the page's own origin (the CSP allows no other), so a hash would be
    // served by the same host it is meant to check; required for cross-origin ones only.
    "require-sri": ["error", { target: "crossorigin" }],
    // Off: 70 Latin characters is English search-result advice. Title length is an authoring
    // decision here: `npm run check:content` warns above SITE.titleWarnLength (40) and the
    // schema rejects titles over 120 characters; the hostile-markup fixture is long on purpose.
    "long-title": "off",
    // Off: a static check cannot see CSS. Article pages carry the 目录 twice, in the sidebar
    // (wide screens) and folded above the body (phones); CSS shows exactly one at any width, so
    // readers meet one navigation landmark named 目录. axe's landmark-unique checks the
    // rendered pages instead (tests/e2e/reader.test.ts, every page type, both themes).
    "unique-landmark": "off",
  },
});
