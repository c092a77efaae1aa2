const URL_ATTRIBUTE = /(\s(?:href|src|poster)=)(["'])(.*?)\2/gi;
const SRCSET_ATTRIBUTE = /(\ssrcset=)(["'])(.*?)\2/gi;
const UNSAFE_ELEMENT = /<(script|style|iframe|object|embed)\b[\s\S]*?<\/\1\s*>/gi;
const EVENT_HANDLER = /\son[a-z]+=(?:"[^"]*"|'[^']*'|[^\s>]+)/gi;

/**
 * Article HTML made safe to leave the site in a feed: every link and image points at the site's
 * origin (a feed reader resolves "/x" and "#x" against its own address; `base` is the article's
URL), and scripts, styles, frames and
 * inline event handlers are dropped, since feed readers strip or, worse, run them; `javascript:` links become "#". Expects the
 * HTML Astro renders (attributes quoted); it is not a general sanitiser for untrusted input.
 */
export function absolutizeHtml(html: string, base: string): string {
  const absolute = (url: string) => {
    const trimmed = url.trim();
    if (/^javascript:/i.test(trimmed)) return "#";
    if (trimmed === "" || /^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return url;
    return new URL(trimmed, base).href;
  };
  return html
    .replace(UNSAFE_ELEMENT, "")
    .replace(EVENT_HANDLER, "")
    .replace(
      URL_ATTRIBUTE,
      (_whole, name: string, quote: string, url: string) => `${name}${quote}${absolute(url)}${quote}`,
    )
    .replace(SRCSET_ATTRIBUTE, (_whole, name: string, quote: string, list: string) => {
      const candidates = list.split(",").map((candidate) => {
        const [url = "", ...descriptor] = candidate.trim().split(/\s+/);
        return [absolute(url), ...descriptor].join(" ");
      });
      return `${name}${quote}${candidates.join(", ")}${quote}`;
    });
}
