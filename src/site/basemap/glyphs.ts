// The map's text glyphs, made at build time from the Fira Sans that KERN ships and the site already
// uses (docs/adr/015-self-hosted-basemap.md): one protobuf file per font and block of 256 code
// points, as MapLibre and Mapbox GL request them (`{fontstack}/{start}-{end}.pbf`). Nothing is
// downloaded, and a basemap whose labels are known (the city's GeoJSON) gets only their characters.
import { createRequire } from "node:module";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { cachedBytes, hashOf } from "../../build-cache.js";
import { MissingPrerequisiteError } from "../../errors.js";
import { kernFontDir } from "../styles/fonts.js";
import { OFL_1_1 } from "./font-licence.js";
import { GLYPH_SIZE, glyphSdf, type OutlineCommand } from "./sdf.js";

/** The three faces map labels use; the id is the style's `text-font` and the folder name. */
export const MAP_FONTS = {
  regular: { stack: "fira-sans-regular", file: "FiraSans-Regular.woff2" },
  medium: { stack: "fira-sans-medium", file: "FiraSans-Medium.woff2" },
  italic: { stack: "fira-sans-italic", file: "FiraSans-Italic.woff2" },
} as const;

export type MapFontStack = (typeof MAP_FONTS)[keyof typeof MAP_FONTS]["stack"];

/**
 * What a map of a German (or neighbouring) town needs when its labels are not known in advance
 * (a PMTiles extract): Basic Latin and Latin-1 (umlauts, ß, «»), Latin Extended-A (Polish, Czech,
 * Turkish, Danish names near a border) and the punctuation names use (dashes, quotes, €). As
 * inclusive [from, to] code point ranges; they fall into three files per font (0–255, 256–511,
 * 8192–8447). Other scripts get no files: MapLibre then leaves those letters out rather than
 * fetching them from elsewhere.
 */
export const LATIN_CODE_POINTS: readonly [number, number][] = [
  [0x20, 0x7e],
  [0xa0, 0x17f],
  [0x2009, 0x200a],
  [0x2010, 0x2027],
  [0x202f, 0x203a],
  [0x20ac, 0x20ac],
];

// Bump when the glyph output changes for the same font and characters (cache key).
const GLYPHS_VERSION = "1";

interface LoadedFont {
  bytes: Buffer;
  notice: string;
  nominalGlyph(codePoint: number): number | undefined;
  outline(glyph: number): OutlineCommand[];
  advance(glyph: number): number;
  scale: number;
  ascender: number;
}

/**
 * Glyph files by path below the glyph folder (`fira-sans-regular/0-255.pbf`, …, `LICENSE.txt`).
 * `characters`: the text the labels use, or undefined for {@link LATIN_CODE_POINTS}.
 */
export async function makeGlyphs(stacks: readonly MapFontStack[], characters: string | undefined): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const notices = new Set<string>();
  for (const stack of stacks) {
    const face = Object.values(MAP_FONTS).find((f) => f.stack === stack)!;
    const font = await loadFont(face.file);
    notices.add(font.notice);
    const codePoints = characters === undefined ? LATIN_CODE_POINTS.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => from + i)) : [...new Set([...characters].map((c) => c.codePointAt(0)!))];
    const byBlock = new Map<number, number[]>();
    for (const codePoint of codePoints.sort((a, b) => a - b)) {
      if (codePoint > 0xffff || font.nominalGlyph(codePoint) === undefined) continue;
      const start = codePoint - (codePoint % 256);
      byBlock.set(start, [...(byBlock.get(start) ?? []), codePoint]);
    }
    for (const [start, points] of byBlock) {
      const range = `${start}-${start + 255}`;
      const key = `glyphs-${hashOf(GLYPHS_VERSION, font.bytes, stack, range, points.join(","))}.pbf`;
      files.set(`${stack}/${range}.pbf`, await cachedBytes(key, async () => encodeRange(stack, range, points, font)));
    }
  }
  files.set("LICENSE.txt", Buffer.from(`The glyph files in this folder are made from Fira Sans.\n${[...notices].join("\n")}\n\nThis Font Software is licensed under the SIL Open Font License, Version 1.1.\n\n${OFL_1_1}`));
  return files;
}

/**
 * Every character that labels from these texts need, and a space. `capitals`: also their capitals,
 * for a style that sets `text-transform: uppercase` (district names).
 */
export function labelCharacters(texts: Iterable<string>, capitals = false): string {
  const set = new Set<string>([" "]);
  for (const text of texts) for (const c of text) for (const one of capitals ? c + c.toUpperCase() : c) set.add(one);
  return [...set].sort().join("");
}

