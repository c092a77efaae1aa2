import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from "astro";
import { getSiteData } from "../../data/articles.ts";
import { formatArticleDate } from "../../lib/dates.ts";
import { renderSocialImage } from "../../lib/social/renderSocialImage.ts";
import { SITE } from "../../config.ts";

/** /og/<id>.png: each article's 1200×630 sharing image (og:image, twitter:image). */
export const getStaticPaths = (async () => {
  if (!SITE.socialImages) return [];
  const { articles } = await getSiteData();
  return articles.map((article) => ({ params: { id: article.id }, props: { article } }));
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = async ({ props: { article } }) => {
  const png = await renderSocialImage({
    title: article.title,
    byline: `${article.author} · ${formatArticleDate(article.date)}`,
    siteTitle: SITE.title,
    // The light theme's colours (src/styles/global.css).
    colors: { background: "#fdfcf9", text: "#1f1d1a", muted: "#5c5750", accent: "#8a2f1d" },
  });
  return new Response(new Uint8Array(png), { headers: { "content-type": "image/png" } });
};
