// The map's background (docs/adr/015-self-hosted-basemap.md): the style the build wrote into the
// site (tiles and glyphs on the same origin; a PMTiles archive read with HTTP range requests), a
// third-party style a campaign configured, or — without one, or when it fails — a plain background
// under the area and layers.
import type { GlLibrary } from "./adapter.js";
import type { MapViewConfig } from "./config.js";

const PLAIN = { version: 8, sources: {}, layers: [{ id: "background", type: "background", paint: { "background-color": "#f3f1ec" } }] };

/* eslint-disable @typescript-eslint/no-explicit-any -- style JSON is whatever the style file holds; only URLs are touched. */
type Style = Record<string, any>;

export async function basemapStyle(lib: GlLibrary, config: MapViewConfig): Promise<{ style: unknown; failed: boolean }> {
  const basemap = config.basemap;
  if (!basemap) return { style: PLAIN, failed: false };
  // Mapbox GL resolves its own mapbox:// styles (and needs the token for them).
  if (basemap.style.startsWith("mapbox://")) return { style: basemap.style, failed: false };
  try {
    if (basemap.pmtiles) await registerPmtiles(lib, basemap.pmtiles);
    const response = await fetch(basemap.style);
    if (!response.ok) throw new Error(`${basemap.style}: ${response.status}`);
    return { style: withAbsoluteUrls((await response.json()) as Style, response.url), failed: false };
  } catch (error) {
    console.warn("mitreden map:", error);
    return { style: PLAIN, failed: true };
  }
}

let pmtiles: Promise<void> | undefined;

/** Lets MapLibre read `pmtiles://` sources: tiles come out of one archive by HTTP range requests. */
function registerPmtiles(lib: GlLibrary, module: string): Promise<void> {
  // Mapbox GL has no addProtocol; validation refuses "renderer": "mapbox" with a PMTiles basemap.
  if (typeof lib.addProtocol !== "function") throw new Error("this map library cannot read PMTiles archives");
  pmtiles ??= import(/* @vite-ignore */ module).then(({ Protocol }: { Protocol: new () => { tile: unknown } }) => {
    lib.addProtocol("pmtiles", new Protocol().tile);
  });
  return pmtiles;
}

/**
 * The style's URLs resolved against the style file. The renderers fetch tiles in a worker, and
 * Mapbox GL's worker runs from a blob: URL, where "/assets/…" means nothing.
 */
function withAbsoluteUrls(style: Style, base: string): Style {
  const absolute = (url: string): string => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith("pmtiles://")) return url;
    if (url.startsWith("pmtiles://")) return `pmtiles://${absolute(url.slice("pmtiles://".length))}`;
    // {z}, {fontstack} and friends must survive the URL parser, which would escape the braces.
    return new URL(url, base).href.replace(/%7B/g, "{").replace(/%7D/g, "}");
  };
  const sources: Record<string, Style> = {};
  for (const [id, source] of Object.entries((style.sources ?? {}) as Record<string, Style>)) {
    sources[id] = {
      ...source,
      ...(typeof source.url === "string" ? { url: absolute(source.url) } : {}),
      ...(Array.isArray(source.tiles) ? { tiles: source.tiles.map((t: string) => absolute(t)) } : {}),
      ...(typeof source.data === "string" ? { data: absolute(source.data) } : {}),
    };
  }
  const sprite = style.sprite;
  return {
    ...style,
    sources,
    ...(typeof style.glyphs === "string" ? { glyphs: absolute(style.glyphs) } : {}),
    ...(typeof sprite === "string" ? { sprite: absolute(sprite) } : Array.isArray(sprite) ? { sprite: sprite.map((s: Style) => ({ ...s, url: absolute(s.url) })) } : {}),
  };
}
