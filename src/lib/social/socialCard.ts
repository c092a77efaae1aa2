/** The element tree satori renders: the subset of React elements it understands. */
export interface CardNode {
  type: string;
  props: { style: Record<string, string | number>; children: (CardNode | string)[] | string };
}

export interface SocialCardInput {
  title: string;
  /** "林间 · 2025年3月1日" */
  byline: string;
  siteTitle: string;
  colors: { background: string; text: string; muted: string; accent: string };
  /** CSS font-family list: satori falls back along it glyph by glyph. */
  fontFamily: string;
}

const el = (
  type: string,
  style: Record<string, string | number>,
  children: CardNode["props"]["children"],
): CardNode => ({
  type,
  props: { style, children },
});

/**
 * The 1200×630 sharing image of an article: site name, the title as large as fits in three
 * lines, byline. Long titles step down in size instead of being cut, so a Chinese title is shown
 * whole.
 */
export function socialCard({ title, byline, siteTitle, colors, fontFamily }: SocialCardInput): CardNode {
  const length = [...title].length;
  const fontSize = length <= 16 ? 76 : length <= 28 ? 64 : length <= 44 ? 52 : 42;
  return el(
    "div",
    {
      width: 1200,
      height: 630,
      boxSizing: "border-box",
      display: "flex",
      flexDirection: "column",
      justifyContent: "space-between",
      padding: "64px 80px",
      background: colors.background,
      borderLeft: `24px solid ${colors.accent}`,
      fontFamily,
    },
    [
      el("div", { fontSize: 34, fontWeight: 700, color: colors.accent, letterSpacing: 4 }, siteTitle),
      el("div", { fontSize, fontWeight: 700, lineHeight: 1.35, color: colors.text, display: "flex" }, title),
      el("div", { fontSize: 32, color: colors.muted }, byline),
    ],
  );
}
