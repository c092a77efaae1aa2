import Callout from "./Callout.astro";

/**
 * Components every MDX article can use without an `import` line (passed to `<Content
 * components={…} />` by the article page). An import relative to the articles folder breaks as
 * soon as that folder lives elsewhere (`ARTICLES_DIR`); a name in this registry does not. An
 * article that still imports a component gets its own import, which wins over this one.
 */
export const mdxComponents = { Callout } as const;
