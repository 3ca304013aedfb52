// What the pages link to besides each other: the stylesheet (KERN + campaign colours), the font
// subset and the pictures. Made before the pages are rendered, so templates only print paths.
import path from "node:path";
import type { SiteModel } from "../campaign/model.js";
import { catalogueTexts, languageName, monthNames } from "../i18n/index.js";
import type { SiteAssets } from "../pages/assets.js";
import { copyImages, prepareImages } from "./images.js";
import { buildStyles } from "./styles/compile.js";
import { buildFonts } from "./styles/fonts.js";


export interface PrepareAssetsOptions {
  /** Where encoded images are kept between builds; default `.cache/mitreden/img` in the working directory. */
  cacheDir?: string;
  /** Compressed CSS (default true). */
  minify?: boolean;
}

/** Writes stylesheet, fonts and images into `outDir` and says where they are. */
export async function prepareAssets(model: SiteModel, outDir: string, options: PrepareAssetsOptions = {}): Promise<SiteAssets> {
  const cacheDir = options.cacheDir ?? path.resolve(".cache", "mitreden", "img");
  const [fonts, images] = await settled([buildFonts(outDir, siteText(model)), prepareImages(model, cacheDir)] as const);
  const [styles] = await settled([
    buildStyles(outDir, {
      themes: model.campaigns.map((c) => ({ slug: c.slug, primary: c.theme.primary, accent: c.theme.accent })),
      minify: options.minify ?? true,
      fontFaceCss: fonts.css,
    }),
    copyImages(images, outDir),
  ] as const);
  return { stylesheet: styles.cssPath, images };
}

/**
 * Like Promise.all, but waits for every task before failing: a task still writing into the
 * staging folder after the build has removed it would leave a half-written folder behind.
 */
async function settled<T extends readonly unknown[]>(tasks: T): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const results = await Promise.allSettled(tasks);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) throw failed.reason;
  return results.map((r) => (r as PromiseFulfilledResult<unknown>).value) as { -readonly [K in keyof T]: Awaited<T[K]> };
}

// Keys whose strings are never shown: paths, ids, colours, map data.
const HIDDEN_KEYS = new Set(["dir", "file", "src", "slug", "id", "area", "data", "center", "coordinates", "color", "theme", "accessToken", "style"]);

/**
 * Every character the site can show: campaign texts, the interface texts of the languages in
 * use (and English, the fallback), language names and month names. The font is subset to these.
 */
export function siteText(model: SiteModel): string {
  const parts: string[] = [];
  const walk = (value: unknown, key?: string): void => {
    if (key !== undefined && HIDDEN_KEYS.has(key)) return;
    if (typeof value === "string") parts.push(value);
    else if (Array.isArray(value)) value.forEach((item) => walk(item));
    else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  walk(model.campaigns);
  const locales = new Set([model.locale, "en", ...model.campaigns.flatMap((c) => c.locales)]);
  for (const locale of locales) {
    parts.push(...catalogueTexts(locale), languageName(locale), ...monthNames(locale));
  }
  return parts.join("\n");
}
