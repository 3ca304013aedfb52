// What a page tells the map script, in JSON data blocks written at build time by
// src/site/map-config.ts: the map itself (every map frame), and on a map page also where the
// contributions go and come from.
import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import type { Shape } from "../../campaign/map-symbols.js";
import type { Text } from "../../i18n/catalogue.js";
import { fill } from "../../i18n/format.js";

/** One map: a map page's, or the one in a survey's location question. */
export interface MapViewConfig {
  locale: string;
  center: [number, number];
  zoom: number;
  area: FeatureCollection<Polygon | MultiPolygon>;
  layers: { id: string; label: string; color: string; data: FeatureCollection }[];
  /** Kinds of contribution and their colours (none for a survey question). */
  categories: { id: string; label: string; color: string; shape: Shape }[];
  places: { id: string; label: string; coordinates: [number, number] }[];
  /** A style URL: the build's own (src/site/basemap) or a third party's; `pmtiles`: the protocol module to load when the style reads an archive. */
  basemap?: { style: string; attribution?: string; pmtiles?: string };
  renderer: "maplibre" | "mapbox";
  accessToken?: string;
  /** Self-hosted map library: an ES module (MapLibre) or a classic script (Mapbox GL), and its CSS. */
  library: { js: string; css: string; module: boolean; worker?: string };
  /** Points may be placed (the campaign or survey is open). */
  open: boolean;
  /** The question whose point the map places (its fields: location__lng, … in src/forms/fields.ts). */
  question: string;
  /** Intl locale of the texts: numbers and plural forms (src/i18n). */
  textLocale: string;
  /** Interface texts with {placeholders}, some with plural forms. */
  text: Record<string, Text>;
}

/** A map page: the map, the collector's addresses and the contribution form's rules. */
export interface MapPageConfig extends MapViewConfig {
  slug: string;
  page: string;
  /** Collector URLs. */
  submitUrl: string;
  tokenUrl: string;
  /** Undefined when the map publishes no contributions. */
  contributionsUrl?: string;
  maxLength: number;
  moderation: "before" | "after";
  /** The form's questions' labels by id, for the error summary. */
  labels: Record<string, string>;
  /**
   * The forms' words the page's checks use (src/i18n, forms namespace): "Fehler", the character
   * count, and the sentences of the issues contributionIssues() finds. Given by the page, so the
   * map script does not carry whole catalogues.
   */
  formText: Record<string, Text>;
  /** The public statuses and the answer's words (src/i18n desk namespace: publicStatus.*, publicAnswer.*). */
  answerText?: Record<string, Text>;
}

export function readPageConfig(): MapPageConfig | undefined {
  const element = document.getElementById("mr-map-config");
  if (!element?.textContent) return undefined;
  return JSON.parse(element.textContent) as MapPageConfig;
}

export function say(config: Pick<MapViewConfig, "text" | "textLocale">, key: string, params: Record<string, string | number> = {}): string {
  return fill(config.text[key] ?? key, params, config.textLocale, () => "");
}
