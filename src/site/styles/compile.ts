import path from "node:path";
import { packagePath } from "../../package-root.js";
import { cachedBytes, hashOf } from "../../build-cache.js";
import { StylesError } from "./errors.js";
import { writeFileAtomically } from "../../atomic-file.js";
import { contentHash, removeStale } from "./internal/write-asset.js";
import { fullMainCss, LIBRARY_VERSIONS, usedMainCss } from "./main-css.js";
import { minifyCss } from "./minify.js";
import { themeCss } from "./theme.js";

export interface CampaignStyleTheme {
  /** Campaign slug; pages of the campaign carry `data-campaign="<slug>"` on <html> or <body>. */
  slug: string;
  primary?: string;
  accent?: string;
}

export interface BuildStylesOptions {
  themes: CampaignStyleTheme[];
  /** Compressed output (default true); false gives readable CSS for debugging. */
  minify?: boolean;
  /** `@font-face` rules from `buildFonts()`, placed first in the stylesheet. */
  fontFaceCss?: string;
  /** The templates the pages are rendered from (a fork's, a test's); their classes are kept. Default: the package's. */
  templatesDir?: string;
  /** Every rule of KERN's compiled parts, also those no template uses: to compare against (tests) and debug. */
  keepUnusedRules?: boolean;
}

export interface BuiltStyles {
  /** Public path from the site root, e.g. `/assets/mitreden.4f2a9c1e.css`. */
  cssPath: string;
  bytes: number;
}

const STYLESHEET_FILE = /^mitreden\.[0-9a-f]{8}\.css$/;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Compiles src/site/styles/main.scss (our layout plus the KERN parts it names), keeps the rules
 * that the templates and scripts can use (purge.ts), adds the fonts and each campaign's colours,
 * minifies the lot (minify.ts) and writes `<outDir>/assets/mitreden.<hash>.css`.
 * The hash changes with the content, so the file can be cached forever.
 */
export async function buildStyles(outDir: string, opts: BuildStylesOptions): Promise<BuiltStyles> {
  const style = (opts.minify ?? true) ? "compressed" : "expanded";
  const main = opts.keepUnusedRules ? await fullMainCss() : await usedMainCss(opts.templatesDir ?? packagePath("templates"));
  // KERN's rules for .kern-light/.kern-dark islands stay only if some template or script uses them.
  const forcedSchemes = /\.kern-(light|dark)\b|data-kern-theme/.test(main.replace(/\/\*[\s\S]*?\*\//g, ""));
  const themes = opts.themes.map((theme) => themeCss(theme, `[data-campaign="${checkedSlug(theme.slug)}"]`, { forcedSchemes })).join("\n");
  const source = [opts.fontFaceCss ?? "", main, themes].filter((part) => part.trim()).join("\n");
  const key = `styles-${hashOf(style, LIBRARY_VERSIONS, source)}.css`;
  let css = (await cachedBytes(key, async () => Buffer.from(await minifyCss(source, { minify: style === "compressed" })))).toString("utf8");
  // Without a BOM or @charset, a CSS file is read in the page's encoding; say it.
  if (/[^\p{ASCII}]/u.test(css) && !css.startsWith("@charset")) css = `@charset "UTF-8";\n${css}`;
  if (!css.endsWith("\n")) css += "\n";

  const name = `mitreden.${contentHash(css)}.css`;
  const assetsDir = path.join(outDir, "assets");
  await writeFileAtomically(path.join(assetsDir, name), css);
  await removeStale(assetsDir, STYLESHEET_FILE, new Set([name]));
  return { cssPath: `/assets/${name}`, bytes: Buffer.byteLength(css) };
}

function checkedSlug(slug: string): string {
  if (!SLUG.test(slug)) {
    throw new StylesError(
      `buildStyles: campaign slug ${JSON.stringify(slug)} is not lower-case letters, digits and single hyphens.`,
    );
  }
  return slug;
}
