// What the pages link to besides each other: the stylesheet and the campaign pictures. Made by the
// build (src/site/assets.ts) and written next to the site as a small manifest, so the collector's
// pages, rendered at request time, wear the same stylesheet and logo as the site they belong to.
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { ImageAsset } from "./picture.js";

export interface SiteAssets {
  /** Root-relative URL of the stylesheet, e.g. /assets/mitreden.4f2a9c1e.css; "" when unknown. */
  stylesheet: string;
  /** Root-relative URL of the body text's font file, which every page preloads; absent when none was made. */
  fontPreload?: string;
  /** Each campaign picture by its source file. */
  images: Map<string, ImageAsset>;
}

/** Inside the built site; public like every other file there (it holds only URLs and sizes). */
export const ASSETS_MANIFEST = "assets/mitreden-assets.json";

/**
 * The manifest's text: the assets without the build's cache paths, pictures named relative to the
 * working directory (a city builds and collects from its repository's root, maybe on two machines).
 * Sorted by file: pictures are encoded side by side and finish in any order, the same site gives
 * the same manifest.
 */
export function assetsManifest(assets: SiteAssets): string {
  const images = [...assets.images.values()]
    .map(({ files: _files, ...image }) => ({ ...image, file: path.relative(process.cwd(), image.file) }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return JSON.stringify({ stylesheet: assets.stylesheet, fontPreload: assets.fontPreload, images });
}

const read = new Map<string, { mtimeMs: number; assets: SiteAssets }>();

/** The assets of the site built in `siteDir`, read again when a rebuild replaced them; undefined without a built site. */
export function readSiteAssets(siteDir: string): SiteAssets | undefined {
  const file = path.join(siteDir, ASSETS_MANIFEST);
  let mtimeMs: number;
  try {
    mtimeMs = statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
  const known = read.get(file);
  if (known?.mtimeMs === mtimeMs) return known.assets;
  const data = JSON.parse(readFileSync(file, "utf8")) as { stylesheet: string; fontPreload?: string; images: ImageAsset[] };
  const images = data.images.map((image) => ({ ...image, file: path.resolve(image.file) }));
  const assets: SiteAssets = { stylesheet: data.stylesheet, fontPreload: data.fontPreload, images: new Map(images.map((image) => [image.file, image])) };
  read.set(file, { mtimeMs, assets });
  return assets;
}
