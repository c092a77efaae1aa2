import type { APIRoute } from "astro";
import { listingPopular } from "../site/routes.ts";
import { loadSite } from "../site/loadSite.ts";

/** The 热门文章 candidates (POPULAR_CANDIDATES_HREF), read by the list pages' script. */
export const GET: APIRoute = async () =>
  new Response(JSON.stringify(listingPopular(await loadSite())), {
    headers: { "content-type": "application/json" },
  });
