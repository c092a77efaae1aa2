/** What the publish rule needs to know about an article. */
export interface Publishable {
  data: { draft: boolean; date: Date };
}

export interface PublishOptions {
  /** The moment of the build: articles dated after it are scheduled, not yet published. */
  now: Date;
  /** The dev server shows drafts and scheduled articles so authors can preview them. */
  preview: boolean;
}

/**
 * The one publish rule. Every consumer (index, article routes, tags, feeds, sitemap, search,
 * related articles) sees only what this lets through, so a draft or a scheduled article can
 * never leak through one of them.
 */
export function isPublished(article: Publishable, { now, preview }: PublishOptions): boolean {
  if (preview) return true;
  return !article.data.draft && !isScheduled(article, now);
}

/** Dated after `now`: published by the first build after its date (shown only in preview). */
export function isScheduled(article: Publishable, now: Date): boolean {
  return article.data.date.getTime() > now.getTime();
}
