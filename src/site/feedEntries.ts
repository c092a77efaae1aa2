import { articleHref } from "../site/urls.ts";
import { experimental_AstroContainer as AstroContainer } from "astro/container";
import { loadRenderers } from "astro:container";
import { render } from "astro:content";
import { getContainerRenderer as mdxRenderer } from "@astrojs/mdx/container-renderer";
import { SITE } from "../config.ts";
import { absolutizeHtml } from "../lib/absolutizeHtml.ts";
import { mdxComponents } from "../components/mdx.ts";

import { loadSite, type Article } from "./loadSite.ts";

export interface FeedEntry {
  article: Article;
  /** Absolute URL of the article page. */
  url: string;
  /** The full body, with absolute URLs and nothing a feed reader should run. */
  html: string;
}

let cached: Promise<FeedEntry[]> | undefined;

/**
 * The newest `SITE.feedSize` articles with their full HTML, shared by /rss.xml and /feed.json
 * and rendered once per build. Articles are rendered lazily (no HTML is stored with them), so
 * bodies go through Astro's container.
 */
export function getFeedEntries(): Promise<FeedEntry[]> {
  cached ??= (async () => {
    const { articles } = await loadSite();
    const container = await AstroContainer.create({ renderers: await loadRenderers([mdxRenderer()]) });
    return Promise.all(
      articles.slice(0, SITE.feedSize).map(async (article) => {
        const url = new URL(articleHref(article.id), SITE.url).href;
        const { Content } = await render(article.entry);
        return {
          article,
          url,
          html: absolutizeHtml(
            await container.renderToString(Content, { props: { components: mdxComponents } }),
            url,
          ),
        };
      }),
    );
  })();
  return cached;
}
