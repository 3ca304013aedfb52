// Basemaps: a self-hosted one must be drawable (a PMTiles v3 archive of vector tiles covering the
// area, or valid GeoJSON with names where labels go), and a third-party style is said out loud:
// every visitor's browser would contact that server. Found at build time, an unusable basemap would
// show citizens an empty map, or a map that ends inside the planning area.
import { open, readFile } from "node:fs/promises";
import { gunzipSync } from "node:zlib";
import { bytesToHeader, TileType, type Header } from "pmtiles";
import { areaFeatures, geoJsonIssues } from "../geo.js";
import { asRecords, isRecord, maps, record, type CheckContext } from "./context.js";
import { readGeoJson } from "./geojson.js";
import { fileProblem } from "./images.js";

/** The source layers the Protomaps basemap style draws; an archive with none of them stays blank. */
const PROTOMAPS_LAYERS = ["earth", "water", "landuse", "roads", "buildings", "places"];
/** Kinds whose features are labelled by name. */
const LABELLED = new Set(["streets", "places"]);

export async function checkBasemaps(ctx: CheckContext): Promise<void> {
  for (const [map, pointer] of maps(ctx)) {
    if (!isRecord(map.basemap)) continue;
    const basemap = map.basemap;
    const at = `${pointer}/basemap`;
    if (typeof basemap.style === "string") {
      ctx.warning(`${at}/style`, `a third-party basemap: every visitor's browser loads its style, tiles and fonts from ${hostOf(basemap.style)}, which sees their IP address (the map page and the accessibility statement say so). A self-hosted basemap ("pmtiles" or "geojson") keeps every request on the site`);
    }
    const area = bbox(areaFeatures(await areaOf(ctx, `${pointer}/area`, map.area)));
    if (typeof basemap.pmtiles === "string") {
      if (map.renderer === "mapbox") {
        ctx.error(`${pointer}/renderer`, 'Mapbox GL cannot read PMTiles archives (it has no addProtocol); use the default renderer "maplibre", or a "geojson" basemap');
      }
      await checkArchive(ctx, `${at}/pmtiles`, area);
      if (basemap.attribution === undefined) {
        ctx.warning(at, 'no "attribution": the data\'s licence asks for a credit on the map — for an OpenStreetMap extract "© OpenStreetMap-Mitwirkende" (ODbL)');
      }
    }
    if (Array.isArray(basemap.geojson)) await checkGeoJsonSources(ctx, at, basemap.geojson, area);
  }
}

async function areaOf(ctx: CheckContext, pointer: string, source: unknown): Promise<unknown> {
  if (typeof source !== "string") return source;
  const asset = ctx.asset(pointer);
  return asset ? readFile(asset.file, "utf8").then((text) => JSON.parse(text) as unknown).catch(() => undefined) : undefined;
}

async function checkArchive(ctx: CheckContext, pointer: string, area: Box | undefined): Promise<void> {
  const problem = await fileProblem(ctx, pointer, "PMTiles");
  const asset = ctx.asset(pointer);
  if (problem || !asset) {
    if (problem) ctx.error(pointer, problem);
    return;
  }
  const handle = await open(asset.file, "r");
  try {
    const head = Buffer.alloc(127);
    const { bytesRead } = await handle.read(head, 0, 127, 0);
    if (bytesRead < 127 || head.toString("latin1", 0, 7) !== "PMTiles" || head[7] !== 3) {
      const what = head.toString("latin1", 0, 7) === "PMTiles" ? `a PMTiles version ${head[7]} archive` : "not a PMTiles archive";
      ctx.error(pointer, `${asset.written} is ${what}; mitreden reads PMTiles version 3 (make one with \`pmtiles extract\`, or upgrade an old one with \`pmtiles convert\`)`);
      return;
    }
    const header = bytesToHeader(head.buffer.slice(head.byteOffset, head.byteOffset + 127));
    if (header.tileType !== TileType.Mvt) {
      ctx.error(pointer, `${asset.written} holds ${TileType[header.tileType] ?? "unknown"} tiles; the basemap style draws vector tiles (MVT) in the Protomaps schema`);
      return;
    }
    const covered: Box = [header.minLon, header.minLat, header.maxLon, header.maxLat];
    if (area && !contains(covered, area)) {
      const margin = 0.01;
      const want = [area[0] - margin, area[1] - margin, area[2] + margin, area[3] + margin].map((n) => n.toFixed(4)).join(",");
      ctx.error(pointer, `${asset.written} covers ${formatBox(covered)}, but the planning area reaches ${formatBox(area)}: the map would end inside the area. Extract a larger region, e.g. pmtiles extract <source> ${asset.written} --bbox=${want}`);
    }
    if (header.maxZoom < 13) ctx.warning(pointer, `${asset.written} has tiles only up to zoom ${header.maxZoom}; streets, buildings and their names need zoom 14 or more`);
    const layers = await vectorLayers(handle, header);
    if (layers && !layers.some((l) => PROTOMAPS_LAYERS.includes(l))) {
      ctx.warning(pointer, `${asset.written} has the layers ${layers.join(", ")}, but the basemap style draws the Protomaps schema (${PROTOMAPS_LAYERS.join(", ")}): the map would stay empty. Extract from a Protomaps build (https://maps.protomaps.com/builds/)`);
    }
  } finally {
    await handle.close();
  }
}

