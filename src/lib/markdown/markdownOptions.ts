import type { UnifiedProcessorOptions } from "@astrojs/markdown-remark";
import remarkCjkFriendly from "remark-cjk-friendly";
import remarkCjkFriendlyGfmStrikethrough from "remark-cjk-friendly-gfm-strikethrough";
import { rehypeArticleImages } from "./rehypeArticleImages.ts";
import { rehypeExternalLinks } from "./rehypeExternalLinks.ts";
import { remarkArticleHeadings } from "./remarkArticleHeadings.ts";
import { remarkCjkAutolinks } from "./remarkCjkAutolinks.ts";
import { t } from "../../i18n/zh-CN.ts";

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
    rehypePlugins: [[rehypeExternalLinks, { siteUrl }], rehypeArticleImages],
    // mdast-util-to-hast writes English ("Footnotes", "Back to reference 1") unless told; MDX
    // inherits these options from this processor. No brackets in the labels: accessibility
    // checkers drop bracketed text, and the "2" of a second back link (↩²) must stay in its name.
    remarkRehype: {
      footnoteLabel: t("footnote.label"),
      // Visible: the default class (sr-only) hides it, and the site has no such class anyway.
      footnoteLabelProperties: { className: ["footnotes__heading"] },
      footnoteBackLabel: (referenceIndex: number, rereferenceIndex: number) =>
        t(rereferenceIndex > 1 ? "footnote.backLabelRepeat" : "footnote.backLabel", {
          number: referenceIndex + 1,
          repeat: rereferenceIndex,
        }),
    },
    // SmartyPants would turn "--purge" in running text into an en dash and "quotes" into
    // typographic ones; Chinese authors type their own 「」“” and ——.
    smartypants: false,
  } satisfies UnifiedProcessorOptions;
}
