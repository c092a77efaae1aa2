import { defineCollection } from "astro:content";
import { articleSchema } from "./lib/content/articleSchema.ts";
import { articlesLoader } from "./loaders/articles.ts";

// The schema lives in a plain module so that `npm run check:content` can use it without Astro.
const articles = defineCollection({
  loader: articlesLoader(),
  schema: articleSchema,
});

export const collections = { articles };