/** The archive's `vector_layers` ids from its metadata, or undefined when it has none. */
async function vectorLayers(handle: Awaited<ReturnType<typeof open>>, header: Header): Promise<string[] | undefined> {
  if (header.jsonMetadataLength === 0 || header.jsonMetadataLength > 10_000_000) return undefined;
  const raw = Buffer.alloc(header.jsonMetadataLength);
  await handle.read(raw, 0, raw.length, header.jsonMetadataOffset);
  try {
    const json = JSON.parse((header.internalCompression === 2 ? gunzipSync(raw) : raw).toString("utf8")) as { vector_layers?: { id?: unknown }[] };
    return json.vector_layers?.map((l) => String(l.id));
  } catch {
    return undefined;
  }
}

async function checkGeoJsonSources(ctx: CheckContext, at: string, sources: unknown[], area: Box | undefined): Promise<void> {
  const covered: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [source, i] of asRecords(sources)) {
    const pointer = `${at}/geojson/${i}`;
    const value = await readBasemapGeoJson(ctx, `${pointer}/data`, source.data);
    if (value === undefined) continue;
    const features = asRecords(record(value).type === "FeatureCollection" ? record(value).features : [value]).map(([f]) => f);
    const extent = bbox(features);
    if (extent) covered.splice(0, 4, Math.min(covered[0], extent[0]), Math.min(covered[1], extent[1]), Math.max(covered[2], extent[2]), Math.max(covered[3], extent[3]));
    const kind = String(source.kind);
    if (!LABELLED.has(kind)) continue;
    const nameProperty = typeof source.nameProperty === "string" ? source.nameProperty : "name";
    const named = features.filter((f) => hasText(record(f.properties)[nameProperty]));
    if (features.length > 0 && named.length === 0) {
      const keys = [...new Set(features.flatMap((f) => Object.keys(record(f.properties))))].slice(0, 8);
      const hint = keys.length ? `; the features have ${keys.map((k) => `"${k}"`).join(", ")} — set "nameProperty" to the one with the names` : "";
      ctx.error(`${pointer}/${typeof source.nameProperty === "string" ? "nameProperty" : "data"}`, `none of the ${features.length} features has a "${nameProperty}", so the map would show no ${kind === "streets" ? "street names" : "place names"}${hint}`);
    } else if (kind === "places" && named.length < features.length) {
      ctx.warning(`${pointer}/data`, `${features.length - named.length} of the ${features.length} places have no "${nameProperty}" and are not shown`);
    }
  }
  if (area && Number.isFinite(covered[0]) && !contains(covered, area)) {
    ctx.warning(`${at}/geojson`, `the basemap's data covers ${formatBox(covered)}, but the planning area reaches ${formatBox(area)}: around the area's edge the map would be blank`);
  }
}

/** Files already read in this check, by path: a map page and a location question often share one. */
const readFiles = new WeakMap<CheckContext, Map<string, Promise<unknown>>>();

/**
 * Basemap data runs to megabytes (every building of a town): JSON.parse and the GeoJSON checks take
 * milliseconds, the parser that knows line numbers takes far longer, so it only runs to report a problem.
 */
async function readBasemapGeoJson(ctx: CheckContext, pointer: string, source: unknown): Promise<unknown> {
  const asset = typeof source === "string" ? ctx.asset(pointer) : undefined;
  if (!asset) return readGeoJson(ctx, pointer, source, "any");
  let files = readFiles.get(ctx);
  if (!files) readFiles.set(ctx, (files = new Map()));
  let read = files.get(asset.file);
  if (!read) {
    read = (async () => {
      if (!(await fileProblem(ctx, pointer, "GeoJSON"))) {
        const value = await readFile(asset.file, "utf8").then((text) => JSON.parse(text) as unknown).catch(() => undefined);
        if (value !== undefined && geoJsonIssues(value, "any").length === 0) return value;
      }
      return readGeoJson(ctx, pointer, source, "any");
    })();
    files.set(asset.file, read);
  }
  return read;
}

type Box = [number, number, number, number];

function bbox(features: unknown[]): Box | undefined {
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (value: unknown): void => {
    if (!Array.isArray(value)) return;
    if (typeof value[0] === "number" && typeof value[1] === "number") {
      box[0] = Math.min(box[0], value[0]);
      box[1] = Math.min(box[1], value[1]);
      box[2] = Math.max(box[2], value[0]);
      box[3] = Math.max(box[3], value[1]);
    } else for (const item of value) visit(item);
  };
  for (const f of features) visit(record(record(f).geometry).coordinates);
  return Number.isFinite(box[0]) ? box : undefined;
}

const contains = (outer: Box, inner: Box) => outer[0] <= inner[0] && outer[1] <= inner[1] && outer[2] >= inner[2] && outer[3] >= inner[3];
const formatBox = (b: Box) => `[${b.map((n) => n.toFixed(4)).join(", ")}]`;
const hasText = (value: unknown) => (typeof value === "string" && value.trim() !== "") || typeof value === "number";

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
