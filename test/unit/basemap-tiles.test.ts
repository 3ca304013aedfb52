// A city's GeoJSON becomes static vector tiles, and both basemap styles are ones the renderers
// accept: what the example's Ideenkarte draws.
import path from "node:path";
import { validateStyleMin } from "@maplibre/maplibre-gl-style-spec";
import { VectorTile } from "@mapbox/vector-tile";
import { PbfReader } from "pbf";
import { beforeAll, describe, expect, it } from "vitest";
import { loadSiteModel } from "../../src/campaign/index.js";
import type { BasemapSourceModel } from "../../src/campaign/model.js";
import { MAP_FONTS } from "../../src/site/basemap/glyphs.js";
import { ownStyle, protomapsStyle } from "../../src/site/basemap/style.js";
import { basemapLabels, classOf, MAX_ZOOM, MIN_ZOOM, tileBasemap, tileOf, type TileSet } from "../../src/site/basemap/tiles.js";

const BRUNNEN: [number, number] = [6.99998, 50.93998];
let sources: BasemapSourceModel[];
let set: TileSet;

beforeAll(async () => {
  const { model } = await loadSiteModel(path.resolve("campaigns"));
  const page = model.campaigns.find((c) => c.slug === "marktplatz")!.pages.find((p) => p.type === "map")!;
  if (page.type !== "map" || page.map.basemap?.kind !== "geojson") throw new Error("the example's Ideenkarte has a GeoJSON basemap");
  sources = page.map.basemap.geojson;
  set = tileBasemap(sources);
});

function tileAt(point: [number, number], z: number): VectorTile {
  const [x, y] = tileOf(point[0], point[1], z);
  const bytes = set.tiles.get(`${z}/${x}/${y}`);
  if (!bytes) throw new Error(`no tile ${z}/${x}/${y}`);
  return new VectorTile(new PbfReader(bytes));
}

function names(tile: VectorTile, layer: string): string[] {
  const l = tile.layers[layer];
  return l ? Array.from({ length: l.length }, (_, i) => String(l.feature(i).properties.name ?? "")).filter(Boolean) : [];
}

describe("basemap tiles from GeoJSON", () => {
  it("puts the streets, buildings and places around the Marktplatz into the tile a citizen sees first", () => {
    const tile = tileAt(BRUNNEN, 16);
    expect(Object.keys(tile.layers).sort()).toEqual(expect.arrayContaining(["buildings", "places", "streets"]));
    expect(names(tile, "streets")).toEqual(expect.arrayContaining(["Marktstraße", "Am Rathaus", "Kirchgasse"]));
    expect(names(tile, "places")).toContain("Marktplatz");
    const street = tile.layers.streets!;
    const marktstrasse = Array.from({ length: street.length }, (_, i) => street.feature(i)).find((f) => f.properties.name === "Marktstraße")!;
    expect(marktstrasse.properties).toEqual({ name: "Marktstraße", class: "major" });
  });

  it("leaves buildings and minor streets out of the low zooms, where they would be noise and bytes", () => {
    expect(tileAt(BRUNNEN, 13).layers.buildings).toBeUndefined();
    expect(tileAt(BRUNNEN, 14).layers.buildings?.length).toBeGreaterThan(50);
    expect(names(tileAt(BRUNNEN, 11), "streets")).not.toContain("Kirchgasse");
    expect(names(tileAt(BRUNNEN, 11), "streets")).toContain("Marktstraße");
  });

  it("writes every tile inside the data's bounds from zoom 10 to 16 (empty ones as empty files, not 404s)", () => {
    expect([set.minzoom, set.maxzoom]).toEqual([MIN_ZOOM, MAX_ZOOM]);
    const [w, s, e, n] = set.bounds;
    expect(w).toBeLessThan(BRUNNEN[0]);
    expect(e).toBeGreaterThan(BRUNNEN[0]);
    for (let z = MIN_ZOOM; z <= MAX_ZOOM; z++) {
      const [x0, y0] = tileOf(w, n, z);
      const [x1, y1] = tileOf(e, s, z);
      expect([...set.tiles.keys()].filter((k) => k.startsWith(`${z}/`)).length).toBe((x1 - x0 + 1) * (y1 - y0 + 1));
    }
  });

  it("keeps only a name and a class per feature: a city's other attributes never reach the site", () => {
    const private_ = tileBasemap([
      {
        kind: "buildings",
        nameProperty: "bezeichnung",
        data: { type: "FeatureCollection", features: [{ type: "Feature", properties: { bezeichnung: "Stadthaus", eigentuemer: "Erika Mustermann", flurstueck: "123/4" }, geometry: { type: "Polygon", coordinates: [[[7, 50.94], [7.001, 50.94], [7.001, 50.941], [7, 50.941], [7, 50.94]]] } }] },
      },
    ]);
    const bytes = [...private_.tiles.values()].find((b) => b.length > 0)!;
    const feature = new VectorTile(new PbfReader(bytes)).layers.buildings!.feature(0);
    expect(feature.properties).toEqual({ name: "Stadthaus", class: "buildings" });
  });

  it("labels a named park once, at a point inside it, not once per tile it spans", () => {
    const labels = [...set.tiles.values()].filter((b) => b.length).flatMap((b) => names(new VectorTile(new PbfReader(b)), "labels"));
    const z16 = [...set.tiles].filter(([k, b]) => k.startsWith("16/") && b.length).flatMap(([, b]) => names(new VectorTile(new PbfReader(b)), "labels"));
    expect(labels).toContain("Stadtgarten");
    // geojson-vt keeps a point in the tiles whose buffer it falls in: at most a neighbour or two.
    expect(z16.filter((n) => n === "Stadtgarten").length).toBeLessThanOrEqual(2);
  });

  it("reads OpenStreetMap tags when a city exports its data from OSM", () => {
    expect(classOf("streets", { highway: "primary" })).toBe("major");
    expect(classOf("streets", { highway: "residential" })).toBe("minor");
    expect(classOf("streets", { highway: "footway" })).toBe("path");
    expect(classOf("streets", { highway: "pedestrian" })).toBe("pedestrian");
    expect(classOf("streets", { highway: "secondary_link" })).toBe("major");
    expect(classOf("rail", { railway: "tram" })).toBe("tram");
    expect(classOf("places", { place: "suburb" })).toBe("district");
    expect(classOf("green", { landuse: "forest" })).toBe("forest");
    expect(classOf("streets", { class: "major", highway: "footway" })).toBe("major");
  });

  it("knows every label text, for the glyph files", () => {
    expect(basemapLabels(sources)).toEqual(expect.arrayContaining(["Marktstraße", "Bäckergasse", "Muster", "Stadtgarten", "Bahnhof Musterstadt"]));
  });
});

