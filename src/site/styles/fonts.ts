import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { MissingPrerequisiteError } from "../../errors.js";
import { cachedBytes, hashOf } from "../../build-cache.js";
import { StylesError } from "./errors.js";
import { writeFileAtomically } from "../../atomic-file.js";
import { contentHash, removeStale } from "./internal/write-asset.js";

/** One subset font file written by {@link buildFonts}. */
export interface FontFile {
  weight: number;
  style: "normal" | "italic";
  /** Public path from the site root, e.g. `/assets/fonts/fira-sans-400-normal.1a2b3c4d.woff2`. */
  path: string;
  bytes: number;
}

export interface BuiltFonts {
  files: FontFile[];
  /**
   * `@font-face` rules with `url()`s relative to `/assets/` (where the stylesheet lives),
   * so the site still works under a path prefix. Hand it to `buildStyles({ fontFaceCss })`.
   */
  css: string;
}

/**
 * The faces KERN's typography asks for: 400 body text and subtle labels, 500 display
 * headings and sublines, 600 headings, labels and strong text. KERN never uses 700, so
 * <strong> is set to 600 in our base styles instead of shipping a fourth upright weight.
 * Italic 400 is for <em> in Markdown bodies.
 */
const FACES: readonly { file: string; weight: number; style: "normal" | "italic" }[] = [
  { file: "FiraSans-Regular.woff2", weight: 400, style: "normal" },
  { file: "FiraSans-Italic.woff2", weight: 400, style: "italic" },
  { file: "FiraSans-Medium.woff2", weight: 500, style: "normal" },
  { file: "FiraSans-SemiBold.woff2", weight: 600, style: "normal" },
];

/**
 * Characters every site gets, whatever its campaigns say: Basic Latin, Latin-1
 * Supplement (umlauts, ß, no-break space, «»), German quotes and dashes, the euro sign,
 * ẞ, the arrows and bullets the templates use, and the spaces and minus sign that
 * `Intl` puts into formatted numbers and dates.
 */
export const BASE_CHARACTERS = range(0x20, 0x7e) + range(0xa0, 0xff) + "„“”‚‘’‹›–—…€·•ẞ←→↑↓‐‑−\u202f";

/**
 * Only the shaping features browsers apply by default (plus figure styles for tables).
 * Keeping all of Fira's features pulls small caps, fractions and old-style figures of
 * every character into the subset and makes each file ~45 % larger.
 */
const LAYOUT_FEATURES = "ccmp locl mark mkmk rlig calt clig liga kern rclt rvrn lnum pnum tnum".split(" ");

const FONT_FILE = /^fira-sans-\d{3}-(normal|italic)\.[0-9a-f]{8}\.woff2$/;

/**
 * Subsets KERN's Fira Sans to the characters of `text` (all the sites' visible text)
 * plus {@link BASE_CHARACTERS}, writes the woff2 files to `<outDir>/assets/fonts/` and
 * returns their `@font-face` rules. KERN's own font CSS is never used: it would point
 * at the full 130 KB files.
 */
export async function buildFonts(outDir: string, text: string): Promise<BuiltFonts> {
  const sourceDir = kernFontDir();
  const characters = uniqueCharacters(BASE_CHARACTERS + text);
  const fontsDir = path.join(outDir, "assets", "fonts");

  const files = await Promise.all(
    FACES.map(async (face): Promise<FontFile> => {
      const source = path.join(sourceDir, face.file);
      let subset: Buffer;
      try {
        const original = await readFile(source);
        const key = `font-${hashOf(original, characters, LAYOUT_FEATURES.join(","))}.woff2`;
        subset = await cachedBytes(key, () =>
          import("subset-font").then(({ default: subsetFont }) => subsetFont(original, characters, { targetFormat: "woff2", keepFeatures: LAYOUT_FEATURES })),
        );
      } catch (error) {
        throw new StylesError(`Could not subset the font ${source}: ${String(error)}. Reinstall @kern-ux/native.`, {
          cause: error,
        });
      }
      const name = `fira-sans-${face.weight}-${face.style}.${contentHash(subset)}.woff2`;
      await writeFileAtomically(path.join(fontsDir, name), subset);
      return { weight: face.weight, style: face.style, path: `/assets/fonts/${name}`, bytes: subset.byteLength };
    }),
  );

  await removeStale(fontsDir, FONT_FILE, new Set(files.map((file) => path.posix.basename(file.path))));
  return { files, css: files.map(fontFace).join("\n") };
}

function fontFace(file: FontFile): string {
  return [
    "@font-face {",
    '  font-family: "Fira Sans";',
    `  font-style: ${file.style};`,
    `  font-weight: ${file.weight};`,
    // Text shows at once in the fallback font and swaps when the subset arrives.
    "  font-display: swap;",
    `  src: url("fonts/${path.posix.basename(file.path)}") format("woff2");`,
    "}",
  ].join("\n");
}

/** Folder of KERN's Fira Sans woff2 files (also the source of the map's glyphs, src/site/basemap/glyphs.ts). */
export function kernFontDir(): string {
  const require = createRequire(import.meta.url);
  let kernPackageJson: string;
  try {
    kernPackageJson = require.resolve("@kern-ux/native/package.json");
  } catch (error) {
    throw new MissingPrerequisiteError(
      "Cannot find @kern-ux/native, which provides the Fira Sans fonts. Run `npm install`.",
      {
        cause: error,
      },
    );
  }
  return path.join(path.dirname(kernPackageJson), "dist", "fonts", "fira-sans");
}

function uniqueCharacters(text: string): string {
  // Control characters have no glyphs; dropping them keeps the subset deterministic.
  return [...new Set(text.replace(/[\p{Cc}]/gu, ""))].sort().join("");
}

function range(from: number, to: number): string {
  let out = "";
  for (let code = from; code <= to; code++) out += String.fromCodePoint(code);
  return out;
}
