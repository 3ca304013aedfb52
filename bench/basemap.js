// npm run bench:basemap — what a self-hosted basemap adds to a build and to a map page:
// the time prepareBasemaps() takes for the example campaigns, cold (empty cache: tiling the GeoJSON
// and making the glyphs) and cached (hard-linking tiles, reading cached glyphs), and the bytes it
// writes (tiles, glyphs, style). Also a PMTiles basemap's glyphs (the whole Latin set).
import { mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadSiteModel } from "../dist/campaign/index.js";
import { makeGlyphs } from "../dist/site/basemap/glyphs.js";
import { prepareBasemaps } from "../dist/site/basemap/index.js";
import { median } from "./median.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const work = path.join(root, "bench/.tmp/basemap");
const runs = Number(process.env.BENCH_RUNS ?? 3);

function sizes(dir) {
  const out = { tiles: [0, 0], glyphs: [0, 0], style: [0, 0] };
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const file = path.join(d, name);
      if (statSync(file).isDirectory()) walk(file);
      else {
        const kind = file.includes("/tiles-") ? "tiles" : file.includes("/glyphs-") ? "glyphs" : "style";
        out[kind][0] += 1;
        out[kind][1] += statSync(file).size;
      }
    }
  };
  walk(dir);
  return out;
}

const { model } = await loadSiteModel(path.join(root, "campaigns"));
const cold = [];
const cached = [];
for (let i = 0; i < runs; i++) {
  rmSync(work, { recursive: true, force: true });
  process.env.MITREDEN_CACHE_DIR = path.join(work, "cache");
  mkdirSync(work, { recursive: true });
  let started = performance.now();
  await prepareBasemaps(model, path.join(work, "site-cold"));
  cold.push(performance.now() - started);
  started = performance.now();
  await prepareBasemaps(model, path.join(work, "site-cached"));
  cached.push(performance.now() - started);
}
const written = sizes(path.join(work, "site-cached/assets/basemap"));
console.log(`prepareBasemaps (example campaigns), median of ${runs}: cold ${Math.round(median(cold))} ms, cached ${Math.round(median(cached))} ms`);
for (const [kind, [files, bytes]] of Object.entries(written)) console.log(`  ${kind}: ${files} files, ${(bytes / 1024).toFixed(1)} KiB`);

process.env.MITREDEN_CACHE_DIR = path.join(work, "cache-latin");
const started = performance.now();
const latin = await makeGlyphs(["fira-sans-regular", "fira-sans-medium", "fira-sans-italic"], undefined);
console.log(`Latin glyphs for a PMTiles basemap (3 fonts), cold: ${Math.round(performance.now() - started)} ms`);
for (const [name, bytes] of latin) console.log(`  ${name}: ${(bytes.length / 1024).toFixed(1)} KiB`);
rmSync(work, { recursive: true, force: true });
