import { splitArticleFile } from "../../lib/content/splitArticleFile.ts";
import { isPublished } from "../../lib/publish.ts";

export interface ArticleText {
  /** The article's id: its file name without .md/.mdx, as the loader makes it. */
  id: string;
  text: string;
}

/**
 * The ids of the articles the publish rule lets through at `now`, read without the site's
 * dependencies so the hourly CI check runs before `npm ci` and finishes in seconds. It reads only
 * `date` and `draft`; undefined means an article it cannot read for certain (a date it does not
 * recognise, a `draft` that is not true/false): the caller must then build, which applies the
 * full schema and publishes or fails exactly as a push would.
 */
export function publishedNow(
  articles: readonly ArticleText[],
  now: Date,
  timeZone: string,
): string[] | undefined {
  const ids: string[] = [];
  for (const { id, text } of articles) {
    const { frontmatter } = splitArticleFile(text);
    if (frontmatter === undefined) return undefined;
    const draftValue = scalar(frontmatter, "draft");
    const draft = draftValue === undefined ? false : /^(true|True|TRUE)$/.test(draftValue) ? true : undefined;
    if (draft === undefined && !/^(false|False|FALSE)$/.test(draftValue ?? "")) return undefined;
    const date = readDate(scalar(frontmatter, "date"), timeZone);
    if (!date) return undefined;
    if (isPublished({ data: { draft: draft ?? false, date } }, { now, preview: false })) ids.push(id);
  }
  return ids;
}

/** A top-level `key: value` with its quotes and trailing comment removed. */
function scalar(frontmatter: string, key: string): string | undefined {
  const match = new RegExp(`^${key}[ \\t]*:[ \\t]*(.*)$`, "m").exec(frontmatter);
  if (!match) return undefined;
  const value = (match[1] ?? "").replace(/\s+#.*$/, "").trim();
  return /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value;
}

/** `2025-06-18` is that day's midnight in the site's zone (as toSiteDate reads it); a value
 * with a time and offset is that moment. */
function readDate(value: string | undefined, timeZone: string): Date | undefined {
  if (!value) return undefined;
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (day) return zonedMidnight(Number(day[1]), Number(day[2]), Number(day[3]), timeZone);
  if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value))
    return undefined;
  const time = Date.parse(value.replace(" ", "T"));
  return Number.isNaN(time) ? undefined : new Date(time);
}

function zonedMidnight(year: number, month: number, day: number, timeZone: string): Date {
  const utc = Date.UTC(year, month - 1, day);
  let guess = utc;
  // Twice: the zone's offset at the guess can differ from its offset at midnight (a DST change).
  for (let step = 0; step < 2; step++) guess = utc - (wallClock(guess, timeZone) - guess);
  return new Date(guess);
}

/** The wall-clock time in `timeZone` at an instant, as if it were UTC (ms). */
function wallClock(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value]),
  );
  return Date.UTC(
    Number(parts["year"]),
    Number(parts["month"]) - 1,
    Number(parts["day"]),
    Number(parts["hour"]),
    Number(parts["minute"]),
    Number(parts["second"]),
  );
}
