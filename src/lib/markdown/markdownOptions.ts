import type { UnifiedProcessorOptions } from "@astrojs/markdown-remark";
import remarkCjkFriendly from "remark-cjk-friendly";
import remarkCjkFriendlyGfmStrikethrough from "remark-cjk-friendly-gfm-strikethrough";
import { rehypeExternalLinks } from "./rehypeExternalLinks.ts";
import { remarkArticleHeadings } from "./remarkArticleHeadings.ts";
import { remarkCjkAutolinks } from "./remarkCjkAutolinks.ts";

/**
 * The site's Markdown pipeline: the build's processor (astro.config.ts) and the search budget
 * test, which renders 10,000 articles without Astro, use the same plugins.
 */
export function markdownOptions(siteUrl: string) {
  return {
    // Without these, CommonMark's emphasis rules fail next to Chinese punctuation:
    // **“引号”**后面 would print its asterisks.
    remarkPlugins: [
      remarkCjkFriendly,
      remarkCjkFriendlyGfmStrikethrough,
      remarkArticleHeadings,
      remarkCjkAutolinks,
    ],
    rehypePlugins: [[rehypeExternalLinks, { siteUrl }]],
    // SmartyPants would turn "--purge" in running text into an en dash and "quotes" into
    // typographic ones; Chinese authors type their own 「」“” and ——.
    smartypants: false,
  } satisfies UnifiedProcessorOptions;
}
