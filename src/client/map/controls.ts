// The map library's own words in the page's interface language: every string MapLibre (and Mapbox
// GL) puts on its controls, the canvas, markers, the popup's close button and the "use two fingers"
// hint. The catalogue's map namespace holds them as js.gl.<the library's key> (test/unit/map-controls
// checks that none of MapLibre's keys is missing), so nothing English shows on a German page.
import { say, type MapViewConfig } from "./config.js";

const PREFIX = "gl.";

export function libraryTexts(config: Pick<MapViewConfig, "text" | "textLocale">): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const key of Object.keys(config.text)) if (key.startsWith(PREFIX)) texts[key.slice(PREFIX.length)] = say(config, key);
  return texts;
}

/**
 * The canvas as one widget that takes the arrow keys: screen readers pass keys through to an
 * "application" (a "region" is read like a page part, and was one inside the section of the same
 * name), with the short name from the catalogue and the keyboard help as its description.
 */
export function markCanvas(canvas: HTMLElement, name: string, keysId: string): void {
  canvas.setAttribute("role", "application");
  canvas.setAttribute("aria-label", name);
  canvas.setAttribute("aria-describedby", keysId);
}
