// What the pages link to besides each other: the stylesheet (KERN + campaign colours), the font
// subset and the pictures. Made before the pages are rendered, so templates only print paths.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { SiteModel } from "../campaign/model.js";
import { catalogueTexts, languageName, monthNames } from "../i18n/index.js";
import type { SiteAssets } from "../pages/assets.js";
import { copyImages, prepareImages } from "./images.js";
import { buildStyles } from "./styles/compile.js";
import { buildFonts } from "./styles/fonts.js";
import { packagePath } from "../package-root.js";
import { allSettled } from "../parallel.js";


export interface PrepareAssetsOptions {
  /** Where encoded images are kept between builds; default `.cache/mitreden/img` in the working directory. */
  cacheDir?: string;
  /** Compressed CSS (default true). */
  minify?: boolean;
  /** The templates the pages are rendered from; the stylesheet keeps the classes they use. Default: the package's. */
  templatesDir?: string;
  /** After each picture, for progress output. */
  onPicture?: (done: number, total: number) => void;
}

/** Writes stylesheet, fonts and images into `outDir` and says where they are. */
export async function prepareAssets(model: SiteModel, outDir: string, options: PrepareAssetsOptions = {}): Promise<SiteAssets> {
  const cacheDir = options.cacheDir ?? path.resolve(".cache", "mitreden", "img");
  const text = siteText(model) + (await templateText(options.templatesDir ?? packagePath("templates"))) + WRITTEN_BY_CODE;
  const [fonts, images] = await allSettled([buildFonts(outDir, text), prepareImages(model, cacheDir, options.onPicture)] as const);
  const [styles] = await allSettled([
    buildStyles(outDir, {
      themes: model.campaigns.map((c) => ({ slug: c.slug, primary: c.theme.primary, accent: c.theme.accent })),
      minify: options.minify ?? true,
      fontFaceCss: fonts.css,
      templatesDir: options.templatesDir,
    }),
    copyImages(images, outDir),
  ] as const);
  return { stylesheet: styles.cssPath, fontPreload: fonts.preload, images };
}

/**
 * Characters the code puts into pages besides the texts: no-break spaces and hyphens in phone
 * numbers (the phoneText filter), and the narrow no-break space of times formatted by Intl
 * (the font has no glyph for the last two; buildFonts leaves such characters to the fallback font).
 */
const WRITTEN_BY_CODE = "\u00a0\u2011\u202f";

/** What the templates say themselves (separators, arrows, quotes): read as text, markup and all. */
async function templateText(templatesDir: string): Promise<string> {
  const names = (await readdir(templatesDir, { recursive: true }).catch(() => [] as string[])).map(String).filter((name) => name.endsWith(".njk"));
  const texts = await Promise.all(names.map((name) => readFile(path.join(templatesDir, name), "utf8")));
  // Only what is beyond ASCII matters: ASCII is always in the font.
  return texts.join("").replace(/[ -~\t\n\r]+/g, "");
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
