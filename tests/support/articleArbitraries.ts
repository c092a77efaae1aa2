import fc from "fast-check";

/** How many generated cases a fuzz test runs: a few in `npm test`, more with FUZZ_RUNS=1000. */
export const fuzzRuns = (fallback: number) => Number(process.env["FUZZ_RUNS"] ?? fallback);

const han = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((code) => String.fromCodePoint(code));
const emoji = fc.constantFrom("🎉", "👨‍👩‍👧", "🇨🇳", "❤️", "🀄");
const control = fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCodePoint(code));
const markup = fc.constantFrom(
  "<",
  ">",
  "&",
  '"',
  "'",
  "`",
  "*",
  "_",
  "[",
  "]",
  "(",
  ")",
  "{",
  "}",
  "#",
  ":",
  "-->",
  "---",
  "\\",
);
const piece = fc.oneof(
  { weight: 5, arbitrary: han },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 4 }) },
  { weight: 1, arbitrary: emoji },
  { weight: 1, arbitrary: control },
  { weight: 2, arbitrary: markup },
  { weight: 1, arbitrary: fc.constantFrom(" ", "\n", "\t", "\u200b", "\u3000") },
);
/** Text an author might paste, and worse: Chinese, emoji, control characters, stray markup. */
export const messyText = (maxLength = 40) => fc.array(piece, { maxLength }).map((parts) => parts.join(""));

const yamlValue = fc.oneof(
  messyText(20).map((text) => JSON.stringify(text)), // quoted: always valid YAML
  messyText(20), // unquoted: often not
  fc.constantFrom(
    "2025-03-01",
    "2025-02-30",
    "2025-13-01",
    "2025-03-01T08:00:00+08:00",
    "2025-03-01 08:00",
    "true",
    "[]",
    "null",
    "",
  ),
);
const field = fc.constantFrom(
  "title",
  "date",
  "updated",
  "author",
  "tags",
  "description",
  "draft",
  "related",
  "pinned",
  "series",
  "seriesOrder",
  "titel",
);

/** Frontmatter that is usually close to valid: a title and date, then random fields and values. */
export const frontmatter = fc
  .tuple(messyText(30), fc.array(fc.tuple(field, yamlValue), { maxLength: 4 }))
  .map(([title, extra]) =>
    [
      `title: ${JSON.stringify(title || "标题")}`,
      "date: 2024-05-01",
      ...extra.map(([key, value]) => `${key}: ${value}`),
    ].join("\n"),
  );

const block = fc.oneof(
  messyText(80),
  fc.integer({ min: 1, max: 60 }).map((depth) => `${"> ".repeat(depth)}引用`),
  fc
    .integer({ min: 1, max: 30 })
    .map((depth) => Array.from({ length: depth }, (_, i) => `${"  ".repeat(i)}- 第 ${i} 层`).join("\n")),
  fc.integer({ min: 1_000, max: 100_000 }).map((length) => "长".repeat(length)),
  messyText(20).map((text) => `[${text}](/articles/${encodeURIComponent(text)}/)`),
  messyText(20).map((text) => `\`\`\`\n${text}\n\`\`\``),
);
/** A Markdown body: paragraphs, deep quotes and lists, huge lines, links, fences. */
export const body = fc.array(block, { maxLength: 6 }).map((blocks) => blocks.join("\n\n"));

const quoted = (maxLength: number) =>
  messyText(maxLength)
    .filter((text) => text.trim() !== "")
    .map((text) => JSON.stringify(text));
/** Frontmatter the schema accepts, with hostile text in every free-text field. */
export const validFrontmatter = fc
  .tuple(
    quoted(40),
    quoted(10),
    fc.array(quoted(8), { maxLength: 3 }),
    fc.option(quoted(60)),
    // A series name ends up in a URL and in every part's box; pinned reorders the home page.
    fc.option(quoted(12)),
    fc.boolean(),
  )
  .map(([title, author, tags, description, series, pinned]) =>
    [
      `title: ${title}`,
      "date: 2024-05-01",
      `author: ${author}`,
      `tags: [${tags.join(", ")}]`,
      ...(description ? [`description: ${description}`] : []),
      ...(series ? [`series: ${series}`] : []),
      ...(pinned ? ["pinned: true"] : []),
    ].join("\n"),
  );
