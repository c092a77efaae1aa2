export interface ArticleParts {
  /** The YAML between the `---` lines, or undefined when the file has no frontmatter. */
  frontmatter: string | undefined;
  /** The Markdown/MDX after the frontmatter. */
  body: string;
  /** 1-based line of the body's first line in the file. */
  bodyLine: number;
  /** 1-based line of each top-level frontmatter key, for messages that point at a field. */
  fieldLines: Map<string, number>;
}

// The same delimiters Astro accepts (@astrojs/internal-helpers frontmatter.js), minus TOML.
const FRONTMATTER = /^(\uFEFF?---[ \t]*\r?\n)([\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/;

/** Splits an article file into frontmatter and body, remembering where each field is. */
export function splitArticleFile(text: string): ArticleParts {
  const match = FRONTMATTER.exec(text);
  if (!match) return { frontmatter: undefined, body: text, bodyLine: 1, fieldLines: new Map() };
  const frontmatter = match[2] ?? "";
  const fieldLines = new Map<string, number>();
  frontmatter.split(/\r?\n/).forEach((line, index) => {
    const key = /^([A-Za-z_][\w-]*)\s*:/.exec(line)?.[1];
    if (key && !fieldLines.has(key)) fieldLines.set(key, index + 2);
  });
  const bodyLine = (match[0].match(/\n/g)?.length ?? 0) + 1;
  return { frontmatter, body: text.slice(match[0].length), bodyLine, fieldLines };
}
