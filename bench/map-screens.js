// npm run bench:map-screens [-- <label>] — screenshots of the example Ideenkarte with 60 public
// contributions, for people to look at: the whole page at 390, 768 and 1280 px, and the map part at
// 1280 px in dark mode and in forced colours (Windows high contrast), the map focused by keyboard;
// a phone's screen at the map, and a point placed by keyboard only at 390 and 1280 px.
// Written to bench/.tmp/screens/<label>-<what>.png (label: "now" unless given).
/* global document, window */ // inside page.evaluate, run by the browser
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, CHROMIUM_PATH, MAP_PAGE, buildMapSite, root, serveMapSite } from "./map-site.js";

const label = process.argv[2] ?? "now";
const out = path.join(root, "bench/.tmp/screens");
mkdirSync(out, { recursive: true });

const built = await buildMapSite(path.join(root, "bench/.tmp/screens-site"));
const server = await serveMapSite(built, 60);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });

/** Opens the map page and waits until the map has drawn its markers. */
async function open(width, height, media = {}) {
  const context = await browser.newContext({ viewport: { width, height }, ...media });
  const page = await context.newPage();
  await page.goto(server.origin + MAP_PAGE);
  await page.locator("#mr-map-frame").scrollIntoViewIfNeeded();
  await page.waitForSelector("html[data-map-markers]", { timeout: 60_000 });
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(500);
  return { context, page };
}

try {
  const written = [];
  for (const [width, height] of [[390, 844], [768, 1024], [1280, 900]]) {
    const { context, page } = await open(width, height);
    const file = path.join(out, `${label}-${width}.png`);
    await page.screenshot({ path: file, fullPage: true });
    written.push(file);
    // What a phone shows with the map's heading at the top.
    await page.locator("#mr-map-heading").evaluate((h) => h.scrollIntoView({ block: "start" }));
    await page.waitForTimeout(200);
    const screen = path.join(out, `${label}-${width}-screen.png`);
    await page.screenshot({ path: screen });
    written.push(screen);
    await context.close();
  }
  // Keyboard only: Tab to the map, move it with an arrow key, place the point with Enter.
  for (const width of [390, 1280]) {
    const { context, page } = await open(width, width === 390 ? 844 : 900);
    await page.evaluate(() => window.scrollTo(0, 0));
    for (let i = 0; i < 80 && !(await page.evaluate(() => document.activeElement?.matches("#mr-map-canvas canvas"))); i++) await page.keyboard.press("Tab");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("Enter");
    await page.waitForTimeout(400);
    const file = path.join(out, `${label}-${width}-keyboard.png`);
    await page.locator("#mr-map-heading").locator("xpath=..").screenshot({ path: file });
    written.push(file);
    await context.close();
  }
  for (const [name, media] of [["dark", { colorScheme: "dark" }], ["forced", { forcedColors: "active" }], ["forced-dark", { forcedColors: "active", colorScheme: "dark" }]]) {
    const { context, page } = await open(1280, 900, media);
    // The map by keyboard: its focus ring and crosshair; a marker's popup open.
    await page.locator("#mr-map-canvas canvas").focus();
    await page.evaluate(() => document.querySelector("#mr-list .mr-contribution__show")?.click());
    await page.waitForTimeout(400);
    await page.locator("#mr-map-canvas canvas").focus();
    await page.waitForTimeout(300);
    const section = page.locator("#mr-map-heading").locator("xpath=..");
    const file = path.join(out, `${label}-1280-${name}.png`);
    await section.screenshot({ path: file });
    written.push(file);
    await context.close();
  }
  console.log(written.map((f) => path.relative(root, f)).join("\n"));
} finally {
  await browser.close();
  await server.close();
}
