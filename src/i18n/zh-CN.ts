/**
 * Every string a reader sees, keyed by where it is used. Components call `t("key")`; no Chinese
 * literal lives in a component. `{name}` placeholders are filled from the second argument.
 */
export const zhCN = {
  "site.skipToContent": "跳到正文",
  "site.footer": "以文会友，以评观世。",
  "site.poweredBy": "本站为静态网站，文章以 Markdown 撰写。",
  "nav.home": "首页",
  "nav.search": "搜索",
  "nav.primary": "主导航",
  "index.heading": "最新文章",
  "index.pageHeading": "最新文章 · 第 {page} 页",
  "index.empty": "还没有文章。",
  "pagination.label": "分页",
  "pagination.newer": "上一页",
  "pagination.older": "下一页",
  "pagination.status": "第 {current} 页，共 {total} 页",
  "article.by": "作者",
  "article.published": "发布于",
  "article.updated": "更新于",
  "article.readingTime": "约 {minutes} 分钟",
  "article.length": "{count} 字",
  "article.tags": "标签",
  "article.draft": "草稿",
  "article.draftNotice": "这是一篇草稿，只在开发服务器上显示，不会发布。",
  "article.scheduledNotice": "这篇文章定于 {date} 发布，只在开发服务器上显示。",
  "sidebar.label": "侧栏",
  "search.label": "搜索文章",
  "search.placeholder": "搜索文章…",
  "search.submit": "搜索",
  "search.heading": "搜索",
  "search.resultsFor": "“{query}”的搜索结果",
  "search.prompt": "输入关键词搜索全部文章。",
  "search.comingSoon": "站内全文搜索即将上线。",
  "tags.heading": "标签：{tag}",
  "related.heading": "相关文章",
  "related.empty": "暂无相关文章。",
  "related.reason": "共同标签：{tags}",
  "notFound.heading": "找不到这个页面",
  "notFound.body": "你要找的页面不存在，可能已被移动或删除。试试搜索，或回到首页。",
} as const;

export type MessageKey = keyof typeof zhCN;

/** Looks up a UI string and fills its `{placeholders}`. A missing key is a type error. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  return zhCN[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
