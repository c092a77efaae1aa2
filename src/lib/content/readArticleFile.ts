import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { proseLines, type ProseLine } from "./proseLines.ts";
import { splitArticleFile, type ArticleParts } from "./splitArticleFile.ts";

/**
 * The articles folder: `content/articles/` unless `ARTICLES_DIR` points elsewhere (benchmarks,
 * the real corpus, test fixtures). The one place that default is written.
 */
export function articlesDirOf(env: Record<string, string | undefined>): string {
  return path.resolve(env["ARTICLES_DIR"] ?? "content/articles");
}

/** A file that is not UTF-8: the message names the file and says how to fix it. */
export class NotUtf8Error extends Error {
  readonly file: string;
  constructor(file: string) {
    super(`${file}:1: file: 文件不是 UTF-8 编码 — 请用编辑器以 UTF-8 重新保存`);
    this.file = file;
  }
}

export interface ArticleFile extends ArticleParts {
  /** The path as given (for messages, usually relative to the project). */
  file: string;
  /** The whole file, decoded. */
  text: string;
  /** The body as Astro renders it, without surrounding blank space. */
  markdown: string;
  /** The body's prose lines (fenced code left out), computed on first use. */
  readonly prose: ProseLine[];
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * The one reader of an article file: bytes → UTF-8 check → frontmatter → body → prose lines.
 * Used by the content loader, `npm run check:content`, the site model and the scripts, so they
 * all see the same body. Node would read a GBK or Latin-1 file as replacement characters without
 * a word; this throws NotUtf8Error instead.
 */
export function parseArticleBytes(bytes: Uint8Array, file: string): ArticleFile {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new NotUtf8Error(file);
  }
  return parseArticleText(text, file);
}

/** As parseArticleBytes, for text already decoded. */
export function parseArticleText(text: string, file: string): ArticleFile {
  const parts = splitArticleFile(text);
  let prose: ProseLine[] | undefined;
  return {
    ...parts,
    file,
    text,
    markdown: parts.body.trim(),
    get prose() {
      prose ??= proseLines(parts.body, parts.bodyLine);
      return prose;
    },
  };
}

export function readArticleFileSync(fullPath: string, file = path.relative(process.cwd(), fullPath)): ArticleFile {
  return parseArticleBytes(readFileSync(fullPath), file);
}

export async function readArticleFile(
  fullPath: string,
  file = path.relative(process.cwd(), fullPath),
): Promise<ArticleFile> {
  return parseArticleBytes(await readFile(fullPath), file);
}
