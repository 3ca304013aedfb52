// A city's own map data (basemap.geojson: streets, buildings, water, green areas, rail, places)
// cut into vector tiles at build time with geojson-vt and encoded with vt-pbf, written as static
// files `{z}/{x}/{y}.pbf` (docs/adr/015-self-hosted-basemap.md says why not one PMTiles file).
// Only what the map draws is kept: a name and a class per feature, never the city's other
// attributes (owners in ALKIS, internal ids).
import type { Feature, FeatureCollection, Geometry, Position } from "geojson";
import GeoJSONVT, { type LegacyFeature } from "geojson-vt";
import { fromGeojsonVt } from "vt-pbf";
import { pointInArea } from "../../campaign/geo.js";
import type { BasemapFeatureKind, BasemapSourceModel } from "../../campaign/model.js";

export const MIN_ZOOM = 10;
export const MAX_ZOOM = 16;
const EXTENT = 4096;

/** Layer names in the tiles: the kinds, and "labels" (one point per named area, see labelPoints). */
export type TileLayer = BasemapFeatureKind | "labels";

export interface TileSet {
  /** Encoded tiles by "z/x/y"; an empty buffer where the bounds hold no data (an empty tile, not a 404). */
  tiles: Map<string, Buffer>;
  /** [west, south, east, north] of all features: the renderer asks for no tile outside. */
  bounds: [number, number, number, number];
  minzoom: number;
  maxzoom: number;
  layers: TileLayer[];
}

/**
 * From which zoom a feature is in the tiles: minor streets, paths and buildings only where they can
 * be told apart, which keeps the few low-zoom tiles of a whole city small.
 */
function minZoomOf(kind: TileLayer, featureClass: string): number {
  if (kind === "buildings") return 14;
  if (kind === "streets") return featureClass === "major" ? MIN_ZOOM : featureClass === "minor" || featureClass === "pedestrian" ? 12 : 14;
  if (kind === "labels") return 13;
  return MIN_ZOOM;
}

export function tileBasemap(sources: readonly BasemapSourceModel[]): TileSet {
  const byKind = new Map<TileLayer, Feature[]>();
  const add = (kind: TileLayer, feature: Feature) => {
    const list = byKind.get(kind);
    if (list) list.push(feature);
    else byKind.set(kind, [feature]);
  };
  for (const source of sources) {
    for (const feature of source.data.features) {
      if (!feature.geometry) continue;
      const name = nameOf(feature, source.nameProperty);
      const featureClass = classOf(source.kind, feature.properties ?? {});
      const properties: Record<string, string> = { class: featureClass };
      if (name) properties.name = name;
      add(source.kind, { type: "Feature", geometry: feature.geometry, properties });
      // Named areas (a park, a lake) get one label point instead of one per tile piece. Buildings and
      // squares are named in "places", where the city decides which names the map shows.
      if (name && (source.kind === "green" || source.kind === "water") && /Polygon/.test(feature.geometry.type)) {
        const point = labelPoint(feature.geometry);
        if (point) add("labels", { type: "Feature", geometry: { type: "Point", coordinates: point }, properties: { name, kind: source.kind, class: featureClass } });
      }
    }
  }
  const indexes = [...byKind].map(([kind, features]) => ({
    kind,
    index: new GeoJSONVT({ type: "FeatureCollection", features } satisfies FeatureCollection, { maxZoom: MAX_ZOOM, indexMaxZoom: 4, extent: EXTENT, buffer: 64, tolerance: 2 }),
  }));
  const bounds = boundsOf([...byKind.values()].flat());
  const tiles = new Map<string, Buffer>();
  for (let z = MIN_ZOOM; z <= MAX_ZOOM; z++) {
    const [x0, y0] = tileOf(bounds[0], bounds[3], z);
    const [x1, y1] = tileOf(bounds[2], bounds[1], z);
    for (let x = x0; x <= x1; x++) {
      for (let y = y0; y <= y1; y++) {
        const layers: Record<string, { features: LegacyFeature[] }> = {};
        for (const { kind, index } of indexes) {
          const features = index.getTile(z, x, y)?.features.filter((f) => z >= minZoomOf(kind, String(f.tags?.class ?? ""))) ?? [];
          if (features.length) layers[kind] = { features };
        }
        // vt-pbf's types describe geojson-vt 3; the tile shape (features with type, geometry, tags) is the same.
        tiles.set(`${z}/${x}/${y}`, Object.keys(layers).length ? Buffer.from(fromGeojsonVt(layers as never, { version: 2, extent: EXTENT })) : Buffer.alloc(0));
      }
    }
  }
  return { tiles, bounds, minzoom: MIN_ZOOM, maxzoom: MAX_ZOOM, layers: [...byKind.keys()] };
}

/** Every label text in the data: the glyph files need exactly these characters. */
export function basemapLabels(sources: readonly BasemapSourceModel[]): string[] {
  return sources.flatMap((s) => s.data.features.map((f) => nameOf(f, s.nameProperty)).filter((n): n is string => !!n));
}

