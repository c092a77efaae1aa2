/**
 * `npm run new -- "文章标题" [--slug night-buses]`: scaffolds content/articles/<slug>.md (or under
 * ARTICLES_DIR) as a draft dated today in the site's time zone. Never overwrites: a slug that is
 * already taken, as .md or .mdx, stops with a message naming the file.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { SITE } from "../src/config.ts";
import { chooseArticleSlug } from "../src/lib/content/chooseArticleSlug.ts";
import { formatIsoDay } from "../src/lib/dates.ts";
import { newArticleText } from "../src/lib/content/newArticleText.ts";
import { articlesDirOf } from "../src/lib/content/readArticleFile.ts";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const { values, positionals } = parseArgs({ options: { slug: { type: "string" } }, allowPositionals: true });
const title = positionals.join(" ").trim();
if (!title) fail('用法：npm run new -- "文章标题" [--slug night-buses]');

const dir = articlesDirOf(process.env);
const day = formatIsoDay(new Date());
const choice = chooseArticleSlug({
  title,
  explicit: values.slug,
  day,
  taken: (slug) => [".md", ".mdx"].some((ext) => existsSync(path.join(dir, `${slug}${ext}`))),
});
if ("error" in choice) fail(`${path.relative(process.cwd(), dir)}: ${choice.error}`);

const file = path.join(dir, `${choice.slug}.md`);
mkdirSync(dir, { recursive: true });
// "wx": fails rather than overwrites, even if the file appeared since the check above.
writeFileSync(file, newArticleText({ title, day, author: SITE.defaultAuthor }), { flag: "wx" });
console.log(
  `已创建 ${path.relative(process.cwd(), file)}（草稿，日期 ${day}，网址 /articles/${choice.slug}/）`,
);
console.log("写完后把 draft 改为 false，并运行 npm run check:content 检查。");
