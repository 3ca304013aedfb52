// Self-hosted basemaps (docs/adr/015-self-hosted-basemap.md): everything a map page's background
// needs, written into the site at build time so the browser asks no one else — the tiles (a
// PMTiles archive copied as is, or the city's GeoJSON cut into static tiles), the glyphs for the
// labels, and one style JSON per basemap and language.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { buildCacheDir, hashOf, linkOrCopy } from "../../build-cache.js";
import { packagePath } from "../../package-root.js";
import type { BasemapModel, BasemapSourceModel, CampaignModel, Locale, MapModel, SiteModel } from "../../campaign/model.js";
import { bundleClientScript } from "../client-bundle.js";
import { escapeHtml } from "../../pages/html.js";
import { textIn } from "../../pages/routes.js";
import { labelCharacters, makeGlyphs, MAP_FONTS, type MapFontStack } from "./glyphs.js";
import { LABEL_FONTS, ownStyle, protomapsStyle, type BasemapStyle } from "./style.js";
import { basemapLabels, tileBasemap, type TileSet } from "./tiles.js";

/** What a map page's script needs to draw a self-hosted basemap. */
export interface PreparedBasemap {
  /** Root-relative URL of the style JSON. */
  style: string;
  /** The style reads a PMTiles archive: the script registers the pmtiles protocol (MapLibre only). */
  pmtiles: boolean;
}

export interface BasemapAssets {
  /** The prepared style of a map's self-hosted basemap in a page language; undefined for none or a third-party style. */
  get(basemap: BasemapModel | undefined, locale: Locale): PreparedBasemap | undefined;
  /** The pmtiles protocol for the browser (src/client/map/pmtiles.ts), written only when a map reads an archive. */
  protocolScript?: string;
}

const ASSETS = "basemap";
// Bump when the tiles change for the same GeoJSON (the cache key of the tile folders).
const TILES_VERSION = "1";

/** Every map block of a campaign: map pages and location questions. */
export function campaignMaps(campaign: CampaignModel): MapModel[] {
  return campaign.pages.flatMap((page) => {
    if (page.type === "map") return [page.map];
    if (page.type === "survey") return page.questions.flatMap((q) => (q.type === "location" ? [q.map] : []));
    return [];
  });
}

export async function prepareBasemaps(model: SiteModel, outDir: string): Promise<BasemapAssets> {
  const prepared = new Map<BasemapModel, Map<Locale, PreparedBasemap>>();
  const dir = path.join(outDir, "assets", ASSETS);
  for (const campaign of model.campaigns) {
    for (const map of campaignMaps(campaign)) {
      const basemap = map.basemap;
      if (!basemap || basemap.kind === "style" || prepared.has(basemap)) continue;
      await mkdir(dir, { recursive: true });
      // Shown as HTML by the renderers: a city's text must stay text.
      const attribution = (locale: Locale) => (basemap.attribution ? escapeHtml(textIn(basemap.attribution, locale, campaign)) : "");
      const byLocale = new Map<Locale, PreparedBasemap>();
      if (basemap.kind === "pmtiles") {
        const archive = await placeArchive(basemap.pmtiles.file, dir);
        const glyphs = await placeGlyphs(dir, Object.values(MAP_FONTS).map((font) => [font.stack, undefined]));
        for (const locale of campaign.locales) {
          // Protomaps asks for a credit; the data's own licence (OpenStreetMap's ODbL) is the campaign's attribution.
          const credit = [attribution(locale), '<a href="https://github.com/protomaps/basemaps">Protomaps</a>'].filter(Boolean).join(" · ");
          byLocale.set(locale, { style: await placeStyle(dir, protomapsStyle(archive, glyphs, locale, credit)), pmtiles: true });
        }
      } else {
        const tiles = await placeTiles(basemap.geojson, dir);
        const glyphs = await placeGlyphs(dir, labelGlyphs(basemap.geojson));
        for (const locale of campaign.locales) {
          byLocale.set(locale, { style: await placeStyle(dir, ownStyle(`${tiles.url}/{z}/{x}/{y}.pbf`, tiles.set, glyphs, attribution(locale))), pmtiles: false });
        }
      }
      prepared.set(basemap, byLocale);
    }
  }
  const readsArchive = [...prepared.keys()].some((b) => b.kind === "pmtiles");
  return {
    get: (basemap, locale) => (basemap ? prepared.get(basemap)?.get(locale) : undefined),
    ...(readsArchive ? { protocolScript: await bundleClientScript(packagePath("src", "client", "map", "pmtiles.ts"), outDir, "mitreden-pmtiles") } : {}),
  };
}

