// What the page tells its script (a JSON block written at build time by src/site/map-config.ts).
import type { FeatureCollection } from "geojson";
import type { Text } from "../../i18n/catalogue.js";
import { fill } from "../../i18n/format.js";

export interface MapClientConfig {
  slug: string;
  page: string;
  locale: string;
  /** Collector URLs. */
  submitUrl: string;
  tokenUrl: string;
  /** Undefined when the map publishes no contributions. */
  contributionsUrl?: string;
  center: [number, number];
  zoom: number;
  area: FeatureCollection;
  layers: { id: string; label: string; color: string; data: FeatureCollection }[];
  categories: { id: string; label: string; color: string }[];
  places: { id: string; label: string; coordinates: [number, number] }[];
  /** A style URL: the build's own (src/site/basemap) or a third party's; `pmtiles`: the protocol module to load when the style reads an archive. */
  basemap?: { style: string; attribution?: string; pmtiles?: string };
  renderer: "maplibre" | "mapbox";
  accessToken?: string;
  /** Self-hosted map library: an ES module (MapLibre) or a classic script (Mapbox GL), and its CSS. */
  library: { js: string; css: string; module: boolean; worker?: string };
  /** The form is there (campaign open). */
  open: boolean;
  maxLength: number;
  moderation: "before" | "after";
  /** Intl locale of the texts: numbers and plural forms (src/i18n). */
  textLocale: string;
  /** Interface texts with {placeholders}, some with plural forms. */
  text: Record<string, Text>;
}

export function readConfig(): MapClientConfig | undefined {
  const element = document.getElementById("mr-map-config");
  if (!element?.textContent) return undefined;
  return JSON.parse(element.textContent) as MapClientConfig;
}

export function say(config: MapClientConfig, key: string, params: Record<string, string | number> = {}): string {
  return fill(config.text[key] ?? key, params, config.textLocale, () => "");
}
