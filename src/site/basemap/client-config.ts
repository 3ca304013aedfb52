// The `basemap` part of a map page's script configuration (src/client/map/config.ts): where the
// style is, whether it reads a PMTiles archive, and the attribution in the page's language.
import type { Locale, MapModel } from "../../campaign/model.js";
import type { BasemapAssets } from "./index.js";

export interface BasemapClientConfig {
  /** `pmtiles`: URL of the protocol module (src/client/map/pmtiles.ts) when the style reads an archive. */
  basemap?: { style: string; attribution?: string; pmtiles?: string };
}

export function basemapClientConfig(map: MapModel, locale: Locale, basemaps: BasemapAssets | undefined, text: (t: Record<Locale, string>) => string): BasemapClientConfig {
  const basemap = map.basemap;
  if (!basemap) return {};
  const attribution = basemap.attribution ? { attribution: text(basemap.attribution) } : {};
  if (basemap.kind === "style") return { basemap: { style: basemap.style, ...attribution } };
  const prepared = basemaps?.get(basemap, locale);
  // Without prepared assets (a template test) the page has its plain background, as without a basemap.
  if (!prepared) return {};
  return { basemap: { style: prepared.style, ...attribution, ...(prepared.pmtiles && basemaps?.protocolScript ? { pmtiles: basemaps.protocolScript } : {}) } };
}
