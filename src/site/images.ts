// Campaign pictures → responsive AVIF/WebP/JPEG (or PNG when transparent) under /assets/img/.
// All images of the model are known before rendering, so they are encoded here, once, and the
// templates' `image` filter only prints <picture> markup. eleventy-img writes into a cache folder
// that survives builds (its file names hash the image's content and the options), so an unchanged
// picture is never encoded again; the build then copies what the site uses into the output.
import { copyFile, mkdir, stat } from "node:fs/promises";
import path from "node:path";
import type Image from "@11ty/eleventy-img";
import type { CampaignModel, ImageModel, SiteModel } from "../campaign/model.js";
import { MitredenError } from "../errors.js";
import type { ImageAsset } from "../pages/picture.js";

export type ImageAssets = Map<string, ImageAsset>;

export class ImageProcessingError extends MitredenError {}

export const IMAGE_URL_PATH = "/assets/img/";
/**
 * Content images, for what the templates' `sizes` ask (hero and index cards at most 36rem,
 * info images at most 46rem on wide screens; 100vw below 48em/62em): 640 for wide screens at
 * 1×, 960 for phones at 2× (360–480 CSS px) and tablets, 1280 for phones at 3× (≤ 430 CSS px)
 * and wide screens at 2×. Never upscaled. Each width is encoded three times (AVIF, WebP, JPEG),
 * so a width nobody's screen picks costs build time for nothing (ADR 013).
 */
const CONTENT_WIDTHS = [640, 960, 1280];
/** Logos sit in the header at about 48 CSS px high. */
const LOGO_WIDTHS = [160, 320];

/** Every picture a campaign shows: the organization's logo, the hero, info page images. */
export function imagesOf(campaign: CampaignModel): { image: ImageModel; role: "logo" | "content" }[] {
  const found: { image: ImageModel; role: "logo" | "content" }[] = [];
  if (campaign.organization.logo) found.push({ image: campaign.organization.logo, role: "logo" });
  if (campaign.hero) found.push({ image: campaign.hero, role: "content" });
  for (const page of campaign.pages) if (page.type === "info" && page.image) found.push({ image: page.image, role: "content" });
  return found;
}

/** Encodes (or finds in `cacheDir`) every image of the model; `onImage` counts them for progress output. */
export async function prepareImages(model: SiteModel, cacheDir: string, onImage?: (done: number, total: number) => void): Promise<ImageAssets> {
  const wanted = new Map<string, "logo" | "content">();
  for (const campaign of model.campaigns) {
    for (const { image, role } of imagesOf(campaign)) if (!wanted.has(image.file)) wanted.set(image.file, role);
  }
  const assets: ImageAssets = new Map();
  await Promise.all(
    [...wanted].map(async ([file, role]) => {
      assets.set(file, await prepareImage(file, role, cacheDir));
      onImage?.(assets.size, wanted.size);
    }),
  );
  return assets;
}

// eleventy-img's own in-memory cache misses on a second call with equal options (it changes the
// options object it is given), and its memo of which files exist then says "not yet": a long-running
// `mitreden serve` would encode every picture again on each rebuild. So remember results here,
// keyed by what would change the output.
const prepared = new Map<string, Promise<ImageAsset>>();

async function prepareImage(file: string, role: "logo" | "content", cacheDir: string): Promise<ImageAsset> {
  const { size, mtimeMs } = await stat(file);
  const key = JSON.stringify([file, size, mtimeMs, role, cacheDir]);
  let asset = prepared.get(key);
  if (!asset) {
    asset = encodeImage(file, role, cacheDir);
    prepared.set(key, asset);
    asset.catch(() => prepared.delete(key));
  }
  return asset;
}

async function encodeImage(file: string, role: "logo" | "content", cacheDir: string): Promise<ImageAsset> {
  const svg = path.extname(file).toLowerCase() === ".svg";
  try {
    // A transparent picture needs PNG as its fallback; JPEG would paint the transparency black.
    // Loaded only when a picture is encoded: sharp and eleventy-img take ~0.2 s to load, and most
    // builds find every picture in the cache or have none.
    const [{ default: sharp }, { default: Image }] = await Promise.all([import("sharp"), import("@11ty/eleventy-img")]);
    const transparent = !svg && (await sharp(file).metadata()).hasAlpha === true;
    const fallbackFormat = svg ? "svg" : transparent ? "png" : "jpeg";
    const metadata = await Image(file, {
      widths: svg ? ["auto"] : role === "logo" ? LOGO_WIDTHS : CONTENT_WIDTHS,
      // SVG stays SVG: sharper and usually smaller than any raster copy.
      formats: svg ? ["svg"] : ["avif", "webp", fallbackFormat],
      outputDir: cacheDir,
      urlPath: IMAGE_URL_PATH,
      svgShortCircuit: false,
      // AVIF is most of the encoding time. Effort 0 needs a quarter of the CPU time of effort 1
      // (a 1600×900 photo at 640/960/1280 px: 245 ms instead of 1,000 ms) for files about 20 %
      // larger, still a third smaller than WebP; sharp's default, 4, is slower again. A city's first
      // build and every CI run on a cold cache pay this per picture (issue 16: cold build < 8 s).
      sharpAvifOptions: { effort: 0 },
      // WebP at effort 2 instead of sharp's 4: 45 % less CPU time for files 4 % larger (the
      // examples' three photos at the three widths: 460 ms instead of 817 ms, 417 KB instead of 401 KB).
      sharpWebpOptions: { effort: 2 },
    });
    return toAsset(file, metadata, fallbackFormat);
  } catch (error) {
    throw new ImageProcessingError(
      `Could not process the image ${file}: ${(error as Error).message}. Check that it is a valid JPEG, PNG, WebP, AVIF, GIF or SVG file.`,
      { cause: error },
    );
  }
}

function toAsset(file: string, metadata: Image.Metadata, fallbackFormat: string): ImageAsset {
  const fallback = metadata[fallbackFormat] ?? [];
  const largest = fallback[fallback.length - 1];
  if (!largest) throw new Error(`no ${fallbackFormat} output`);
  const srcset = (entries: Image.Entry[]) => entries.map((e) => e.srcset).join(", ");
  const sources = Object.entries(metadata)
    .filter(([format, entries]) => format !== fallbackFormat && entries.length > 0)
    .map(([, entries]) => ({ type: entries[0]!.sourceType, srcset: srcset(entries) }));
  return {
    file,
    width: largest.width,
    height: largest.height,
    sources,
    fallback: { src: largest.url, srcset: srcset(fallback), type: largest.sourceType },
    files: Object.values(metadata)
      .flat()
      .map((e) => ({ cached: e.outputPath, url: e.url })),
  };
}

/** Copies the renditions the site uses from the cache into `outDir`. */
export async function copyImages(assets: ImageAssets, outDir: string): Promise<void> {
  const target = path.join(outDir, ...IMAGE_URL_PATH.split("/").filter(Boolean));
  await mkdir(target, { recursive: true });
  const files = new Map([...assets.values()].flatMap((asset) => (asset.files ?? []).map((f) => [f.url, f.cached] as const)));
  await Promise.all([...files].map(([url, cached]) => copyFile(cached, path.join(outDir, ...url.split("/").filter(Boolean)))));
}
