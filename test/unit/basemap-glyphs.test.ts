// The map's label glyphs, made from the site's Fira Sans: the characters the labels need and no
// more, in the format MapLibre and Mapbox GL read, with the font's licence next to them.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PbfReader } from "pbf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { labelCharacters, makeGlyphs } from "../../src/site/basemap/glyphs.js";
import { BUFFER } from "../../src/site/basemap/sdf.js";

interface Glyph {
  id: number;
  bitmap?: Uint8Array;
  width: number;
  height: number;
  left: number;
  top: number;
  advance: number;
}

/** Reads a glyph range file as the renderers do (glyphs.proto: glyphs → fontstack → glyph). */
function readRange(bytes: Buffer): { name: string; range: string; glyphs: Glyph[] } {
  const pbf = new PbfReader(bytes);
  const stack = { name: "", range: "", glyphs: [] as Glyph[] };
  pbf.readFields((tag, _r, p) => {
    if (tag !== 1) return;
    p.readMessage((t, _s, q) => {
      if (t === 1) stack.name = q.readString();
      else if (t === 2) stack.range = q.readString();
      else if (t === 3) {
        const glyph: Glyph = { id: 0, width: 0, height: 0, left: 0, top: 0, advance: 0 };
        q.readMessage((g, _x, r) => {
          if (g === 1) glyph.id = r.readVarint();
          else if (g === 2) glyph.bitmap = r.readBytes();
          else if (g === 3) glyph.width = r.readVarint();
          else if (g === 4) glyph.height = r.readVarint();
          else if (g === 5) glyph.left = r.readSVarint();
          else if (g === 6) glyph.top = r.readSVarint();
          else if (g === 7) glyph.advance = r.readVarint();
        }, glyph);
        stack.glyphs.push(glyph);
      }
    }, stack);
  }, stack);
  return stack;
}

let cache: string;
beforeAll(async () => {
  cache = await mkdtemp(path.join(os.tmpdir(), "mitreden-glyphs-"));
  process.env.MITREDEN_CACHE_DIR = cache;
});
afterAll(async () => {
  delete process.env.MITREDEN_CACHE_DIR;
  await rm(cache, { recursive: true, force: true });
});

describe("map glyphs", () => {
  it("holds exactly the characters of the labels, and their capitals where the style sets names in capitals", async () => {
    const files = await makeGlyphs(["fira-sans-regular"], labelCharacters(["Marktstraße", "Am Rathaus"]));
    expect([...files.keys()].sort()).toEqual(["LICENSE.txt", "fira-sans-regular/0-255.pbf"]);
    const range = readRange(files.get("fira-sans-regular/0-255.pbf")!);
    expect(range).toMatchObject({ name: "fira-sans-regular", range: "0-255" });
    const ids = (r: typeof range) => r.glyphs.map((g) => String.fromCodePoint(g.id)).sort().join("");
    expect(ids(range)).toBe([..." AMRaehkmrstuß"].sort().join(""));
    // "ALTSTADT" on the map needs its capitals ("ß".toUpperCase() is "SS").
    const capitals = readRange((await makeGlyphs(["fira-sans-medium"], labelCharacters(["Altstadt", "Großmarkt"], true))).get("fira-sans-medium/0-255.pbf")!);
    expect(ids(capitals)).toBe([..." ADGKLMORSTadklmorstß"].sort().join(""));
  });

  it("draws each letter as a distance field the size its metrics say, with a hole where the letter has one", async () => {
    const files = await makeGlyphs(["fira-sans-regular"], "oI ");
    const glyphs = readRange(files.get("fira-sans-regular/0-255.pbf")!).glyphs;
    for (const glyph of glyphs.filter((g) => g.width > 0)) expect(glyph.bitmap!.length).toBe((glyph.width + 2 * BUFFER) * (glyph.height + 2 * BUFFER));
    const value = (g: Glyph, x: number, y: number) => g.bitmap![(y + BUFFER) * (g.width + 2 * BUFFER) + x + BUFFER]!;
    const o = glyphs.find((g) => g.id === "o".codePointAt(0))!;
    // Inside the ring (≥ 192 is ink), outside in the middle and at the corners.
    expect(value(o, Math.floor(o.width / 2), 0)).toBeGreaterThanOrEqual(192);
    expect(value(o, Math.floor(o.width / 2), Math.floor(o.height / 2))).toBeLessThan(150);
    expect(value(o, -BUFFER, -BUFFER)).toBeLessThan(100);
    const capital = glyphs.find((g) => g.id === "I".codePointAt(0))!;
    // A capital rises from the baseline to the cap height: 24 px type, cap height ≈ 16–17 px.
    expect(capital.height).toBeGreaterThanOrEqual(15);
    expect(capital.height).toBeLessThanOrEqual(18);
    expect(capital.advance).toBeGreaterThan(capital.width);
    const space = glyphs.find((g) => g.id === 32)!;
    expect(space).toMatchObject({ width: 0, height: 0 });
    expect(space.advance).toBeGreaterThan(0);
  });

  it("covers Latin, Latin-1, Latin Extended-A and the punctuation of names when the labels are not known, and nothing more", async () => {
    const files = await makeGlyphs(["fira-sans-regular", "fira-sans-italic"], undefined);
    expect([...files.keys()].sort()).toEqual([
      "LICENSE.txt",
      "fira-sans-italic/0-255.pbf",
      "fira-sans-italic/256-511.pbf",
      "fira-sans-italic/8192-8447.pbf",
      "fira-sans-regular/0-255.pbf",
      "fira-sans-regular/256-511.pbf",
      "fira-sans-regular/8192-8447.pbf",
    ]);
    const ids = (file: string) => new Set(readRange(files.get(file)!).glyphs.map((g) => g.id));
    expect(ids("fira-sans-regular/0-255.pbf").has("ü".codePointAt(0)!)).toBe(true);
    const extended = ids("fira-sans-regular/256-511.pbf");
    expect(extended.has("Ł".codePointAt(0)!)).toBe(true); // Łódź
    expect(extended.has("ž".codePointAt(0)!)).toBe(true);
    expect([...extended].every((id) => id <= 0x17f)).toBe(true); // no Latin Extended-B
    const punctuation = ids("fira-sans-regular/8192-8447.pbf");
    for (const c of "–„“€") expect(punctuation.has(c.codePointAt(0)!)).toBe(true);
    // Bytes stay small: each file well under 100 KB.
    for (const [name, bytes] of files) if (name.endsWith(".pbf")) expect(bytes.length).toBeLessThan(100_000);
  });

  it("ships the font's copyright notice and the SIL Open Font License with the glyphs", async () => {
    const licence = (await makeGlyphs(["fira-sans-medium"], "A")).get("LICENSE.txt")!.toString("utf8");
    expect(licence).toContain("Mozilla Foundation and Telefonica");
    expect(licence).toContain("SIL OPEN FONT LICENSE Version 1.1");
  });
});