function nameOf(feature: Feature, property: string): string | undefined {
  const value = feature.properties?.[property];
  return typeof value === "string" && value.trim() ? value.trim() : typeof value === "number" ? String(value) : undefined;
}

/**
 * The class the style draws by: the feature's own `class`, else what an OpenStreetMap tag says
 * (GeoJSON exported from OSM keeps `highway`, `railway`, `place`, `landuse`, `natural`).
 */
export function classOf(kind: BasemapFeatureKind, properties: Record<string, unknown>): string {
  const own = properties.class;
  if (typeof own === "string" && own) return own;
  const tag = (key: string) => (typeof properties[key] === "string" ? (properties[key] as string) : "");
  switch (kind) {
    case "streets": {
      const highway = tag("highway").replace(/_link$/, "");
      if (["motorway", "trunk", "primary", "secondary", "tertiary"].includes(highway)) return "major";
      if (["service"].includes(highway)) return "service";
      if (["footway", "cycleway", "path", "steps", "bridleway", "track", "corridor"].includes(highway)) return "path";
      if (highway === "pedestrian") return "pedestrian";
      return "minor";
    }
    case "rail": {
      const railway = tag("railway");
      return railway === "tram" || railway === "subway" ? railway : "rail";
    }
    case "green":
      return ["forest", "wood"].includes(tag("landuse") || tag("natural")) ? "forest" : "park";
    case "water":
      return tag("waterway") || "water";
    case "places": {
      const place = tag("place");
      if (["suburb", "quarter", "neighbourhood", "borough"].includes(place)) return "district";
      if (["city", "town", "village", "hamlet"].includes(place)) return "town";
      if (place === "square") return "square";
      return tag("railway") === "station" || tag("public_transport") === "station" ? "station" : "landmark";
    }
    default:
      return kind;
  }
}

/** A point well inside a polygon's largest ring: its centroid, or the middle of the widest inside span through it. */
function labelPoint(geometry: Geometry): Position | undefined {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.type === "MultiPolygon" ? geometry.coordinates : [];
  const ring = polygons.map((p) => p[0]!).sort((a, b) => Math.abs(ringArea(b)) - Math.abs(ringArea(a)))[0];
  if (!ring || ring.length < 4) return undefined;
  let cx = 0;
  let cy = 0;
  let area = 0;
  for (let i = 1; i < ring.length; i++) {
    const [x0, y0] = ring[i - 1]!;
    const [x1, y1] = ring[i]!;
    const cross = x0! * y1! - x1! * y0!;
    area += cross;
    cx += (x0! + x1!) * cross;
    cy += (y0! + y1!) * cross;
  }
  if (area === 0) return ring[0];
  const centroid: Position = [cx / (3 * area), cy / (3 * area)];
  if (pointInArea([centroid[0]!, centroid[1]!], { type: "Polygon", coordinates: [ring] })) return centroid;
  // A crescent or an L-shape: the widest piece of the horizontal line through the centroid.
  const crossings: number[] = [];
  for (let i = 1; i < ring.length; i++) {
    const [x0, y0] = ring[i - 1]!;
    const [x1, y1] = ring[i]!;
    if (y0! <= centroid[1]! !== y1! <= centroid[1]!) crossings.push(x0! + ((centroid[1]! - y0!) * (x1! - x0!)) / (y1! - y0!));
  }
  crossings.sort((a, b) => a - b);
  let best: Position | undefined;
  let widest = 0;
  for (let i = 0; i + 1 < crossings.length; i += 2) {
    const width = crossings[i + 1]! - crossings[i]!;
    if (width > widest) {
      widest = width;
      best = [(crossings[i]! + crossings[i + 1]!) / 2, centroid[1]!];
    }
  }
  return best;
}

function ringArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 1; i < ring.length; i++) sum += ring[i - 1]![0]! * ring[i]![1]! - ring[i]![0]! * ring[i - 1]![1]!;
  return sum / 2;
}

function boundsOf(features: Feature[]): [number, number, number, number] {
  const b: [number, number, number, number] = [180, 90, -180, -90];
  const visit = (value: unknown): void => {
    if (Array.isArray(value) && typeof value[0] === "number") {
      const [x, y] = value as [number, number];
      b[0] = Math.min(b[0], x);
      b[1] = Math.min(b[1], y);
      b[2] = Math.max(b[2], x);
      b[3] = Math.max(b[3], y);
    } else if (Array.isArray(value)) for (const item of value) visit(item);
  };
  for (const feature of features) {
    const geometry = feature.geometry;
    visit(geometry.type === "GeometryCollection" ? geometry.geometries.map((g) => ("coordinates" in g ? g.coordinates : [])) : geometry.coordinates);
  }
  return b;
}

/** The tile at zoom z holding a longitude/latitude (Web Mercator, as the renderers use). */
export function tileOf(lng: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const x = Math.floor(((lng + 180) / 360) * n);
  const rad = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  return [Math.min(n - 1, Math.max(0, x)), Math.min(n - 1, Math.max(0, y))];
}
