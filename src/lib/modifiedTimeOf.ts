const MODIFIED = /<meta\s+property="article:modified_time"\s+content="([^"]+)"/;

/**
 * The `article:modified_time` a built page declares, if any. The sitemap takes each page's
 * lastmod from here, so it can never disagree with the page, and needs no second reading of
 * the articles (which would be a second place applying the publish rule).
 */
export function modifiedTimeOf(html: string): string | undefined {
  return MODIFIED.exec(html)?.[1];
}