/** One range file: the `glyphs` message with one `fontstack` of `glyph`s (MapLibre's glyphs.proto). */
function encodeRange(stack: string, range: string, codePoints: number[], font: LoadedFont): Buffer {
  const glyphs = codePoints.map((codePoint) => {
    const glyph = font.nominalGlyph(codePoint)!;
    const sdf = glyphSdf(font.outline(glyph), font.scale);
    const fields = [uint(1, codePoint)];
    if (sdf.width > 0) fields.push(bytes(2, sdf.bitmap));
    fields.push(uint(3, sdf.width), uint(4, sdf.height), sint(5, sdf.left), sint(6, sdf.top - font.ascender), uint(7, Math.max(0, Math.round(font.advance(glyph) * font.scale))));
    return bytes(3, Buffer.concat(fields));
  });
  const fontstack = Buffer.concat([bytes(1, Buffer.from(stack)), bytes(2, Buffer.from(range)), ...glyphs]);
  return bytes(1, fontstack);
}

// ---- the few protobuf wire types the glyph format uses

function varint(value: number): Buffer {
  const out: number[] = [];
  let v = value >>> 0;
  while (v > 0x7f) {
    out.push((v & 0x7f) | 0x80);
    v >>>= 7;
  }
  out.push(v);
  return Buffer.from(out);
}

const uint = (field: number, value: number) => Buffer.concat([varint(field << 3), varint(value)]);
const sint = (field: number, value: number) => uint(field, (value << 1) ^ (value >> 31));
const bytes = (field: number, value: Uint8Array) => Buffer.concat([varint((field << 3) | 2), varint(value.byteLength), value]);

// ---- fonts: KERN's woff2, unpacked and read with harfbuzz (both come with subset-font, which
// the site's font subsetting already uses; resolved through it so they are always its versions)

const loaded = new Map<string, Promise<LoadedFont>>();

function loadFont(file: string): Promise<LoadedFont> {
  let font = loaded.get(file);
  if (!font) {
    font = readFont(path.join(kernFontDir(), file));
    loaded.set(file, font);
  }
  return font;
}

async function readFont(file: string): Promise<LoadedFont> {
  const { hb, fontverter } = await fontTools();
  const bytes = await readFile(file).catch((error: unknown) => {
    throw new MissingPrerequisiteError(`Cannot read the font ${file} for the map's labels. Run \`npm install\` (it comes with @kern-ux/native).`, { cause: error });
  });
  const sfnt = Buffer.from(await fontverter.convert(bytes, "sfnt"));
  const face = new hb.Face(new hb.Blob(sfnt));
  const font = new hb.Font(face);
  const scale = GLYPH_SIZE / face.upem;
  // Renderers place a glyph by its top relative to the ascender line, rounded up as FreeType does.
  const ascender = Math.ceil(font.hExtents().ascender * scale);
  const notice = face.getName(0, "en") || "Fira Sans";
  return {
    bytes,
    notice,
    nominalGlyph: (codePoint) => font.nominalGlyph(codePoint),
    outline: (glyph) => font.glyphToJson(glyph),
    advance: (glyph) => font.glyphHAdvance(glyph),
    scale,
    ascender,
  };
}

interface HarfBuzz {
  Blob: new (data: Uint8Array) => unknown;
  Face: new (blob: unknown) => { upem: number; getName(id: number, language: string): string };
  Font: new (face: unknown) => {
    hExtents(): { ascender: number };
    nominalGlyph(codePoint: number): number | undefined;
    glyphToJson(glyph: number): OutlineCommand[];
    glyphHAdvance(glyph: number): number;
  };
}

let tools: Promise<{ hb: HarfBuzz; fontverter: { convert(font: Buffer, format: "sfnt"): Promise<Uint8Array> } }> | undefined;

function fontTools() {
  tools ??= (async () => {
    try {
      const fromSubsetFont = createRequire(createRequire(import.meta.url).resolve("subset-font"));
      const hb = (await import(fromSubsetFont.resolve("harfbuzzjs"))) as HarfBuzz;
      const fontverter = fromSubsetFont("fontverter") as { convert(font: Buffer, format: "sfnt"): Promise<Uint8Array> };
      return { hb, fontverter };
    } catch (error) {
      throw new MissingPrerequisiteError("Cannot load harfbuzzjs and fontverter (they come with subset-font) to make the map's glyphs. Run `npm install`.", { cause: error });
    }
  })();
  return tools;
}

