import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type * as Sass from "sass";
import { MissingPrerequisiteError } from "../../errors.js";
import { packagePath } from "../../package-root.js";
import { cachedBytes, hashFolder, hashOf } from "../../build-cache.js";
import { StylesError } from "./errors.js";
import { writeFileAtomically } from "../../atomic-file.js";
import { contentHash, removeStale } from "./internal/write-asset.js";
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
}

export interface BuiltStyles {
  /** Public path from the site root, e.g. `/assets/mitreden.4f2a9c1e.css`. */
  cssPath: string;
  bytes: number;
}

const STYLESHEET_FILE = /^mitreden\.[0-9a-f]{8}\.css$/;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Compiles src/site/styles/main.scss (our layout plus the KERN parts it names), adds the
 * fonts and each campaign's colours, and writes `<outDir>/assets/mitreden.<hash>.css`.
 * The hash changes with the content, so the file can be cached forever.
 */
export async function buildStyles(outDir: string, opts: BuildStylesOptions): Promise<BuiltStyles> {
  const style = (opts.minify ?? true) ? "compressed" : "expanded";

  const themes = opts.themes.map((theme) => themeCss(theme, `[data-campaign="${checkedSlug(theme.slug)}"]`)).join("\n");

  const main = await compileMain(style);

  // Font and theme CSS go through Sass too, only to be formatted like the rest.
  const format = (css: string) =>
    css.trim() ? (style === "compressed" ? css.replace(/\s*\n\s*/g, "").replace(/:\s+/g, ":") : css.trim()) : "";

  let css = [format(opts.fontFaceCss ?? ""), main, format(themes)].filter(Boolean).join("\n");
  css = dropUnusedPaletteTokens(css);
  // Without a BOM or @charset, a CSS file is read in the page's encoding; say it.
  if (/[^\p{ASCII}]/u.test(css)) css = `@charset "UTF-8";\n${css}`;
  css += "\n";

  const name = `mitreden.${contentHash(css)}.css`;
  const assetsDir = path.join(outDir, "assets");
  await writeFileAtomically(path.join(assetsDir, name), css);
  await removeStale(assetsDir, STYLESHEET_FILE, new Set([name]));
  return { cssPath: `/assets/${name}`, bytes: Buffer.byteLength(css) };
}

// The installed Sass's version is part of the cache key (its package.json is not exported, so read it beside its entry).
const SASS_VERSION = readFileSync(path.join(path.dirname(createRequire(import.meta.url).resolve("sass")), "package.json"), "utf8");

async function compileMain(style: "compressed" | "expanded"): Promise<string> {
  const entry = packagePath("src", "site", "styles", "main.scss");
  const kernVersion = JSON.parse(await readFile(path.join(kernLoadPath(), "@kern-ux", "native", "package.json"), "utf8").catch(() => "{}")).version ?? "";
  const key = `main-${hashOf(style, SASS_VERSION, String(kernVersion), await hashFolder(path.dirname(entry)))}.css`;
  return (await cachedBytes(key, async () => Buffer.from(await compileMainUncached(entry, style)))).toString("utf8");
}

async function compileMainUncached(entry: string, style: "compressed" | "expanded"): Promise<string> {
  try {
    // Sass takes half a second to load; only a cache miss needs it.
    const sass: typeof Sass = await import("sass");
    const result = await sass.compileAsync(entry, {
      loadPaths: [kernLoadPath()],
      style,
      charset: false,
      quietDeps: true,
    });
    return result.css;
  } catch (error) {
    if (error instanceof MissingPrerequisiteError) throw error;
    throw new StylesError(`Could not compile the stylesheet ${entry}: ${describe(error)}`, { cause: error });
  }
}

/**
 * The folder that contains `@kern-ux/native`, so main.scss can say
 * `@use "@kern-ux/native/src/scss/…"` wherever npm put the package.
 */
function kernLoadPath(): string {
  const require = createRequire(import.meta.url);
  try {
    // …/node_modules/@kern-ux/native/package.json → …/node_modules
    return path.resolve(path.dirname(require.resolve("@kern-ux/native/package.json")), "..", "..");
  } catch (error) {
    throw new MissingPrerequisiteError(
      "Cannot find @kern-ux/native, which provides the KERN styles. Run `npm install`.",
      {
        cause: error,
      },
    );
  }
}

/**
 * KERN declares all of its palettes (~300 `--kern-color-<hue>-<shade>` primitives);
 * the semantic tokens use about a tenth of them. Primitives nothing refers to are
 * dropped. Templates should use the semantic tokens anyway, as KERN asks.
 */
function dropUnusedPaletteTokens(css: string): string {
  const used = new Set([...css.matchAll(/var\(\s*(--[\w-]+)/g)].map((match) => match[1]));
  return css.replace(/(\s*)(--kern-color-[a-z0-9-]+-\d{3})\s*:[^;{}]*;?/g, (declaration, _space, name: string) =>
    used.has(name) ? declaration : "",
  );
}

function checkedSlug(slug: string): string {
  if (!SLUG.test(slug)) {
    throw new StylesError(
      `buildStyles: campaign slug ${JSON.stringify(slug)} is not lower-case letters, digits and single hyphens.`,
    );
  }
  return slug;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
