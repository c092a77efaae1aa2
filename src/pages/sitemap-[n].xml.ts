import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from "astro";
import { escapeXml } from "../lib/escapeXml.ts";
import { loadSite } from "../site/loadSite.ts";
import { sitemapRoutes } from "../site/routes.ts";

/** /sitemap-N.xml: a part of the sitemap (https://www.sitemaps.org/protocol.html). */
export const getStaticPaths = (async () => sitemapRoutes(await loadSite())) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props: { urls } }) => {
  const entries = urls.map(
    ({ loc, lastmod }) =>
      `<url><loc>${escapeXml(loc)}</loc>${lastmod ? `<lastmod>${escapeXml(lastmod)}</lastmod>` : ""}</url>`,
  );
  return new Response(
    `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${entries.join("")}</urlset>`,
    { headers: { "content-type": "application/xml; charset=utf-8" } },
  );
};
