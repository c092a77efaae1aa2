// Serves a built site and screenshots pages at desktop and phone width, for looking at what
// readers see, in the light and the dark theme:
//   npm run screenshot -- <site-dir> <out-dir> /path/ [/other/ …]
import { mkdirSync } from "node:fs";
import path from "node:path";
import { launchChromium } from "../tests/support/browser.ts";
import { serveStatic } from "../tests/support/serveStatic.ts";

const [siteDir, outDir, ...paths] = process.argv.slice(2);
if (!siteDir || !outDir || paths.length === 0) {
  console.error("usage: node scripts/screenshot.ts <site-dir> <out-dir> /path/ [...]");
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });
const server = await serveStatic(path.resolve(siteDir));
const browser = await launchChromium();
for (const [name, viewport] of Object.entries({
  desktop: { width: 1280, height: 900 },
  phone: { width: 390, height: 844 },
})) {
  for (const colorScheme of ["light", "dark"] as const) {
    // The theme script follows the system setting when the reader has not chosen one.
    const page = await browser.newPage({ viewport, colorScheme });
    for (const urlPath of paths) {
      await page.goto(server.url + urlPath);
      const slug = urlPath.replace(/[^\p{L}\p{N}]+/gu, "_").replace(/^_|_$/g, "") || "home";
      const file = path.join(outDir, `${slug}-${name}-${colorScheme}.png`);
      await page.screenshot({ path: file, fullPage: process.env["FULL_PAGE"] === "1" });
      console.log(file);
    }
    await page.close();
  }
}
await browser.close();
await server.close();
