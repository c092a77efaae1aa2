import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from "astro";
import { loadSite } from "../../site/loadSite.ts";
import { socialImageRoutes } from "../../site/routes.ts";
import { renderSocialImage } from "../../lib/social/renderSocialImage.ts";

/**
 * /og/<id>.png: each article's 1200×630 sharing image (og:image, twitter:image), drawn on request
 * by `astro dev`. `astro build` writes these files itself, from cards drawn in worker threads
 * while the pages render (src/integrations/socialImages.ts), so here it has no paths.
 */
export const getStaticPaths = (async () =>
  import.meta.env.SOCIAL_IMAGE_WORKER ? [] : socialImageRoutes(await loadSite())) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = async ({ props: { card } }) => {
  const png = await renderSocialImage(card);
  return new Response(new Uint8Array(png), { headers: { "content-type": "image/png" } });
};
