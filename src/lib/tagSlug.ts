/**
 * The URL segment of a tag's page. Tags that differ only in letter case or character width
 * (“Linux”, “linux”, “ｌｉｎｕｘ”) share one page; Chinese stays Chinese (browsers show it
 * readably and it is percent-encoded on the wire).
 */
export function tagSlug(tag: string): string {
  return tag
    .normalize("NFKC")
    .trim()
    .toLowerCase()
    .replace(/[\s/\\?#%]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
