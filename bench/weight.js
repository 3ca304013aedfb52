// npm run bench:weight — what every page of the example campaigns transfers: HTML, CSS, fonts
// and scripts as a browser downloads them with gzip (bench/local-site.js), images excluded.
// Each page is loaded in a fresh headless Chromium context (empty cache, clock set to the build's
// --now, when the examples' surveys are open) at 390 px and at 1280 px width, and scrolled to its
// end; the larger of the two counts (fonts are fetched only for faces in use).
// Bytes are response bodies as sent (gzip for text; woff2 as it is), headers excluded; 1 kB = 1000 bytes.
//
// Also checks that every weight and style the page sets text in has a font file of its own (the
// browser would otherwise draw a faux bold or slanted copy), except the deliberate synthetic bold
// italic (FONT_SYNTHESIS in src/site/styles/fonts.ts).
//
// Targets (issue 16): information and landing pages (and the other text pages: statement,
// thank-you pages, index, 404) ≤ 45 kB; survey pages ≤ 60 kB without their script, the script
// ≤ 20 kB (a location question's map library, script and stylesheet, loaded when its map
// scrolls into view, is counted apart). Map pages, the social kit and posters are printed without a target.
//
// "before" is bench/weight-baseline.json, written by this script (`--save-baseline`) on the
// commit named in it, before the page-weight changes. Exit 1 when a target is missed.
/* global document, window, getComputedStyle */ // inside page.evaluate, run by the browser
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { chromium } from "playwright-core";
import { loadSiteModel } from "../dist/campaign/index.js";
import { buildRoutes } from "../dist/site/routes.js";
import { CHROMIUM_ARGS, CHROMIUM_PATH, CLOCK_SCRIPT, NOW, pageUrls, root, startExampleSite } from "./local-site.js";

// Deliberately synthesized faces; before they were declared (the baseline's commit), none.
const { FONT_SYNTHESIS = [] } = await import("../dist/site/styles/fonts.js");

const BASELINE = path.join(root, "bench/weight-baseline.json");
const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1280, height: 900 },
];
const TEXT_PAGES = new Set(["index", "landing", "info", "accessibility", "thankYou", "mapThanks", "notFound"]);
const LIMIT = { text: 45_000, survey: 60_000, script: 20_000 };
// The map's own code (its script, the map library and the library's stylesheet), which a survey
// with a location question loads when its map scrolls into view, as a map page does: apart from
// the survey's targets.
const MAP_SCRIPT = /^scripts \/assets\/(maplibre-gl|mitreden-map|pmtiles)/;
const MAP_LIBRARY_CSS = /^css \/assets\/maplibre-gl/;
const bytesOf = (s, pattern) => s.files.filter((file) => pattern.test(file)).reduce((sum, file) => sum + Number(file.split(" ").at(-1)), 0);
const mapScripts = (s) => bytesOf(s, MAP_SCRIPT);

const saveBaseline = process.argv.includes("--save-baseline");
const site = await startExampleSite(path.join(root, "bench/.tmp/weight"));
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
let failed = false;
const fauxFaces = [];
try {
  const kinds = await pageKinds();
  const urls = pageUrls(readdirSync(site.outDir, { recursive: true }).map(String));
  const results = {};
  for (const url of urls) {
    const sizes = await Promise.all(VIEWPORTS.map((viewport) => measure(url, viewport)));
    results[url] = { kind: kinds.get(url) ?? kindByPath(url), ...largest(sizes) };
  }
  if (saveBaseline) {
    const commit = process.env.BENCH_COMMIT ?? execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
    writeFileSync(BASELINE, JSON.stringify({ commit, measured: new Date().toISOString().slice(0, 10), pages: results }, null, 2) + "\n");
    console.log(`Baseline written to ${path.relative(root, BASELINE)} (commit ${commit}).`);
  }
  const baseline = existsSync(BASELINE) ? JSON.parse(readFileSync(BASELINE, "utf8")) : undefined;
  failed = report(results, baseline);
  for (const line of new Set(fauxFaces)) console.log(`✗ ${line}`);
  if (fauxFaces.length === 0) console.log("✓ Every weight and style of text has its own font file (or is a deliberate synthetic bold italic).");
  failed ||= fauxFaces.length > 0;
} finally {
  await browser.close();
  await site.stop();
}
process.exitCode = failed ? 1 : 0;

/** Bytes per kind of resource for one fresh load of `url`. */
async function measure(url, viewport) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: viewport.width < 600 ? 3 : 1 });
  await context.addInitScript(CLOCK_SCRIPT);
  const page = await context.newPage();
  const outside = [];
  // Nothing may leave the machine; a request elsewhere is a finding in itself.
  await page.route(/^(?!http:\/\/127\.0\.0\.1[:/])/, (route) => {
    if (!route.request().url().startsWith("data:")) outside.push(route.request().url());
    return route.abort();
  });
  const responses = [];
  page.on("requestfinished", (request) => responses.push(request));
  await page.goto(site.url + url, { waitUntil: "networkidle" });
  // Lazy parts (the map library) load when scrolled into view; a reader scrolls.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForLoadState("networkidle");
  for (const face of await facesWithoutFile(page)) fauxFaces.push(`${url} at ${viewport.width} px: text in Fira Sans ${face} has no font file`);
  const sizes = { html: 0, css: 0, fonts: 0, scripts: 0, other: 0, files: [] };
  for (const request of responses) {
    const type = request.resourceType();
    if (type === "image") continue;
    const { responseBodySize } = await request.sizes();
    const bucket = type === "document" ? "html" : type === "stylesheet" ? "css" : type === "font" ? "fonts" : type === "script" ? "scripts" : "other";
    sizes[bucket] += responseBodySize;
    sizes.files.push(`${bucket} ${new URL(request.url()).pathname} ${responseBodySize}`);
  }
  await context.close();
  if (outside.length) throw new Error(`${url} requested other servers: ${outside.join(", ")}`);
  return sizes;
}