/** The archive under a name that changes with its content (it can then be cached for a year). */
async function placeArchive(file: string, dir: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  const name = `${path.basename(file, ".pmtiles").replace(/[^\w.-]+/g, "-")}.${hash.digest("hex").slice(0, 8)}.pmtiles`;
  await linkOrCopy(file, path.join(dir, name));
  return `/assets/${ASSETS}/${name}`;
}

/** Glyph files (for each font: the characters, or undefined for all Latin) in a folder named by their content; returns the style's `glyphs` URL. */
async function placeGlyphs(dir: string, wanted: [MapFontStack, string | undefined][]): Promise<string> {
  const files = new Map<string, Buffer>();
  for (const [stack, characters] of wanted) for (const [name, bytes] of await makeGlyphs([stack], characters)) files.set(name, bytes);
  const folder = `glyphs-${hashOf(...[...files].flatMap(([name, bytes]) => [name, bytes])).slice(0, 8)}`;
  for (const [name, bytes] of files) {
    await mkdir(path.dirname(path.join(dir, folder, name)), { recursive: true });
    await writeFile(path.join(dir, folder, name), bytes);
  }
  return `/assets/${ASSETS}/${folder}/{fontstack}/{range}.pbf`;
}

/** For a city's GeoJSON: each label font with just the characters of the names it sets. */
function labelGlyphs(sources: BasemapSourceModel[]): [MapFontStack, string][] {
  const byFont = new Map<MapFontStack, string[]>();
  for (const source of sources) {
    const font = LABEL_FONTS[source.kind];
    if (!font) continue;
    const names = basemapLabels([source]);
    byFont.set(font.stack, [...(byFont.get(font.stack) ?? []), labelCharacters(names, font.capitals)]);
  }
  return [...byFont].map(([stack, texts]) => [stack, labelCharacters(texts)]);
}

async function placeStyle(dir: string, style: BasemapStyle): Promise<string> {
  const json = JSON.stringify(style);
  const name = `style.${hashOf(json).slice(0, 8)}.json`;
  await writeFile(path.join(dir, name), json);
  return `/assets/${ASSETS}/${name}`;
}

interface PlacedTiles {
  url: string;
  set: Pick<TileSet, "bounds" | "minzoom" | "maxzoom">;
}

/**
 * The tiles of a GeoJSON basemap: cut once per content into `.cache/mitreden/build/basemap-tiles-<key>/`
 * (with a tiles.json of their bounds), then hard-linked into the site on every build.
 */
async function placeTiles(sources: Parameters<typeof tileBasemap>[0], dir: string): Promise<PlacedTiles> {
  const key = hashOf(TILES_VERSION, JSON.stringify(sources));
  const cached = path.join(buildCacheDir(), `basemap-tiles-${key}`);
  let meta = await readFile(path.join(cached, "tiles.json"), "utf8")
    .then((text) => JSON.parse(text) as { set: PlacedTiles["set"]; files: string[] })
    .catch(() => undefined);
  if (!meta) {
    const tileSet = tileBasemap(sources);
    const temporary = `${cached}.${process.pid}.tmp`;
    await rm(temporary, { recursive: true, force: true });
    for (const [zxy, bytes] of tileSet.tiles) {
      await mkdir(path.join(temporary, path.dirname(zxy)), { recursive: true });
      await writeFile(path.join(temporary, `${zxy}.pbf`), bytes);
    }
    meta = { set: { bounds: tileSet.bounds, minzoom: tileSet.minzoom, maxzoom: tileSet.maxzoom }, files: [...tileSet.tiles.keys()].map((zxy) => `${zxy}.pbf`) };
    await writeFile(path.join(temporary, "tiles.json"), JSON.stringify(meta));
    await rm(cached, { recursive: true, force: true });
    await rename(temporary, cached);
  }
  const folder = `tiles-${key.slice(0, 8)}`;
  const made = new Set<string>();
  for (const file of meta.files) {
    const target = path.join(dir, folder, file);
    const parent = path.dirname(target);
    if (!made.has(parent)) {
      await mkdir(parent, { recursive: true });
      made.add(parent);
    }
    await linkOrCopy(path.join(cached, file), target);
  }
  return { url: `/assets/${ASSETS}/${folder}`, set: meta.set };
}
