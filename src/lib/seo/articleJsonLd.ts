import { formatIsoDateTime } from "../dates.ts";

export interface ArticleJsonLdInput {
  title: string;
  description: string;
  date: Date;
  updated: Date | undefined;
  author: string;
  tags: readonly string[];
  /** Absolute URL of the article page. */
  url: string;
  /** Absolute URL of the author's page, when the site has author pages. */
  authorUrl: string | undefined;
}

/** schema.org BlogPosting for an article page: what search engines show as its byline and date. */
export function articleJsonLd(
  article: ArticleJsonLdInput,
  site: { title: string; url: string; lang: string },
): Record<string, unknown> {
  return {
    "@context": "https://schema.org",
    "@type": "BlogPosting",
    headline: article.title,
    description: article.description,
    datePublished: formatIsoDateTime(article.date),
    dateModified: formatIsoDateTime(article.updated ?? article.date),
    author: {
      "@type": "Person",
      name: article.author,
      ...(article.authorUrl ? { url: article.authorUrl } : {}),
    },
    publisher: { "@type": "Organization", name: site.title, url: new URL("/", site.url).href },
    keywords: article.tags.join(","),
    inLanguage: site.lang,
    mainEntityOfPage: { "@type": "WebPage", "@id": article.url },
    url: article.url,
  };
}
