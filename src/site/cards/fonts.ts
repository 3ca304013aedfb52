// Satori draws text with the fonts it is handed. KERN ships Fira Sans as woff2 only; decompressing
// woff2 for every build costs ~100 ms per face, so each face is converted to TrueType once and kept
// in the cache folder, keyed by the hash of the woff2 it came from (a KERN update converts anew).
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { MissingPrerequisiteError } from "../../errors.js";
import { writeFileAtomically } from "../../atomic-file.js";
import { readCached } from "./internal/cache-files.js";

export type CardFontWeight = 400 | 600;

export interface CardFont {
  name: "Fira Sans";
  weight: CardFontWeight;
  style: "normal";
  data: Buffer;
}

const FACES: Record<CardFontWeight, string> = { 400: "FiraSans-Regular.woff2", 600: "FiraSans-SemiBold.woff2" };

/**
 * Every script Fira Sans covers and a city's campaign may use: Latin (with Extended-A/B and
 * Vietnamese), Greek, Cyrillic, general punctuation, currency, letterlike symbols and arrows.
 * Subsetting to these, rather than to this build's text, keeps the file (and the cache key) stable.
 */
const CHARACTER_RANGES: [number, number][] = [
  [0x20, 0x7e], [0xa0, 0x24f], [0x2b0, 0x2ff], [0x300, 0x36f], [0x370, 0x3ff], [0x400, 0x52f],
  [0x1e00, 0x1eff], [0x2000, 0x206f], [0x20a0, 0x20cf], [0x2100, 0x214f], [0x2190, 0x21ff],
];
const CHARACTERS = CHARACTER_RANGES.map(([from, to]) =>
  Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i)).join(""),
).join("");

const loaded = new Map<string, Promise<CardFont[]>>();

/** The card faces as TrueType, converted once per cache folder and then read from it. */
export function cardFonts(cacheDir: string): Promise<CardFont[]> {
  let fonts = loaded.get(cacheDir);
  if (!fonts) {
    fonts = Promise.all(
      ([400, 600] as const).map(async (weight): Promise<CardFont> => ({
        name: "Fira Sans",
        weight,
        style: "normal",
        data: await trueType(cacheDir, FACES[weight]),
      })),
    );
    // A failed conversion must not poison later builds in the same process (a watch session).
    fonts.catch(() => loaded.delete(cacheDir));
    loaded.set(cacheDir, fonts);
  }
  return fonts;
}

async function trueType(cacheDir: string, file: string): Promise<Buffer> {
  const source = path.join(kernFontDir(), file);
  const woff2 = await readFile(source);
  const key = createHash("sha256").update(woff2).digest("hex").slice(0, 16);
  const cacheFile = path.join(cacheDir, "fonts", `${path.basename(file, ".woff2")}.${key}.ttf`);
  const cached = await readCached(cacheFile);
  if (cached) return cached;
  const ttf = await (await import("subset-font")).default(woff2, CHARACTERS, {
    targetFormat: "truetype",
    // Kerning and ligatures make the card's type look like the site's; the rest only adds bytes.
    keepFeatures: ["kern", "liga", "calt", "ccmp", "locl", "mark", "mkmk", "lnum", "pnum"],
  });
  await writeFileAtomically(cacheFile, ttf);
  return ttf;
}

function kernFontDir(): string {
  const require = createRequire(import.meta.url);
  try {
    return path.join(path.dirname(require.resolve("@kern-ux/native/package.json")), "dist", "fonts", "fira-sans");
  } catch (error) {
    throw new MissingPrerequisiteError(
      "Share cards need the Fira Sans fonts of @kern-ux/native, which is not installed. Run `npm install`.",
      { cause: error },
    );
  }
}
