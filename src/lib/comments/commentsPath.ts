/**
 * The key a page's comments are stored under on the comment server: its root-relative URL,
 * decoded, so `/articles/夜班/` is one key whether it came from an href or from the address bar.
 * The widget and the count requests must use this same function, or counts would not match.
 */
export function commentsPath(href: string): string {
  try {
    return decodeURI(href);
  } catch {
    return href;
  }
}
