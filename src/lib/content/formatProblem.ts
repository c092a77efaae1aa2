import type { ContentProblem } from "./contentProblem.ts";

/** `file:line: field: what is wrong — how to fix`, the line editors and terminals link to. */
export function formatProblem({ file, line, field, message, severity }: ContentProblem): string {
  return `${file}:${line}: ${field}: ${severity === "warning" ? "（提醒）" : ""}${message}`;
}
