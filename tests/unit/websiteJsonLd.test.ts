import { describe, expect, it } from "vitest";
import { websiteJsonLd } from "../../src/lib/seo/websiteJsonLd.ts";

describe("websiteJsonLd", () => {
  it("offers a SearchAction on the site's /search/?q= page", () => {
    const data = websiteJsonLd({
      title: "观止评论",
      description: "d",
      url: "https://example.com",
      lang: "zh-CN",
    });
    expect(data).toMatchObject({ "@type": "WebSite", name: "观止评论", url: "https://example.com/" });
    expect(data["potentialAction"]).toMatchObject({
      "@type": "SearchAction",
      target: { urlTemplate: "https://example.com/search/?q={search_term_string}" },
      "query-input": "required name=search_term_string",
    });
  });
});
