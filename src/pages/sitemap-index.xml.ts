import type { APIRoute } from "astro";
import { escapeXml } from "../lib/escapeXml.ts";
import { loadSite } from "../site/loadSite.ts";
import { sitemapRoutes } from "../site/routes.ts";
import { absoluteUrl } from "../site/urls.ts";

/** /sitemap-index.xml: the sitemap's parts (robots.txt points here). */
export const GET: APIRoute = async () => {
  const parts = sitemapRoutes(await loadSite()).map(
    ({ params }) => `<sitemap><loc>${escapeXml(absoluteUrl(`/sitemap-${params.n}.xml`))}</loc></sitemap>`,
  );
  return new Response(
    `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${parts.join("")}</sitemapindex>`,
    { headers: { "content-type": "application/xml; charset=utf-8" } },
  );
};
