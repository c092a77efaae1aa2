import rss from "@astrojs/rss";
import type { APIRoute } from "astro";
import { getFeedEntries } from "../site/feedEntries.ts";
import { escapeXml } from "../lib/escapeXml.ts";
import { SITE } from "../config.ts";
import { t } from "../i18n/zh-CN.ts";

/** RSS 2.0 with the full text of the newest articles. */
export const GET: APIRoute = async () => {
  const entries = await getFeedEntries();
  return rss({
    title: t("feed.title", { site: SITE.title }),
    description: SITE.description,
    site: SITE.url,
    xmlns: { dc: "http://purl.org/dc/elements/1.1/", atom: "http://www.w3.org/2005/Atom" },
    customData: [
      `<language>${SITE.lang}</language>`,
      `<atom:link href="${escapeXml(new URL("/rss.xml", SITE.url).href)}" rel="self" type="application/rss+xml"/>`,
    ].join(""),
    items: entries.map(({ article, url, html }) => ({
      title: article.title,
      link: url,
      pubDate: article.date,
      description: article.excerpt,
      content: html,
      categories: [...article.tags],
      customData: `<dc:creator>${escapeXml(article.author)}</dc:creator>`,
    })),
  });
};
