// Small PMTiles v3 archives for tests, written by hand (the pmtiles package only reads): the
// example's Musterstadt in the Protomaps basemap schema, as a city's `pmtiles extract` of
// OpenStreetMap would give it — earth, water, landuse, roads, buildings, places.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Feature, FeatureCollection } from "geojson";
import GeoJSONVT from "geojson-vt";
import { zxyToTileId } from "pmtiles";
import { fromGeojsonVt } from "vt-pbf";
import { tileOf } from "../../src/site/basemap/tiles.js";

export interface ArchiveOptions {
  minZoom: number;
  maxZoom: number;
  bounds: [number, number, number, number];
  metadata?: Record<string, unknown>;
  /** 1 = MVT (default), 2 = PNG … */
  tileType?: number;
}

/** A PMTiles v3 archive (no compression) of `tiles` by "z/x/y". */
export function pmtilesArchive(tiles: Map<string, Buffer>, options: ArchiveOptions): Buffer {
  const entries = [...tiles]
    .map(([zxy, data]) => {
      const [z, x, y] = zxy.split("/").map(Number) as [number, number, number];
      return { id: zxyToTileId(z, x, y), data };
    })
    .sort((a, b) => a.id - b.id);
  let offset = 0;
  const placed = entries.map((e) => {
    const entry = { ...e, offset };
    offset += e.data.length;
    return entry;
  });
  const varints: number[] = [placed.length];
  let last = 0;
  for (const e of placed) {
    varints.push(e.id - last);
    last = e.id;
  }
  varints.push(...placed.map(() => 1)); // run lengths
  for (const e of placed) varints.push(e.data.length);
  placed.forEach((e, i) => varints.push(i > 0 && e.offset === placed[i - 1]!.offset + placed[i - 1]!.data.length ? 0 : e.offset + 1));
  const directory = Buffer.concat(varints.map(varint));
  const metadata = Buffer.from(JSON.stringify(options.metadata ?? {}));
  const data = Buffer.concat(placed.map((e) => e.data));

  const header = Buffer.alloc(127);
  header.write("PMTiles", 0, "latin1");
  header.writeUInt8(3, 7);
  const u64 = (at: number, value: number) => header.writeBigUInt64LE(BigInt(value), at);
  const rootOffset = 127;
  const metadataOffset = rootOffset + directory.length;
  const dataOffset = metadataOffset + metadata.length;
  u64(8, rootOffset);
  u64(16, directory.length);
  u64(24, metadataOffset);
  u64(32, metadata.length);
  u64(40, dataOffset);
  u64(48, 0);
  u64(56, dataOffset);
  u64(64, data.length);
  u64(72, placed.length);
  u64(80, placed.length);
  u64(88, placed.length);
  header.writeUInt8(1, 96); // clustered
  header.writeUInt8(1, 97); // internal compression: none
  header.writeUInt8(1, 98); // tile compression: none
  header.writeUInt8(options.tileType ?? 1, 99);
  header.writeUInt8(options.minZoom, 100);
  header.writeUInt8(options.maxZoom, 101);
  const e7 = (at: number, value: number) => header.writeInt32LE(Math.round(value * 1e7), at);
  e7(102, options.bounds[0]);
  e7(106, options.bounds[1]);
  e7(110, options.bounds[2]);
  e7(114, options.bounds[3]);
  header.writeUInt8(options.maxZoom, 118);
  e7(119, (options.bounds[0] + options.bounds[2]) / 2);
  e7(123, (options.bounds[1] + options.bounds[3]) / 2);
  return Buffer.concat([header, directory, metadata, data]);
}

function varint(value: number): Buffer {
  const out: number[] = [];
  let v = value;
  while (v > 0x7f) {
    out.push((v % 128) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return Buffer.from(out);
}

const MEDIA = path.resolve(import.meta.dirname, "../../campaigns/marktplatz/media");
const read = (name: string) => JSON.parse(readFileSync(path.join(MEDIA, name), "utf8")) as FeatureCollection;

/** The example's Musterstadt (scripts/make-example-basemap.mjs) in the Protomaps schema, zoom 12–15. */
export function musterstadtArchive(): Buffer {
  const kinds = (file: string, kind: (f: Feature) => Record<string, unknown>) => read(file).features.map((f) => ({ ...f, properties: { ...kind(f), ...(f.properties?.name ? { name: f.properties.name } : {}) } }));
  const bounds: [number, number, number, number] = [6.98, 50.93, 7.02, 50.95];
  const [w, s, e, n] = bounds;
  const layers: Record<string, Feature[]> = {
    earth: [{ type: "Feature", properties: { kind: "earth" }, geometry: { type: "Polygon", coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] } }],
    water: kinds("basemap-gewaesser.geojson", (f) => ({ kind: f.geometry.type === "LineString" ? "river" : "water" })),
    landuse: [...kinds("basemap-gruen.geojson", () => ({ kind: "park" })), ...kinds("basemap-strassen.geojson", () => ({ kind: "pedestrian" })).filter((f) => f.geometry.type === "Polygon")],
    roads: [
      ...kinds("basemap-strassen.geojson", (f) => ({ kind: { major: "major_road", minor: "minor_road", service: "minor_road", path: "path" }[String(f.properties?.class)] ?? "minor_road", ...(f.properties?.class === "service" ? { kind_detail: "service" } : {}) })).filter((f) => f.geometry.type === "LineString"),
      ...kinds("basemap-bahn.geojson", () => ({ kind: "rail" })),
    ],
    buildings: kinds("basemap-gebaeude.geojson", () => ({ kind: "building" })),
    places: [
      { type: "Feature", properties: { kind: "locality", name: "Musterstadt", "name:de": "Musterstadt", "name:en": "Sample Town", min_zoom: 8 }, geometry: { type: "Point", coordinates: [7.004, 50.947] } },
      ...kinds("basemap-orte.geojson", () => ({ kind: "neighbourhood" })).filter((f) => /stadt|viertel/i.test(String(f.properties.name))),
    ],
  };
  const indexes = Object.entries(layers).map(([name, features]) => [name, new GeoJSONVT({ type: "FeatureCollection", features }, { maxZoom: 15, indexMaxZoom: 4 })] as const);
  const tiles = new Map<string, Buffer>();
  for (let z = 12; z <= 15; z++) {
    const [x0, y0] = tileOf(w, n, z);
    const [x1, y1] = tileOf(e, s, z);
    for (let x = x0; x <= x1; x++) {
      for (let y = y0; y <= y1; y++) {
        const tile: Record<string, unknown> = {};
        for (const [name, index] of indexes) {
          const found = index.getTile(z, x, y);
          if (found?.features.length) tile[name] = found;
        }
        tiles.set(`${z}/${x}/${y}`, Buffer.from(fromGeojsonVt(tile as never, { version: 2 })));
      }
    }
  }
  return pmtilesArchive(tiles, { minZoom: 12, maxZoom: 15, bounds, metadata: { name: "Musterstadt (test)", vector_layers: Object.keys(layers).map((id) => ({ id, fields: {} })), attribution: "© OpenStreetMap" } });
}
