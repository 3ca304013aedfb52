// What map pages load, and only they: the map script (src/client/map), its stylesheet, and the
// self-hosted map library — MapLibre GL JS from node_modules, or Mapbox GL JS 3 when a campaign
// sets "renderer": "mapbox" (then it must be installed: npm install mapbox-gl@3).
import { createHash } from "node:crypto";
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { SiteModel } from "../campaign/model.js";
import { MitredenError } from "../errors.js";
import { packagePath } from "../package-root.js";
import { prepareBasemaps, type BasemapAssets } from "./basemap/index.js";
import { bundleClientScript } from "./client-bundle.js";

export interface MapLibraryAssets {
  js: string;
  css: string;
  /** An ES module (MapLibre 6) or a classic script that sets window.mapboxgl. */
  module: boolean;
  /** MapLibre's worker (set with setWorkerUrl). */
  worker?: string;
}

export interface MapAssets {
  script: string;
  stylesheet: string;
  maplibre: MapLibraryAssets;
  mapbox?: MapLibraryAssets;
  /** Self-hosted basemaps: style, tiles and glyphs in the site (src/site/basemap). */
  basemaps: BasemapAssets;
}

const require = createRequire(import.meta.url);

/** Writes the map's assets into `<outDir>/assets` when some page shows a map (a map page, a survey's location question); else undefined. */
export async function prepareMapAssets(model: SiteModel, outDir: string): Promise<MapAssets | undefined> {
  const maps = model.campaigns.flatMap((c) => c.pages.flatMap((p) => (p.type === "map" ? [p.map] : p.type === "survey" ? p.questions.flatMap((q) => (q.type === "location" ? [q.map] : [])) : [])));
  if (maps.length === 0) return undefined;
  const assets = path.join(outDir, "assets");
  await mkdir(assets, { recursive: true });
  const script = await bundleClientScript(packagePath("src", "client", "map", "main.ts"), outDir, "mitreden-map");
  const css = await readFile(packagePath("templates", "components", "map-view", "map.css"), "utf8");
  const cssFile = `mitreden-map.${createHash("sha256").update(css).digest("hex").slice(0, 8)}.css`;
  await writeFile(path.join(assets, cssFile), css);
  // Renamed to .js: every web server sends .js as JavaScript, not all know .mjs (a module needs the right type).
  const maplibre = await copyLibrary("maplibre-gl", ["maplibre-gl.mjs", "maplibre-gl-worker.mjs", "maplibre-gl.css"], outDir, (f) => f.replace(/\.mjs$/, ".js"));
  const usesMapbox = maps.some((map) => map.renderer === "mapbox");
  const mapbox = usesMapbox ? await copyLibrary("mapbox-gl", ["mapbox-gl.js", "mapbox-gl.css"], outDir) : undefined;
  const basemaps = await prepareBasemaps(model, outDir);
  return {
    basemaps,
    script,
    stylesheet: `/assets/${cssFile}`,
    maplibre: { js: `${maplibre}/maplibre-gl.js`, css: `${maplibre}/maplibre-gl.css`, module: true, worker: `${maplibre}/maplibre-gl-worker.js` },
    ...(mapbox ? { mapbox: { js: `${mapbox}/mapbox-gl.js`, css: `${mapbox}/mapbox-gl.css`, module: false } } : {}),
  };
}

/** Copies a library's dist files into /assets/<name>-<version>/ (the version in the path busts caches). */
async function copyLibrary(name: string, files: string[], outDir: string, rename: (file: string) => string = (f) => f): Promise<string> {
  let manifest: string;
  try {
    manifest = require.resolve(`${name}/package.json`);
  } catch (error) {
    throw new MitredenError(`A campaign uses "renderer": "mapbox", but ${name} is not installed. Install it with: npm install ${name}@3 (or use the default renderer, MapLibre).`, { cause: error });
  }
  const version = (JSON.parse(await readFile(manifest, "utf8")) as { version: string }).version;
  const folder = `${name}-${version}`;
  await mkdir(path.join(outDir, "assets", folder), { recursive: true });
  for (const file of files) await copyFile(path.join(path.dirname(manifest), "dist", file), path.join(outDir, "assets", folder, rename(file)));
  return `/assets/${folder}`;
}
