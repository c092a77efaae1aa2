import { slugFromTitle } from "./slugFromTitle.ts";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface SlugChoice {
  title: string;
  /** The author's `--slug`, if given. */
  explicit: string | undefined;
  /** Today in the site's time zone, "2025-06-18": the fallback for titles without letters. */
  day: string;
  /** Whether an article with this id already exists (as .md or .mdx). */
  taken: (slug: string) => boolean;
}

/**
 * The file name (and URL) of a new article: the author's `--slug`, else the title in pinyin
 * (see slugFromTitle), else the day, numbered `-2`, `-3`… when taken. Returns an error message
 * instead when the explicit slug is malformed or the chosen slug is taken: nothing is overwritten.
 */
export function chooseArticleSlug({ title, explicit, day, taken }: SlugChoice): { slug: string } | { error: string } {
  if (explicit !== undefined && !SLUG.test(explicit)) {
    return { error: `--slug “${explicit}”不可用 — 只用小写字母、数字和连字符，例如 --slug night-buses` };
  }
  let slug = explicit ?? slugFromTitle(title);
  if (slug === "") {
    slug = day;
    for (let n = 2; taken(slug); n += 1) slug = `${day}-${n}`;
  }
  if (taken(slug)) return { error: `“${slug}”已被另一篇文章使用，没有覆盖 — 请用 --slug 另起一个文件名，例如 --slug ${slug}-2` };
  return { slug };
}
