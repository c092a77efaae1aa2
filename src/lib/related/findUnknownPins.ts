/** A `related:` pin to an id no article has. */
export interface UnknownPin {
  file: string;
  id: string;
  /** What is wrong — how to fix it; the caller adds `file:line: related:`. */
  message: string;
}

/**
 * Problems with the `related:` pins of the articles, one per unknown id. Checked against every
 * article, drafts included: pinning a draft is allowed (the pin shows once the draft is published).
 */
export function findUnknownPins(
  articles: readonly { id: string; file: string; pinned: readonly string[] }[],
): UnknownPin[] {
  const known = new Set(articles.map((a) => a.id));
  return articles.flatMap((article) =>
    article.pinned
      .filter((id) => !known.has(id))
      .map((id) => ({
        file: article.file,
        id,
        message: `找不到文章 “${id}” — 请填写已有文章的文件名（不含扩展名），例如 related: ["other-article"]`,
      })),
  );
}