describe("basemap styles", () => {
  it("our style for a city's GeoJSON is valid MapLibre style JSON, reads only our layers and our fonts", () => {
    const style = ownStyle("https://stadt.example/assets/basemap/tiles-1/{z}/{x}/{y}.pbf", set, "https://stadt.example/assets/basemap/glyphs-1/{fontstack}/{range}.pbf", "© Stadt Musterstadt");
    expect(validateStyleMin(style as never)).toEqual([]);
    const sourceLayers = new Set(style.layers.map((l) => l["source-layer"]).filter(Boolean));
    expect([...sourceLayers].every((l) => ["streets", "buildings", "water", "green", "rail", "places", "labels"].includes(String(l)))).toBe(true);
    const fonts = JSON.stringify(style.layers).match(/fira-sans-[a-z]+/g) ?? [];
    expect(new Set(fonts)).toEqual(new Set(Object.values(MAP_FONTS).map((f) => f.stack)));
    // Street names follow their street.
    expect(style.layers.find((l) => l.id === "basemap-street-label")).toMatchObject({ layout: { "symbol-placement": "line" } });
    expect(style.sources.basemap).toMatchObject({ attribution: "© Stadt Musterstadt", bounds: set.bounds, minzoom: 10, maxzoom: 16 });
  });

  it("the Protomaps style needs no sprite, no third-party font and labels in the page's language", () => {
    const de = protomapsStyle("/assets/basemap/stadt.1234.pmtiles", "/glyphs/{fontstack}/{range}.pbf", "de", "© OpenStreetMap-Mitwirkende");
    const en = protomapsStyle("/assets/basemap/stadt.1234.pmtiles", "/glyphs/{fontstack}/{range}.pbf", "en", "© OpenStreetMap contributors");
    expect(validateStyleMin({ ...de, glyphs: "https://x.example/{fontstack}/{range}.pbf" } as never)).toEqual([]);
    const json = JSON.stringify(de);
    expect(json).not.toContain("icon-image");
    expect(json).not.toContain("Noto Sans");
    expect(de).not.toHaveProperty("sprite");
    expect(de.sources.basemap).toMatchObject({ type: "vector", url: "pmtiles:///assets/basemap/stadt.1234.pmtiles" });
    expect(json).toContain('"name:de"');
    expect(JSON.stringify(en)).toContain('"name:en"');
    expect(de.layers.map((l) => l.id)).not.toContain("pois");
  });
});
