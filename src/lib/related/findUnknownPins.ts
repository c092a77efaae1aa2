/**
 * Problems with the `related:` pins of the articles, one message per unknown id, naming the file
 * so the author can fix it. Checked against every article, drafts included: pinning a draft is
 * allowed (the pin shows once the draft is published).
 */
export function findUnknownPins(
  articles: readonly { id: string; file: string; pinned: readonly string[] }[],
): string[] {
  const known = new Set(articles.map((a) => a.id));
  return articles.flatMap((article) =>
    article.pinned
      .filter((id) => !known.has(id))
      .map(
        (id) =>
          `${article.file}: related: 找不到文章 “${id}” — 请填写已有文章的文件名（不含扩展名），例如 related: ["other-article"]`,
      ),
  );
}
