// Serves a built site and screenshots pages at desktop and phone width, for looking at what
// readers see:  node scripts/screenshot.ts <site-dir> <out-dir> /path/ [/other/ …]
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
  const page = await browser.newPage({ viewport });
  for (const urlPath of paths) {
    await page.goto(server.url + urlPath);
    const file = path.join(outDir, `${urlPath.replace(/[^\p{L}\p{N}]+/gu, "_") || "home"}-${name}.png`);
    await page.screenshot({ path: file, fullPage: false });
    console.log(file);
  }
  await page.close();
}
await browser.close();
await server.close();
