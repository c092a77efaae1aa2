import { readFileSync } from "node:fs";
import path from "node:path";
import { load, type CheerioAPI } from "cheerio";
import { fixtureSite } from "./paths.ts";

/** Parses a page of the built fixture site: `page("articles/foo/")` reads …/index.html. */
export function page(urlPath: string): CheerioAPI {
  const clean = decodeURIComponent(urlPath).replace(/^\/+/, "");
  const file = clean === "" || clean.endsWith("/") ? `${clean}index.html` : clean;
  return load(readFileSync(path.join(fixtureSite, file), "utf8"));
}
