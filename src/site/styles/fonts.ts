import { mkdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { MissingPrerequisiteError } from "../../errors.js";
import { packagePath } from "../../package-root.js";
import { cachedBytes, hashOf } from "../../build-cache.js";
import { StylesError } from "./errors.js";
import { subsetOffThread } from "./subset-thread.js";
import { writeFileAtomically } from "../../atomic-file.js";
import { contentHash, removeStale } from "./internal/write-asset.js";

/** One subset font file written by {@link buildFonts}. */
export interface FontFile {
  weight: number;
  style: "normal" | "italic";
  /**
   * "text": the characters of the sites' text and all of ASCII, fetched by every page that sets
   * text in this face. "rest": the other characters of {@link BASE_CHARACTERS}, fetched only
   * when a page shows one of them (text typed into a form, a citizen's map contribution).
   */
  part: "text" | "rest";
  /** The `unicode-range` of its `@font-face`, e.g. `U+20-7E,U+C4,U+D6`. */
  unicodeRange: string;
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
  /** Public path of the body text's file (400 normal, "text"), for `<link rel="preload">`. */
  preload: string;
}

/**
 * The faces the pages use. KERN's type scale asks for 400 (body text, subtle labels), 500 (the
 * "balanced" display and x-large headings: every page's <h1>) and 600 (headings, labels, strong
 * text). The 500 face cost every page 18 KB for its one heading, so _base.scss sets the balanced
 * headings in 600 like every other heading. KERN never uses 700, so <strong> is 600 as well.
 * Italic 400 is for <em> in Markdown and the survey's condition hints; bold italic (rare: <em>
 * inside a heading or <strong>) is left to the browser's synthesis, on purpose (FONT_SYNTHESIS).
 */
export const FACES: readonly { file: string; weight: number; style: "normal" | "italic" }[] = [
  { file: "FiraSans-Regular.woff2", weight: 400, style: "normal" },
  { file: "FiraSans-Italic.woff2", weight: 400, style: "italic" },
  { file: "FiraSans-SemiBold.woff2", weight: 600, style: "normal" },
];

/** Weight and style pairs without a face of their own that the browser may synthesize. */
export const FONT_SYNTHESIS: readonly { weight: number; style: "italic" }[] = [{ weight: 600, style: "italic" }];

/** Printable ASCII: always in the "text" file, as people type it into forms. */
const ASCII = range(0x20, 0x7e);

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

const FONT_FILE = /^fira-sans-\d{3}-(normal|italic)(-rest)?\.[0-9a-f]{8}\.woff2$/;

/**
 * Subsets KERN's Fira Sans to the characters of `text` (all the sites' visible text) and
 * ASCII, plus a second file per face with the rest of {@link BASE_CHARACTERS}, each under its
 * `unicode-range`; writes the woff2 files to `<outDir>/assets/fonts/` and returns their
 * `@font-face` rules. A page fetches the second file only when it shows a character that only
 * it has (text typed into a form, a citizen's map contribution): its rule comes first, so where
 * the ranges overlap the browser takes the "text" file (CSS Fonts 4, unicode-range matching).
 * KERN's own font CSS is never used: it would point at the full 130 KB files.
 */
export async function buildFonts(outDir: string, text: string): Promise<BuiltFonts> {
  const sourceDir = kernFontDir();
  const parts = [
    { part: "rest" as const, characters: REST_CHARACTERS },
    { part: "text" as const, characters: withoutMissing(uniqueCharacters(ASCII + text)) },
  ];
  const fontsDir = path.join(outDir, "assets", "fonts");

  const files = await Promise.all(
    FACES.flatMap((face) =>
      parts.map(async ({ part, characters }): Promise<FontFile> => {
        const subset = await subsetFace(path.join(sourceDir, face.file), characters);
        const name = `fira-sans-${face.weight}-${face.style}${part === "rest" ? "-rest" : ""}.${contentHash(subset)}.woff2`;
        await writeFileAtomically(path.join(fontsDir, name), subset);
        return { weight: face.weight, style: face.style, part, unicodeRange: unicodeRange(characters), path: `/assets/fonts/${name}`, bytes: subset.byteLength };
      }),
    ),
  );

  await removeStale(fontsDir, FONT_FILE, new Set(files.map((file) => path.posix.basename(file.path))));
  const body = files.find((file) => file.weight === 400 && file.style === "normal" && file.part === "text")!;
  return { files, css: files.map(fontFace).join("\n"), preload: body.path };
}

/**
 * Characters of {@link BASE_CHARACTERS} that KERN's Fira Sans has no glyph for (checked by
 * test/unit/fonts.test.ts). They stay out of every unicode-range: a browser that finds a character
 * in a face's range but not in its file goes on to the next face that lists it, and would fetch
 * the "rest" file for a no-break hyphen it does not have either.
 */
export const NOT_IN_FIRA = "\u2010\u2011\u202f";

const withoutMissing = (characters: string) => [...characters].filter((c) => !NOT_IN_FIRA.includes(c)).join("");

/** The "rest" files' characters: the same for every site, so `npm run build:ts` makes them ahead of time. */
const REST_CHARACTERS = withoutMissing(uniqueCharacters(BASE_CHARACTERS.replace(/[\x20-\x7e]/g, "")));
const PRECOMPILED_DIR = packagePath("dist", "site", "styles", "fonts");

/** Writes the faces' "rest" files into dist/ (for scripts/precompile-styles.mjs); returns how many were new. */
export async function writePrecompiledFonts(): Promise<number> {
  const sourceDir = kernFontDir();
  await mkdir(PRECOMPILED_DIR, { recursive: true });
  const made = await Promise.all(
    FACES.map(async (face) => {
      const { key, original } = await subsetKey(path.join(sourceDir, face.file), REST_CHARACTERS);
      const file = path.join(PRECOMPILED_DIR, key);
      if (await readFile(file).then(() => true, () => false)) return { key, made: 0 };
      await writeFileAtomically(file, await subset(original, REST_CHARACTERS));
      return { key, made: 1 };
    }),
  );
  await removeStale(PRECOMPILED_DIR, /^font-[0-9a-f]{16}\.woff2$/, new Set(made.map((m) => m.key)));
  return made.reduce((sum, m) => sum + m.made, 0);
}

async function subsetFace(source: string, characters: string): Promise<Buffer> {
  try {
    const { key, original } = await subsetKey(source, characters);
    // The build cache, else the package's precompiled file, else harfbuzz and woff2 (~0.3 s of CPU each).
    return await cachedBytes(key, async () => (await readFile(path.join(PRECOMPILED_DIR, key)).catch(() => undefined)) ?? subset(original, characters));
  } catch (error) {
    throw new StylesError(`Could not subset the font ${source}: ${String(error)}. Reinstall @kern-ux/native.`, {
      cause: error,
    });
  }
}

async function subsetKey(source: string, characters: string): Promise<{ key: string; original: Buffer }> {
  const original = await readFile(source);
  return { key: `font-${hashOf(original, characters, LAYOUT_FEATURES.join(","))}.woff2`, original };
}

function subset(original: Buffer, characters: string): Promise<Buffer> {
  return subsetOffThread(original, characters, LAYOUT_FEATURES);
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
    `  unicode-range: ${file.unicodeRange};`,
    "}",
  ].join("\n");
}

/** `U+20-7E,U+C4,…`: the code points of `characters` as ranges. */
export function unicodeRange(characters: string): string {
  const points = [...new Set([...characters].map((c) => c.codePointAt(0)!))].sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let i = 0; i < points.length; ) {
    let j = i;
    while (j + 1 < points.length && points[j + 1] === points[j]! + 1) j++;
    const hex = (n: number) => n.toString(16).toUpperCase();
    ranges.push(i === j ? `U+${hex(points[i]!)}` : `U+${hex(points[i]!)}-${hex(points[j]!)}`);
    i = j + 1;
  }
  return ranges.join(",");
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