/** Weight and style pairs of visible text set in Fira Sans that no @font-face provides. */
async function facesWithoutFile(page) {
  const allowed = FONT_SYNTHESIS.map((f) => `${f.weight} ${f.style}`);
  const missing = await page.evaluate(() => {
    const faces = new Set([...document.fonts].filter((f) => f.family.replace(/"/g, "") === "Fira Sans").map((f) => `${f.weight} ${f.style}`));
    const used = new Set();
    for (const element of document.querySelectorAll("body *")) {
      if (![...element.childNodes].some((node) => node.nodeType === 3 && node.textContent.trim())) continue;
      const style = getComputedStyle(element);
      // Not drawn: hidden, or visually hidden for screen readers (kern-sr-only: 1 × 1 px).
      const box = element.getBoundingClientRect();
      if (!/^"?Fira Sans/.test(style.fontFamily) || box.width <= 1 || box.height <= 1) continue;
      used.add(`${style.fontWeight} ${style.fontStyle}`);
    }
    return [...used].filter((face) => !faces.has(face));
  });
  return missing.filter((face) => !allowed.includes(face));
}

function largest(sizes) {
  const total = (s) => s.html + s.css + s.fonts;
  const worst = sizes.reduce((a, b) => (total(b) + b.scripts > total(a) + a.scripts ? b : a));
  return { html: worst.html, css: worst.css, fonts: worst.fonts, scripts: worst.scripts, other: worst.other, files: worst.files };
}

async function pageKinds() {
  const { model } = await loadSiteModel(path.join(root, "campaigns"), { now: new Date(NOW) });
  return new Map(buildRoutes(model).map((route) => [route.url, route.kind]));
}

function kindByPath(url) {
  if (url.includes("/social-kit/poster/")) return "poster";
  if (url.endsWith("/social-kit/")) return "socialKit";
  if (url === "/404.html") return "notFound";
  return "other";
}

/** Prints one line per page (before → now) and the verdict; returns true when a target is missed. */
function report(results, baseline) {
  const kB = (bytes) => (bytes / 1000).toFixed(1).padStart(5);
  const before = (url, pick) => {
    const old = baseline?.pages[url];
    return old ? `${kB(pick(old))} →` : "    – →";
  };
  const pageBytes = (s) => s.html + s.css + s.fonts + (TEXT_PAGES.has(s.kind) ? s.scripts : 0);
  console.log(`Page weight of the examples as transferred (gzip), images excluded; kB = 1000 bytes.`);
  console.log(`before = ${baseline ? `bench/weight-baseline.json (commit ${baseline.commit}, measured ${baseline.measured}, same script)` : "no baseline stored"}\n`);
  console.log(`${"page".padEnd(48)} ${"kind".padEnd(13)} ${"HTML".padStart(15)} ${"CSS".padStart(15)} ${"fonts".padStart(15)} ${"page total".padStart(15)} ${"scripts".padStart(15)}  target`);
  let missed = false;
  for (const [url, s] of Object.entries(results)) {
    let verdict = "";
    if (TEXT_PAGES.has(s.kind)) {
      const ok = pageBytes(s) <= LIMIT.text;
      verdict = `${ok ? "✓" : "✗"} ≤ 45 kB`;
      missed ||= !ok;
    } else if (s.kind === "survey") {
      const mapCss = bytesOf(s, MAP_LIBRARY_CSS);
      const ok = pageBytes(s) - mapCss <= LIMIT.survey && s.scripts - mapScripts(s) <= LIMIT.script;
      const map = mapScripts(s) + mapCss ? ` (without the map library's ${kB(mapCss).trim()} kB CSS and ${kB(mapScripts(s)).trim()} kB scripts: page ${kB(pageBytes(s) - mapCss).trim()} kB, survey script ${kB(s.scripts - mapScripts(s)).trim()} kB)` : "";
      verdict = `${ok ? "✓" : "✗"} ≤ 60 kB + script ≤ 20 kB${map}`;
      missed ||= !ok;
    }
    const col = (pick) => `${before(url, pick)} ${kB(pick(s))}`;
    console.log(
      `${url.padEnd(48)} ${s.kind.padEnd(13)} ${col((x) => x.html)} ${col((x) => x.css)} ${col((x) => x.fonts)} ${col((x) => x.html + x.css + x.fonts + (TEXT_PAGES.has(x.kind) ? x.scripts : 0))} ${col((x) => x.scripts)}  ${verdict}`,
    );
    if (process.env.BENCH_VERBOSE) for (const file of s.files) console.log(`    ${file}`);
  }
  console.log(missed ? "\n✗ Some pages are heavier than their target." : "\n✓ Every page within its target.");
  return missed;
}
