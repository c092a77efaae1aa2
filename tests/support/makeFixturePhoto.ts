// Draws the fixture article's photos (tests/fixtures/articles/images/harbour-*.jpg): a synthetic
// dusk scene — sky gradient, sun, hills, water with noise — so the image pipeline is tested on a
// real JPEG that is ours to commit. Run once: node tests/support/makeFixturePhoto.ts
import path from "node:path";
import sharp from "sharp";
import { fixtureArticles } from "./paths.ts";

const width = 1600;
const height = 1000;
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <defs>
    <linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#1d2b53"/><stop offset="0.55" stop-color="#c0566b"/>
      <stop offset="1" stop-color="#f6b36b"/>
    </linearGradient>
    <linearGradient id="sea" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#3b4a7a"/><stop offset="1" stop-color="#0c1530"/>
    </linearGradient>
    <radialGradient id="sun"><stop offset="0" stop-color="#fff4c2"/><stop offset="1" stop-color="#ffb347" stop-opacity="0"/></radialGradient>
    <filter id="grain"><feTurbulence type="fractalNoise" baseFrequency="0.9" numOctaves="2" seed="7"/>
      <feColorMatrix type="saturate" values="0"/><feComponentTransfer><feFuncA type="linear" slope="0.18"/></feComponentTransfer>
      <feComposite in2="SourceGraphic" operator="over"/></filter>
  </defs>
  <rect width="${width}" height="${height}" fill="url(#sky)"/>
  <circle cx="1100" cy="560" r="260" fill="url(#sun)"/>
  <path d="M0 600 C 250 470 420 520 640 580 S 1100 500 1600 590 L1600 640 L0 640 Z" fill="#2a2340"/>
  <rect y="630" width="${width}" height="${height - 630}" fill="url(#sea)"/>
  ${Array.from({ length: 40 }, (_, i) => `<rect x="${(i * 211) % 1500}" y="${650 + ((i * 37) % 330)}" width="${60 + ((i * 53) % 140)}" height="3" fill="#f6b36b" opacity="${0.2 + (i % 5) / 10}"/>`).join("")}
  <rect width="${width}" height="${height}" filter="url(#grain)" opacity="0.6"/>
</svg>`;

const out = path.join(fixtureArticles, "images/harbour-dusk.jpg");
await sharp(Buffer.from(svg)).jpeg({ quality: 82, mozjpeg: true }).toFile(out);
// A second, smaller photo (a crop): the article's later image, which must load lazily.
const detail = path.join(fixtureArticles, "images/harbour-detail.jpg");
await sharp(out)
  .extract({ left: 800, top: 400, width: 640, height: 420 })
  .jpeg({ quality: 80 })
  .toFile(detail);
console.log(out, detail);
