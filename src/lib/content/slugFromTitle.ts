import { pinyin } from "pinyin-pro";

/** At most this many words (pinyin syllables or Latin words) in a generated slug. */
const MAX_WORDS = 8;

/**
 * A readable URL slug for a title: Chinese characters become toneless pinyin, Latin words and
 * digits are kept, everything is lowercased and joined with "-" ("夜班公交里的城市" →
 * "ye-ban-gong-jiao-li-de-cheng-shi"). Long titles keep their first words only, so the URL
 * stays short. Returns "" when nothing usable is left (a title of emoji or punctuation only);
 * the caller then falls back to a date-based slug.
 */
export function slugFromTitle(title: string): string {
  const syllables = pinyin(title.normalize("NFKC"), { toneType: "none", type: "array", nonZh: "consecutive", v: true });
  const words = syllables
    .flatMap((part) => part.toLowerCase().split(/[^a-z0-9]+/))
    .filter((word) => word !== "");
  return words.slice(0, MAX_WORDS).join("-");
}
