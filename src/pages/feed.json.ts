import { socialImageHref } from "../site/urls.ts";
import type { APIRoute } from "astro";
import { getFeedEntries } from "../site/feedEntries.ts";

import { formatIsoDateTime } from "../lib/dates.ts";
import { SITE } from "../config.ts";
import { t } from "../i18n/zh-CN.ts";

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1): the same entries as /rss.xml. */
export const GET: APIRoute = async () => {
  const entries = await getFeedEntries();
  const imageOf = (id: string) => {
    const href = socialImageHref(id);
    return href ? { image: new URL(href, SITE.url).href } : {};
  };
  const feed = {
    version: "https://jsonfeed.org/version/1.1",
    title: t("feed.title", { site: SITE.title }),
    home_page_url: new URL("/", SITE.url).href,
    feed_url: new URL("/feed.json", SITE.url).href,
    description: SITE.description,
    language: SITE.lang,
    items: entries.map(({ article, url, html }) => ({
      id: url,
      url,
      title: article.title,
      summary: article.excerpt,
      content_html: html,
      date_published: formatIsoDateTime(article.date),
      ...(article.updated ? { date_modified: formatIsoDateTime(article.updated) } : {}),
      authors: [{ name: article.author }],
      tags: article.tags,
      ...imageOf(article.id),
    })),
  };
  return new Response(JSON.stringify(feed), {
    headers: { "content-type": "application/feed+json; charset=utf-8" },
  });
};
