import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from "astro";
import { loadSite } from "../../site/loadSite.ts";
import { socialImageRoutes } from "../../site/routes.ts";
import { socialImageOf } from "../../site/socialImages.ts";

/** /og/<id>.png: each article's 1200×630 sharing image (og:image, twitter:image). */
export const getStaticPaths = (async () => socialImageRoutes(await loadSite())) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = async ({ props: { card } }) => {
  const png = await socialImageOf(card);
  return new Response(new Uint8Array(png), { headers: { "content-type": "image/png" } });
};
