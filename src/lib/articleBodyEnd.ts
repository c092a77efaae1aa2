/**
 * Written by the article layout right after the article body (`<div class="prose">`), the one
 * place where a page holds markup it did not write itself. Everything else on a page is the
 * site's own template, with every author-written text escaped by Astro. Two passes over built
 * pages rely on it: the Content-Security-Policy skips the body up to it, and search reads the
 * `<article>` up to the first `</article>` after it.
 */
export const ARTICLE_BODY_END = "<!--/prose-->";
