import type { ContentProblem } from "./contentProblem.ts";

/**
 * Articles whose ids collide: the id is the file name without extension, wherever the file
 * sits, so `a.md` and `a.mdx`, or `a.md` and `old/a.md`, would claim the same URL.
 */
export function findDuplicateIds(files: readonly { file: string; id: string }[]): ContentProblem[] {
  const byId = new Map<string, string[]>();
  for (const { file, id } of files) byId.set(id, [...(byId.get(id) ?? []), file]);
  return [...byId.entries()]
    .filter(([, same]) => same.length > 1)
    .flatMap(([id, same]) =>
      same.map((file) => ({
        file,
        line: 1,
        field: "file",
        message: `文章 id “${id}”重复（${same.filter((other) => other !== file).join("、")} 也用它）— 文件名决定网址，请给其中一篇改名`,
        severity: "error" as const,
      })),
    );
}
