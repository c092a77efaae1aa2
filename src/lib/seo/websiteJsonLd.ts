/**
 * schema.org WebSite with a SearchAction: lets search engines offer a search box that lands on
 * the site's own /search/?q= page.
 */
export function websiteJsonLd(site: {
  title: string;
  description: string;
  url: string;
  lang: string;
}): Record<string, unknown> {
  const home = new URL("/", site.url).href;
  return {
    "@context": "https://schema.org",
    "@type": "WebSite",
    name: site.title,
    description: site.description,
    url: home,
    inLanguage: site.lang,
    potentialAction: {
      "@type": "SearchAction",
      target: {
        "@type": "EntryPoint",
        urlTemplate: `${new URL("/search/", site.url).href}?q={search_term_string}`,
      },
      "query-input": "required name=search_term_string",
    },
  };
}
