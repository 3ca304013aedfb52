// The basemap's look: light and calm, so that the campaign's dashed area, its layers and the
// coloured markers stand out, with street names dark enough to read. Two styles share one palette:
// the Protomaps basemap layers for a PMTiles extract of OpenStreetMap, and our own layers for a
// city's GeoJSON. Both are MapLibre style JSON that Mapbox GL reads too.
import { layers as protomapsLayers, language_script_pairs, namedFlavor, type Flavor } from "@protomaps/basemaps";
import type { BasemapFeatureKind } from "../../campaign/model.js";
import { MAP_FONTS, type MapFontStack } from "./glyphs.js";
import type { TileSet } from "./tiles.js";

export type StyleLayer = { id: string; type: string } & Record<string, unknown>;

export interface BasemapStyle {
  version: 8;
  name: string;
  glyphs: string;
  sources: Record<string, Record<string, unknown>>;
  layers: StyleLayer[];
}

/** One palette for both styles (colours picked for the campaign's overlay to stand out). */
export const PALETTE = {
  land: "#efece6",
  green: "#d9e6cd",
  forest: "#d0e0c5",
  water: "#c2d9e7",
  building: "#ded7cc",
  buildingOutline: "#cdc4b7",
  pedestrian: "#e9e5dd",
  street: "#ffffff",
  casing: "#cbc3b6",
  path: "#bcb4a7",
  rail: "#99938a",
  // Labels: dark enough to read on white halos (7:1 and more), quieter than the campaign's overlay.
  label: "#45413d",
  labelHalo: "#ffffff",
  placeLabel: "#33302d",
  districtLabel: "#6a645d",
  waterLabel: "#37607a",
  greenLabel: "#3f6338",
} as const;

const SOURCE = "basemap";

/**
 * Which font our style sets each kind's names in (the glyph files hold just those characters):
 * streets and parks upright, water italic, places medium — districts in capitals.
 */
export const LABEL_FONTS: Record<BasemapFeatureKind, { stack: MapFontStack; capitals?: boolean } | undefined> = {
  streets: { stack: MAP_FONTS.regular.stack },
  green: { stack: MAP_FONTS.regular.stack },
  water: { stack: MAP_FONTS.italic.stack },
  places: { stack: MAP_FONTS.medium.stack, capitals: true },
  buildings: undefined,
  rail: undefined,
};

/** Protomaps layers that need sprite images (icons, shields, POIs) we do not ship, and that a calm map can do without. */
const PROTOMAPS_LEFT_OUT = new Set(["roads_oneway", "roads_shields", "pois"]);

/**
 * The Protomaps basemap (BSD-3-Clause) over a PMTiles archive, in our palette and fonts, with
 * labels in `locale` where OpenStreetMap has that name (else the local name).
 */
export function protomapsStyle(archiveUrl: string, glyphs: string, locale: string, attribution: string): BasemapStyle {
  const flavor: Flavor = {
    ...namedFlavor("light"),
    background: PALETTE.land,
    earth: PALETTE.land,
    park_a: PALETTE.green,
    park_b: PALETTE.green,
    wood_a: PALETTE.forest,
    wood_b: PALETTE.forest,
    scrub_a: PALETTE.green,
    scrub_b: PALETTE.green,
    water: PALETTE.water,
    pedestrian: PALETTE.pedestrian,
    buildings: PALETTE.building,
    railway: PALETTE.rail,
    minor_a: PALETTE.street,
    minor_b: PALETTE.street,
    minor_service: PALETTE.street,
    other: PALETTE.pedestrian,
    major: PALETTE.street,
    highway: PALETTE.street,
    link: PALETTE.street,
    minor_casing: PALETTE.casing,
    minor_service_casing: PALETTE.casing,
    major_casing_early: PALETTE.casing,
    major_casing_late: PALETTE.casing,
    highway_casing_early: PALETTE.casing,
    highway_casing_late: PALETTE.casing,
    link_casing: PALETTE.casing,
    roads_label_minor: PALETTE.label,
    roads_label_major: PALETTE.label,
    roads_label_minor_halo: PALETTE.labelHalo,
    roads_label_major_halo: PALETTE.labelHalo,
    address_label: PALETTE.districtLabel,
    ocean_label: PALETTE.waterLabel,
    city_label: PALETTE.placeLabel,
    city_label_halo: PALETTE.labelHalo,
    subplace_label: PALETTE.districtLabel,
    subplace_label_halo: PALETTE.labelHalo,
    regular: MAP_FONTS.regular.stack,
    bold: MAP_FONTS.medium.stack,
    italic: MAP_FONTS.italic.stack,
  };
  const lang = language_script_pairs.some((pair) => pair.lang === locale) ? locale : "en";
  const layers = (protomapsLayers(SOURCE, flavor, { lang }) as unknown as StyleLayer[])
    .filter((layer) => !PROTOMAPS_LEFT_OUT.has(layer.id))
    .map((layer) => withoutIcons(layer));
  // Labels in scripts we ship no glyphs for would ask for a font we do not have; Fira draws what it can.
  const json = JSON.stringify(layers).replace(/"Noto Sans [^"]*"/g, JSON.stringify(MAP_FONTS.regular.stack));
  return {
    version: 8,
    name: "mitreden Protomaps",
    glyphs,
    sources: { [SOURCE]: { type: "vector", url: `pmtiles://${archiveUrl}`, attribution } },
    layers: JSON.parse(json) as StyleLayer[],
  };
}

