import rss from "@astrojs/rss";
import type { APIRoute } from "astro";
import { experimental_AstroContainer as AstroContainer } from "astro/container";
import { loadRenderers } from "astro:container";
import { render } from "astro:content";
import { getContainerRenderer as mdxRenderer } from "@astrojs/mdx/container-renderer";
import { getSiteData } from "../data/articles.ts";
import { absolutizeHtml } from "../lib/absolutizeHtml.ts";
import { articleHref } from "../lib/articleHref.ts";
import { escapeXml } from "../lib/escapeXml.ts";
import { SITE } from "../config.ts";
import { t } from "../i18n/zh-CN.ts";

/**
 * RSS 2.0 with the full text of the newest articles. Bodies are rendered through Astro's
 * container (articles are rendered lazily, so no HTML is stored with them), then given absolute
 * URLs and stripped of anything a feed reader should not run.
 */
export const GET: APIRoute = async () => {
  const { articles } = await getSiteData();
  const container = await AstroContainer.create({ renderers: await loadRenderers([mdxRenderer()]) });
  const items = await Promise.all(
    articles.slice(0, SITE.feedSize).map(async (article) => {
      const link = new URL(articleHref(article.id), SITE.url).href;
      const { Content } = await render(article.entry);
      const html = await container.renderToString(Content);
      return {
        title: article.title,
        link,
        pubDate: article.date,
        description: article.excerpt,
        content: absolutizeHtml(html, link),
        categories: [...article.tags],
        customData: `<dc:creator>${escapeXml(article.author)}</dc:creator>`,
      };
    }),
  );
  return rss({
    title: t("feed.title", { site: SITE.title }),
    description: SITE.description,
    site: SITE.url,
    xmlns: { dc: "http://purl.org/dc/elements/1.1/", atom: "http://www.w3.org/2005/Atom" },
    customData: [
      `<language>${SITE.lang}</language>`,
      `<atom:link href="${escapeXml(new URL("/rss.xml", SITE.url).href)}" rel="self" type="application/rss+xml"/>`,
    ].join(""),
    items,
  });
};
