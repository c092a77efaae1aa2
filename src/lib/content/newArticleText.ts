export interface NewArticle {
  title: string;
  /** The publication day, "2025-06-18", in the site's time zone. */
  day: string;
  author: string;
}

/**
 * The text of a freshly scaffolded article: every schema field filled in or shown commented,
 * `draft: true` so that nothing is published before the author says so. The title is written as
 * a JSON string, which is valid YAML whatever quotes or colons it contains.
 */
export function newArticleText({ title, day, author }: NewArticle): string {
  return [
    "---",
    `title: ${JSON.stringify(title)}`,
    `date: ${day}`,
    "# updated: 2025-06-20",
    `author: ${JSON.stringify(author)}`,
    "tags: []",
    '# description: "一两句话的摘要，用于列表、搜索结果和订阅；不写则从正文开头摘取。"',
    "draft: true",
    '# related: ["other-article"]  # 相关文章里优先列出的文章（文件名，不含扩展名）',
    "# pinned: true  # 置顶：在首页排在最前",
    '# series: "系列名"  # 专题：同名的文章组成一个系列',
    "# seriesOrder: 1  # 在系列中的序号",
    "---",
    "",
    "正文从这里开始。写完后把 draft 改为 false（或删去这一行），再运行 npm run check:content。",
    "",
  ].join("\n");
}
