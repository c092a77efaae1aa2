import { readdirSync } from "node:fs";
import path from "node:path";
import { checkArticleData } from "../../src/lib/content/checkArticleData.ts";
import { readArticleFileSync } from "../../src/lib/content/readArticleFile.ts";
import { isPublished } from "../../src/lib/publish.ts";
import type { RelatedSource } from "../../src/lib/related/types.ts";

/**
 * The published articles of a folder, for the related-articles benchmark and evaluation (the
 * build reads them through Astro's content layer instead): read by the site's one article reader
 * and checked by the build's schema, id = file name without extension.
 */
export function readArticleFiles(dir: string): RelatedSource[] {
  const now = new Date();
  return readdirSync(dir)
    .filter((file) => /\.mdx?$/.test(file))
    .sort()
    .flatMap((name) => {
      const article = readArticleFileSync(path.join(dir, name));
      const { data, problems } = checkArticleData(article.file, article, now);
      if (!data)
        throw new Error(problems.map((p) => `${p.file}:${p.line}: ${p.field}: ${p.message}`).join("\n"));
      if (!isPublished({ data }, { now, preview: false })) return [];
      return [
        {
          id: name.replace(/\.mdx?$/, ""),
          title: data.title,
          body: article.markdown,
          tags: data.tags,
          date: data.date,
          pinned: data.related,
        },
      ];
    });
}
