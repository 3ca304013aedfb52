// npm run bench:map — a map page with 5,000 public contributions against the same page with 50,
// in headless Chromium, in the same run: time from navigation to the list and the markers shown
// (performance marks "mr-list-shown" and "mr-markers-shown" set by the page's script), median of
// several fresh loads. Also the bytes of an info page against the map page (the map library
// loads only on map pages). Target: 5,000 in under 1.5 s.
// Baselines in the same run: MapLibre alone on an empty page (same library files, canvas size,
// centre and zoom; a plain background, no data) and MapLibre alone drawing the same 5,000 points
// from the same URL: what the library itself costs here, before any of our page.
/* global document */ // inside page.evaluate, run by the browser
import { randomUUID } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import Database from "better-sqlite3";
import Fastify from "fastify";
import { chromium } from "playwright-core";
import { loadSiteModel } from "../dist/campaign/index.js";
import { collectorPlugin } from "../dist/collector/server.js";
import { openStore } from "../dist/collector/store/index.js";
import { buildSite } from "../dist/site/build.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const work = path.join(root, "bench/.tmp/map");
const NOW = new Date("2027-03-20T10:00:00+01:00");
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

rmSync(work, { recursive: true, force: true });
const site = path.join(work, "site");
await buildSite({ campaignsDir: path.join(root, "campaigns"), outDir: site, now: NOW, quiet: true });
const mapConfig = JSON.parse(/<script type="application\/json" id="mr-map-config">([^<]*)<\/script>/.exec(readFileSync(path.join(site, "marktplatz/karte/index.html"), "utf8"))[1]);
const { model } = await loadSiteModel(path.join(root, "campaigns"));
const page = model.campaigns.find((c) => c.slug === "marktplatz").pages.find((p) => p.id === "karte");

/** A collector + static site whose map has `count` approved contributions spread over the area. */
async function startSite(count) {
  const file = path.join(work, `map-${count}.sqlite`);
  await (await openStore({ file })).close();
  const db = new Database(file);
  const insert = db.prepare(
    `INSERT INTO contributions (id, campaign, page, locale, category, comment, lng, lat, place, description, received_at, channel, verified, status, moderated_at)
     VALUES (?, 'marktplatz', 'karte', 'de', ?, ?, ?, ?, NULL, NULL, ?, 'script', 1, 'approved', ?)`,
  );
  const categories = page.map.categories.map((c) => c.id);
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      // Inside the planning area's inner box (6.9990–7.0010, 50.9395–50.9404).
      const lng = 6.999 + ((i * 7919) % 1000) / 500_000;
      const lat = 50.9395 + ((i * 104_729) % 1000) / 1_111_111;
      const at = new Date(NOW.getTime() - (count - i) * 60_000).toISOString();
      insert.run(randomUUID(), categories[i % categories.length], `Hinweis Nr. ${i + 1}: Mehr Schatten, mehr Bänke, weniger Autos – bitte prüfen.`, lng, lat, at, at);
    }
  })();
  db.close();
  const store = await openStore({ file });
  const app = Fastify({ logger: false });
  await app.register(fastifyStatic, { root: site, redirect: true });
  await app.register(collectorPlugin, { prefix: "/api", model, store, now: () => NOW });
  await app.listen({ port: 0, host: "127.0.0.1" });
  return { origin: `http://127.0.0.1:${app.server.address().port}`, close: async () => (await app.close(), await store.close()) };
}

