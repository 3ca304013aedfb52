// npm run bench:map — a map page with 5,000 public contributions against the same page with 50,
// in headless Chromium, in the same run: time from navigation to the list and the markers shown
// (performance marks "mr-list-shown" and "mr-markers-shown" set by the page's script), median of
// several fresh loads; how long a filter change over the 5,000 takes (list re-rendered and laid
// out). Also the bytes of an info page against the map page (the map library loads only on map
// pages). Targets (docs/adr/022): list of 5,000 usable in < 1 s, our page ≤ 1.2× MapLibre alone.
// Baselines in the same run: MapLibre alone on an empty page (same library files, canvas size,
// centre and zoom, the same self-hosted basemap, no data) and MapLibre alone drawing the same
// 5,000 points from the same URL on that basemap: what the library itself costs here. WebGL runs
// in SwiftShader on a machine without GPU: compare ratios, not absolute times.
/* global document */ // inside page.evaluate, run by the browser
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, CHROMIUM_PATH, buildMapSite, root, serveMapSite } from "./map-site.js";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const built = await buildMapSite(path.join(root, "bench/.tmp/map"));
const { site, mapConfig } = built;

/** MapLibre and nothing else, with the map page's library files, canvas size, centre and zoom. */
function writeBarePage(size) {
  const { library, center, zoom, contributionsUrl, basemap } = mapConfig;
  if (!basemap || basemap.pmtiles) throw new Error("bench/map.js expects the example map's static-tile basemap");
  const html = `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>MapLibre alone</title>
<link rel="stylesheet" href="${library.css}"><style>body{margin:0}#map{width:${size.width}px;height:${size.height}px}</style></head>
<body><div id="map"></div><script type="module">
const lib = await import("${library.js}");
const gl = lib.default ?? lib;
gl.setWorkerUrl("${library.worker}");
const withData = location.search.includes("data");
// The map page's own basemap (the build's style, tiles and glyphs), its URLs made absolute as the page does.
const response = await fetch("${basemap.style}");
const style = await response.json();
const absolute = (url) => new URL(url, response.url).href.replace(/%7B/g, "{").replace(/%7D/g, "}");
for (const source of Object.values(style.sources)) {
  if (source.url) source.url = absolute(source.url);
  if (source.tiles) source.tiles = source.tiles.map(absolute);
  if (typeof source.data === "string") source.data = absolute(source.data);
}
if (style.glyphs) style.glyphs = absolute(style.glyphs);
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
      // A filter change: untick the first category, the list is re-rendered and laid out.
      filter: (() => {
        const box = document.querySelector("input[name=mr-filter]");
        if (!box) return 0;
        const start = performance.now();
        box.click();
        void document.getElementById("mr-list").offsetHeight;
        const took = performance.now() - start;
        box.click();
        return took;
      })(),
      count: document.getElementById("mr-list-count")?.textContent,
      // Where the time goes: when each file arrived (BENCH_VERBOSE=1 prints it).
      files: performance.getEntriesByType("resource").map((r) => `${r.name.split("/").pop().slice(0, 28)} ${r.startTime.toFixed(0)}–${r.responseEnd.toFixed(0)}`),
    }));
    if (process.env.BENCH_VERBOSE) console.log(`  ${origin}: list ${marks.list?.toFixed(0)} markers ${marks.markers?.toFixed(0)}\n    ${marks.files.join("\n    ")}`);
    times.push({ filter: marks.filter, list: marks.list, both: Math.max(marks.list, marks.markers), library: marks.library, items: marks.items, count: marks.count, canvas: marks.canvas });
    await context.close();
  }
  return { filter: median(times.map((t) => t.filter)), list: median(times.map((t) => t.list)), both: median(times.map((t) => t.both)), library: median(times.map((t) => t.library ?? 0)), items: times[0].items, count: times[0].count, canvas: times[0].canvas };
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

const small = await serveMapSite(built, 50);
const large = await serveMapSite(built, 5000);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
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
  console.log(`  ratio 5,000 / 50: ${(l.both / s.both).toFixed(2)}×`);
  console.log(`  list of 5,000 usable: shown ${l.list.toFixed(0)} ms, a filter change ${l.filter.toFixed(0)} ms   target: shown under 1,000 ms → ${l.list < 1000 ? "met" : "MISSED"}`);
  console.log(`baseline, MapLibre alone on an empty page (${Math.round(l.canvas.width)}×${Math.round(l.canvas.height)} canvas, same files, centre, zoom and basemap):`);
  console.log(`  the same basemap, no data: drawn ${bare.both.toFixed(0)} ms`);
  console.log(`  the same 5,000 points, clustered: drawn ${bareData.both.toFixed(0)} ms   ratio ours / MapLibre alone: ${(l.both / bareData.both).toFixed(2)}×   target ≤ 1.2× → ${l.both / bareData.both <= 1.2 ? "met" : "MISSED"}`);
  console.log(`bytes: info page ${kb(info.bytes)} in ${info.files} files (map library: ${info.maplibre ? "yes" : "no"}), map page ${kb(map.bytes)} in ${map.files} files (map library: ${map.maplibre ? "yes" : "no"})`);
} finally {
  await browser.close();
  await small.close();
  await large.close();
}
