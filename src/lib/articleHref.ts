/** Root-relative URL of an article page, percent-encoded for use in href. */
export function articleHref(id: string): string {
  return `/articles/${encodeURIComponent(id)}/`;
}
