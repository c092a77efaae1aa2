import { describe, expect, it } from "vitest";
import { articleJsonLd } from "../../src/lib/seo/articleJsonLd.ts";

const site = { title: "观止评论", url: "https://example.com", lang: "zh-CN" };
const article = {
  title: "夜班公交里的城市",
  description: "摘要",
  date: new Date("2025-03-01T00:00:00+08:00"),
  updated: undefined,
  author: "林间",
  tags: ["城市", "交通"],
  url: "https://example.com/articles/night-buses/",
  authorUrl: undefined,
};

describe("articleJsonLd", () => {
  it("describes the article as a BlogPosting in the site's zone and language", () => {
    expect(articleJsonLd(article, site)).toMatchObject({
      "@type": "BlogPosting",
      headline: "夜班公交里的城市",
      datePublished: "2025-03-01T00:00:00+08:00",
      dateModified: "2025-03-01T00:00:00+08:00",
      author: { "@type": "Person", name: "林间" },
      keywords: "城市,交通",
      inLanguage: "zh-CN",
      url: "https://example.com/articles/night-buses/",
    });
  });

  it("uses the updated date as dateModified and links the author's page when given", () => {
    const data = articleJsonLd(
      {
        ...article,
        updated: new Date("2025-04-02T12:00:00+08:00"),
        authorUrl: "https://example.com/authors/x/",
      },
      site,
    );
    expect(data["dateModified"]).toBe("2025-04-02T12:00:00+08:00");
    expect(data["author"]).toEqual({
      "@type": "Person",
      name: "林间",
      url: "https://example.com/authors/x/",
    });
  });
});
