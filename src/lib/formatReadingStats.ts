import { t } from "../i18n/zh-CN.ts";
import type { ReadingStats } from "./readingStats.ts";

/** "约 6 分钟 · 2,300 字": reading time and length as shown on articles and in lists. */
export function formatReadingStats(stats: ReadingStats): string {
  return `${t("article.readingTime", { minutes: stats.minutes })} · ${t("article.length", {
    count: stats.length.toLocaleString("en-US"),
  })}`;
}
