import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from "astro";
import { getSiteData } from "../../data/articles.ts";
import { socialImageOf } from "../../data/socialImages.ts";
import { SITE } from "../../config.ts";

/** /og/<id>.png: each article's 1200×630 sharing image (og:image, twitter:image). */
export const getStaticPaths = (async () => {
  if (!SITE.socialImages) return [];
  const { articles } = await getSiteData();
  return articles.map((article) => ({ params: { id: article.id }, props: { article } }));
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = async ({ props: { article } }) => {
  const png = await socialImageOf(article);
  return new Response(new Uint8Array(png), { headers: { "content-type": "image/png" } });
};
