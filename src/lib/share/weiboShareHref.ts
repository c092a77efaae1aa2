/**
 * Weibo's share page for a URL and title. A plain link: nothing talks to Weibo until the reader
 * follows it.
 */
export function weiboShareHref(url: string, title: string): string {
  const query = new URLSearchParams({ url, title });
  return `https://service.weibo.com/share/share.php?${query.toString()}`;
}
