// What a map makes visitors' browsers send to others than the site, in the words the map page and
// the accessibility statement print: a third-party basemap style's server, and Mapbox when the
// campaign chose Mapbox GL (test/e2e/basemap.test.ts records exactly what it sends).
import type { Locale, MapModel } from "../../campaign/model.js";
import { message } from "../../i18n/index.js";

/** Where Mapbox GL JS 3 reports map loads, even with a self-hosted style and no Mapbox data. */
export const MAPBOX_HOSTS = ["api.mapbox.com", "events.mapbox.com"];

/** Sentences for a map's third-party requests; none for a self-hosted basemap drawn by MapLibre. */
export function thirdPartyNotes(map: MapModel, ui: Locale): string[] {
  const notes: string[] = [];
  const basemap = map.basemap;
  if (basemap?.kind === "style") {
    const host = basemap.style.startsWith("mapbox://") ? "api.mapbox.com" : hostOf(basemap.style);
    notes.push(message(ui, "map.thirdParty.basemap", { host }));
  }
  if (map.renderer === "mapbox") notes.push(message(ui, "map.thirdParty.mapbox", { hosts: MAPBOX_HOSTS.join(", ") }));
  return notes;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