/** MapLibre and nothing else, with the map page's library files, canvas size, centre and zoom. */
function writeBarePage(size) {
  const { library, center, zoom, contributionsUrl } = mapConfig;
  const html = `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>MapLibre alone</title>
<link rel="stylesheet" href="${library.css}"><style>body{margin:0}#map{width:${size.width}px;height:${size.height}px}</style></head>
<body><div id="map"></div><script type="module">
const lib = await import("${library.js}");
const gl = lib.default ?? lib;
gl.setWorkerUrl("${library.worker}");
const withData = location.search.includes("data");
const style = { version: 8, sources: {}, layers: [{ id: "background", type: "background", paint: { "background-color": "#f3f1ec" } }] };
if (withData) {
  style.sources.points = { type: "geojson", data: "${contributionsUrl}", cluster: true, clusterRadius: 40, clusterMaxZoom: 17 };
  style.layers.push({ id: "clusters", type: "circle", source: "points", filter: ["has", "point_count"], paint: { "circle-color": "#1b1b1b", "circle-radius": 16 } },
    { id: "points", type: "circle", source: "points", filter: ["!", ["has", "point_count"]], paint: { "circle-color": "#0b5394", "circle-radius": 8 } });
}
const map = new gl.Map({ container: "map", style, center: ${JSON.stringify(center)}, zoom: ${zoom}, fadeDuration: 0 });
map.once("idle", () => { performance.mark("mr-markers-shown"); performance.mark("mr-list-shown", { startTime: 0 }); document.documentElement.dataset.mapList = "0"; document.documentElement.dataset.mapMarkers = "0"; });
</script></body></html>`;
  mkdirSync(path.join(site, "bench-maplibre"), { recursive: true });
  writeFileSync(path.join(site, "bench-maplibre/index.html"), html);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function measure(browser, origin, url = "/marktplatz/karte/") {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1600 } });
    const tab = await context.newPage();
    await tab.goto(`${origin}${url}`);
    await tab.waitForSelector("html[data-map-list][data-map-markers]", { timeout: 60_000 });
    const marks = await tab.evaluate(() => ({
      list: performance.getEntriesByName("mr-list-shown")[0]?.startTime,
      markers: performance.getEntriesByName("mr-markers-shown")[0]?.startTime,
      library: performance.getEntriesByName("mr-map-library")[0]?.startTime,
      canvas: document.querySelector("#mr-map-canvas canvas, #map canvas")?.getBoundingClientRect().toJSON(),
      items: document.querySelectorAll("#mr-list li").length,
      count: document.getElementById("mr-list-count")?.textContent,
      // Where the time goes: when each file arrived (BENCH_VERBOSE=1 prints it).
      files: performance.getEntriesByType("resource").map((r) => `${r.name.split("/").pop().slice(0, 28)} ${r.startTime.toFixed(0)}–${r.responseEnd.toFixed(0)}`),
    }));
    if (process.env.BENCH_VERBOSE) console.log(`  ${origin}: list ${marks.list?.toFixed(0)} markers ${marks.markers?.toFixed(0)}\n    ${marks.files.join("\n    ")}`);
    times.push({ list: marks.list, both: Math.max(marks.list, marks.markers), library: marks.library, items: marks.items, count: marks.count, canvas: marks.canvas });
    await context.close();
  }
  return { list: median(times.map((t) => t.list)), both: median(times.map((t) => t.both)), library: median(times.map((t) => t.library ?? 0)), items: times[0].items, count: times[0].count, canvas: times[0].canvas };
}

async function pageBytes(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1600 } });
  let bytes = 0;
  const files = [];
  context.on("response", async (response) => {
    try {
      const body = await response.body();
      bytes += body.length;
      files.push(new URL(response.url()).pathname);
    } catch {
      // a redirect or a 304 has no body
    }
  });
  const tab = await context.newPage();
  await tab.goto(url, { waitUntil: "networkidle" });
  await tab.waitForTimeout(500);
  await context.close();
  return { bytes, files: files.length, maplibre: files.some((f) => f.includes("maplibre")) };
}

const small = await startSite(50);
const large = await startSite(5000);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ARGS });
try {
  await measure(browser, small.origin); // warm up the OS caches and the servers
  const s = await measure(browser, small.origin);
  const l = await measure(browser, large.origin);
  writeBarePage({ width: Math.round(l.canvas.width), height: Math.round(l.canvas.height) });
  const bare = await measure(browser, large.origin, "/bench-maplibre/");
  const bareData = await measure(browser, large.origin, "/bench-maplibre/?data");
  const info = await pageBytes(browser, `${small.origin}/marktplatz/worum-es-geht/`);
  const map = await pageBytes(browser, `${small.origin}/marktplatz/karte/`);
  const kb = (n) => `${(n / 1024).toFixed(0)} KiB`;
  console.log(`map page, navigation → list and markers shown (median of ${RUNS}, 1280×1600, headless Chromium):`);
  console.log(`     50 contributions: list ${s.list.toFixed(0)} ms, map library running ${s.library.toFixed(0)} ms, list + markers ${s.both.toFixed(0)} ms  (${s.items} items rendered; "${s.count}")`);
  console.log(`  5,000 contributions: list ${l.list.toFixed(0)} ms, map library running ${l.library.toFixed(0)} ms, list + markers ${l.both.toFixed(0)} ms  (${l.items} items rendered; "${l.count}")`);
  console.log(`  ratio 5,000 / 50: ${(l.both / s.both).toFixed(2)}×   target: 5,000 under 1,500 ms → ${l.both < 1500 ? "met" : "MISSED"}`);
  console.log(`baseline, MapLibre alone on an empty page (${Math.round(l.canvas.width)}×${Math.round(l.canvas.height)} canvas, same files, centre and zoom):`);
  console.log(`  plain background, no data: drawn ${bare.both.toFixed(0)} ms`);
  console.log(`  the same 5,000 points, clustered: drawn ${bareData.both.toFixed(0)} ms   ratio ours / MapLibre alone: ${(l.both / bareData.both).toFixed(2)}×`);
  console.log(`bytes: info page ${kb(info.bytes)} in ${info.files} files (map library: ${info.maplibre ? "yes" : "no"}), map page ${kb(map.bytes)} in ${map.files} files (map library: ${map.maplibre ? "yes" : "no"})`);
} finally {
  await browser.close();
  await small.close();
  await large.close();
}
