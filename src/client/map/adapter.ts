// One small interface over MapLibre GL JS 6 and Mapbox GL JS 3, which share the parts used here
// (Map, Marker, Popup, GeoJSON sources, style layers). The library is self-hosted in /assets and
// loaded only now: MapLibre as an ES module, Mapbox GL (when a campaign asks for it) as a script.
import type { MapViewConfig } from "./config.js";

/* eslint-disable @typescript-eslint/no-explicit-any -- the two libraries' types differ in detail; only this file touches them. */
export type GlLibrary = any;
export type GlMap = any;

export async function loadLibrary(config: MapViewConfig): Promise<GlLibrary> {
  loadCss(config.library.css);
  if (config.library.module) {
    const module = await import(/* @vite-ignore */ config.library.js);
    const lib = module.default ?? module;
    if (config.library.worker) lib.setWorkerUrl?.(config.library.worker);
    // Start the worker now, while the map reads its style.
    lib.prewarm?.();
    return lib;
  }
  await new Promise<void>((resolve, reject) => {
    const script = document.createElement("script");
    script.src = config.library.js;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`${config.library.js} could not be loaded`));
    document.head.append(script);
  });
  const lib = (window as any).mapboxgl;
  if (config.accessToken) lib.accessToken = config.accessToken;
  return lib;
}

function loadCss(href: string): void {
  if (document.querySelector(`link[href="${href}"]`)) return;
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = href;
  document.head.append(link);
}

/** Whether the browser can draw the map at all (WebGL 2 for MapLibre 6, WebGL for Mapbox GL). */
export function canDrawMaps(): boolean {
  try {
    const canvas = document.createElement("canvas");
    return !!(canvas.getContext("webgl2") ?? canvas.getContext("webgl"));
  } catch {
    return false;
  }
}
