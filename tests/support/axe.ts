import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/** WCAG 2.1 A and AA, the level the site is held to. */
export const WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] as const;

/**
 * Runs axe-core on a page (or on the part matched by `scope`) and lists its violations as
 * "rule: targets", so a failing test says what and where. Open the page with `bypassCSP: true`:
 * the site's Content-Security-Policy rightly refuses the injected script.
 */
export async function axeViolations(
  page: Page,
  { scope, tags = [...WCAG_AA, "best-practice"] }: { scope?: string; tags?: readonly string[] } = {},
): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(
    async ({ scope, tags }) => {
      const { axe } = window as unknown as {
        axe: {
          run: (context: unknown, options: object) => Promise<{ violations: unknown[] }>;
        };
      };
      const result = await axe.run(scope ?? document, { runOnly: tags });
      return (result.violations as { id: string; nodes: { target: string[] }[] }[]).map(
        (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
      );
    },
    { scope, tags },
  );
}