/** A symbol layer that shows an icon (a town dot) keeps only its text: there is no sprite sheet. */
function withoutIcons(layer: StyleLayer): StyleLayer {
  const layout = layer.layout as Record<string, unknown> | undefined;
  if (!layout || !("icon-image" in layout)) return layer;
  const rest = Object.fromEntries(Object.entries(layout).filter(([key]) => !key.startsWith("icon-")));
  return { ...layer, layout: rest };
}

/** Our own layers for a city's GeoJSON (tiles.ts): the kinds as layers, a `class` and a `name` per feature. */
export function ownStyle(tiles: string, tileSet: Pick<TileSet, "bounds" | "minzoom" | "maxzoom">, glyphs: string, attribution: string): BasemapStyle {
  const is = (value: string) => ["==", ["get", "class"], value];
  const isIn = (...values: string[]) => ["in", ["get", "class"], ["literal", values]];
  const geometry = (type: string) => ["==", ["geometry-type"], type];
  const byZoom = (...stops: unknown[]) => ["interpolate", ["exponential", 1.6], ["zoom"], ...stops];
  const layer = (id: string, sourceLayer: string, type: string, rest: Record<string, unknown>): StyleLayer => ({ id: `basemap-${id}`, type, source: SOURCE, "source-layer": sourceLayer, ...rest });
  // Zoom must be the outermost expression; the class decides inside each stop.
  const byClass = (cases: Record<string, number>, otherwise: number) => ["match", ["get", "class"], ...Object.entries(cases).flat(), otherwise];
  const streetWidth = (major: number, minor: number) => {
    const at = (factor: number) => byClass({ major: major * factor, service: minor * 0.6 * factor }, minor * factor);
    return byZoom(12, at(0.25), 16, at(1), 19, at(5));
  };
  const label = (size: number, max: number) => byZoom(14, size, 19, max);
  return {
    version: 8,
    name: "mitreden",
    glyphs,
    sources: { [SOURCE]: { type: "vector", tiles: [tiles], bounds: tileSet.bounds, minzoom: tileSet.minzoom, maxzoom: tileSet.maxzoom, attribution } },
    layers: [
      { id: "basemap-land", type: "background", paint: { "background-color": PALETTE.land } },
      layer("green", "green", "fill", { paint: { "fill-color": ["case", is("forest"), PALETTE.forest, PALETTE.green] } }),
      layer("water", "water", "fill", { filter: geometry("Polygon"), paint: { "fill-color": PALETTE.water } }),
      layer("waterway", "water", "line", { filter: geometry("LineString"), layout: { "line-cap": "round", "line-join": "round" }, paint: { "line-color": PALETTE.water, "line-width": byZoom(12, ["match", ["get", "class"], ["river", "canal"], 3, 1], 16, ["match", ["get", "class"], ["river", "canal"], 14, 3], 19, ["match", ["get", "class"], ["river", "canal"], 60, 10]) } }),
      layer("pedestrian-area", "streets", "fill", { filter: geometry("Polygon"), paint: { "fill-color": PALETTE.pedestrian, "fill-outline-color": PALETTE.casing } }),
      layer("building", "buildings", "fill", { minzoom: 14, paint: { "fill-color": PALETTE.building, "fill-outline-color": PALETTE.buildingOutline } }),
      layer("rail", "rail", "line", { filter: geometry("LineString"), paint: { "line-color": PALETTE.rail, "line-width": byZoom(12, 1.5, 16, 4, 19, 8) } }),
      layer("rail-ties", "rail", "line", { filter: ["all", geometry("LineString"), is("rail")], paint: { "line-color": PALETTE.land, "line-width": byZoom(12, 0.5, 16, 2, 19, 4), "line-dasharray": [3, 3] } }),
      layer("street-casing", "streets", "line", { filter: ["all", geometry("LineString"), ["!", isIn("path", "pedestrian")]], layout: { "line-cap": "round", "line-join": "round" }, paint: { "line-color": PALETTE.casing, "line-width": streetWidth(15, 10), "line-gap-width": 0 } }),
      layer("pedestrian", "streets", "line", { filter: ["all", geometry("LineString"), is("pedestrian")], layout: { "line-cap": "round", "line-join": "round" }, paint: { "line-color": PALETTE.pedestrian, "line-width": streetWidth(12, 8) } }),
      layer("street", "streets", "line", { filter: ["all", geometry("LineString"), ["!", isIn("path", "pedestrian")]], layout: { "line-cap": "round", "line-join": "round" }, paint: { "line-color": PALETTE.street, "line-width": streetWidth(12.5, 8) } }),
      layer("path", "streets", "line", { minzoom: 14, filter: ["all", geometry("LineString"), is("path")], paint: { "line-color": PALETTE.path, "line-width": byZoom(14, 0.8, 19, 2.5), "line-dasharray": [2, 1.5] } }),
      layer("waterway-label", "water", "symbol", { minzoom: 14, filter: ["all", geometry("LineString"), ["has", "name"]], layout: { "symbol-placement": "line", "text-field": ["get", "name"], "text-font": [LABEL_FONTS.water!.stack], "text-size": label(12, 16), "text-letter-spacing": 0.1, "symbol-spacing": 300 }, paint: { "text-color": PALETTE.waterLabel, "text-halo-color": PALETTE.water, "text-halo-width": 1.5 } }),
      layer("street-label", "streets", "symbol", { minzoom: 14, filter: ["all", ["has", "name"], geometry("LineString")], layout: { "symbol-placement": "line", "text-field": ["get", "name"], "text-font": [LABEL_FONTS.streets!.stack], "text-size": byZoom(14, byClass({ major: 12 }, 11), 19, byClass({ major: 17 }, 15)), "text-max-angle": 30, "text-padding": 4, "symbol-spacing": 250, "symbol-sort-key": ["match", ["get", "class"], "major", 0, 1] }, paint: { "text-color": PALETTE.label, "text-halo-color": PALETTE.labelHalo, "text-halo-width": 1.6 } }),
      layer("area-label", "labels", "symbol", { minzoom: 14, layout: { "text-field": ["get", "name"], "text-font": ["match", ["get", "kind"], "water", ["literal", [LABEL_FONTS.water!.stack]], ["literal", [LABEL_FONTS.green!.stack]]], "text-size": label(12, 15), "text-max-width": 8 }, paint: { "text-color": ["match", ["get", "kind"], "water", PALETTE.waterLabel, "green", PALETTE.greenLabel, PALETTE.label], "text-halo-color": PALETTE.labelHalo, "text-halo-width": 1.4 } }),
      layer("place-label", "places", "symbol", {
        filter: ["has", "name"],
        layout: {
          "text-field": ["get", "name"],
          "text-font": [LABEL_FONTS.places!.stack],
          "text-size": byZoom(14, ["match", ["get", "class"], ["town", "district"], 13, 12], 19, ["match", ["get", "class"], ["town", "district"], 18, 16]),
          "text-transform": ["match", ["get", "class"], "district", "uppercase", "none"],
          "text-letter-spacing": ["match", ["get", "class"], "district", 0.12, 0.02],
          "text-max-width": 8,
          "symbol-sort-key": ["match", ["get", "class"], "town", 0, "district", 1, 2],
        },
        paint: { "text-color": ["match", ["get", "class"], "district", PALETTE.districtLabel, PALETTE.placeLabel], "text-halo-color": PALETTE.labelHalo, "text-halo-width": 1.6 },
      }),
    ],
  };
}
