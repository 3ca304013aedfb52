// Nothing may be drawn in a faux bold or slanted copy by accident: every weight and style the
// stylesheet sets text in has a font file of its own (src/site/styles/fonts.ts FACES), or is a
// deliberate synthesis (FONT_SYNTHESIS). bench:weight checks the same on the rendered pages.
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import subsetFont from "subset-font";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildStyles } from "../../src/site/styles/compile.js";
import { BASE_CHARACTERS, buildFonts, FACES, FONT_SYNTHESIS, kernFontDir, NOT_IN_FIRA } from "../../src/site/styles/fonts.js";
import { subsetOffThread } from "../../src/site/styles/subset-thread.js";

const tmpRoot = path.resolve("test", ".tmp");
let outDir: string;
let css: string;

beforeAll(async () => {
  await mkdir(tmpRoot, { recursive: true });
  outDir = await mkdtemp(path.join(tmpRoot, "fonts-"));
  const fonts = await buildFonts(outDir, "Neugestaltung Marktplatz – Ihre Meinung zählt!");
  const built = await buildStyles(outDir, { themes: [{ slug: "marktplatz", primary: "#00566b" }], fontFaceCss: fonts.css });
  css = await readFile(path.join(outDir, built.cssPath), "utf8");
});

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

/** The style rules of a stylesheet with the at-rules they sit in (no nesting beyond that). */
function rules(stylesheet: string): { context: string; selector: string; body: string }[] {
  const out: { context: string; selector: string; body: string }[] = [];
  const stack: string[] = [];
  let start = 0;
  for (let i = 0; i < stylesheet.length; i++) {
    const c = stylesheet[i];
    if (c === '"' || c === "'") i = stylesheet.indexOf(c, i + 1);
    else if (c === "{") {
      const prelude = stylesheet.slice(start, i).trim();
      if (prelude.startsWith("@") && !prelude.startsWith("@font-face")) {
        stack.push(prelude);
        start = i + 1;
      } else {
        const end = stylesheet.indexOf("}", i);
        out.push({ context: stack.join(" "), selector: prelude, body: stylesheet.slice(i + 1, end) });
        i = end;
        start = i + 1;
      }
    } else if (c === "}") {
      stack.pop();
      start = i + 1;
    } else if (c === ";" && stack.length === 0 && stylesheet.slice(start, i).trim().startsWith("@")) start = i + 1; // @charset
  }
  return out;
}

/**
 * The values a custom property can have: for each selector (in each at-rule), the last one given
 * there, as the cascade decides between equal selectors.
 */
function definitions(stylesheet: string): Map<string, string[]> {
  const last = new Map<string, Map<string, string>>();
  for (const { context, selector, body } of rules(stylesheet)) {
    for (const [, name, value] of body.matchAll(/(--[\w-]+)\s*:\s*([^;]+)/g)) {
      const where = last.get(name!) ?? new Map<string, string>();
      where.set(`${context} ${selector}`, value!.trim());
      last.set(name!, where);
    }
  }
  return new Map([...last].map(([name, where]) => [name, [...new Set(where.values())]]));
}

/** The values a declaration can take once its var()s are resolved (each definition, or the fallback). */
function resolve(value: string, defs: Map<string, string[]>, depth = 0): string[] {
  const match = /var\(\s*(--[\w-]+)\s*(?:,\s*([^()]*(?:\([^()]*\))?[^()]*))?\)/.exec(value);
  if (!match || depth > 10) return [value.trim()];
  const [whole, name, fallback] = match;
  const options = defs.get(name!) ?? (fallback !== undefined ? [fallback] : []);
  return options.flatMap((option) => resolve(value.replace(whole!, option), defs, depth + 1));
}

const WEIGHT_KEYWORDS: Record<string, number> = { normal: 400, bold: 700 };
const GLOBAL = new Set(["inherit", "initial", "unset", "revert", "revert-layer"]);

/** The font-weight and font-style values of every rule of the stylesheet, resolved. */
function fontDeclarations(stylesheet: string): { selector: string; weights: string[]; styles: string[] }[] {
  const defs = definitions(stylesheet);
  return rules(stylesheet)
    .filter(({ selector }) => !selector.startsWith("@font-face"))
    .map(({ selector, body }) => ({
      selector,
      weights: [...body.matchAll(/(?:^|;)\s*font-weight\s*:\s*([^;]+)/g)].flatMap((m) => resolve(m[1]!, defs)),
      styles: [...body.matchAll(/(?:^|;)\s*font-style\s*:\s*([^;]+)/g)].flatMap((m) => resolve(m[1]!, defs)),
    }))
    .filter((rule) => rule.weights.length || rule.styles.length);
}

describe("font faces", () => {
  it("has a face for every font-weight the stylesheet uses", () => {
    const faces = new Set(FACES.map((face) => face.weight));
    const declarations = fontDeclarations(css);
    expect(declarations.length).toBeGreaterThan(20);
    const without: string[] = [];
    for (const { selector, weights } of declarations) {
      for (const weight of weights) {
        if (GLOBAL.has(weight)) continue;
        const numeric = WEIGHT_KEYWORDS[weight] ?? Number(weight);
        // bolder/lighter depend on the parent: a hidden route to a faux bold.
        if (!faces.has(numeric)) without.push(`${selector.slice(0, 80)} { font-weight: ${weight} }`);
      }
    }
    expect(without).toEqual([]);
  });

  it("has an italic face for every italic text, and synthesizes only bold italic, on purpose", () => {
    const italics = new Set(FACES.filter((face) => face.style === "italic").map((face) => face.weight));
    const synthesized = new Set(FONT_SYNTHESIS.map((face) => face.weight));
    const unexpected: string[] = [];
    for (const { selector, weights, styles } of fontDeclarations(css)) {
      if (!styles.some((style) => /italic|oblique/.test(style))) continue;
      for (const weight of weights.length ? weights : ["400"]) {
        const numeric = WEIGHT_KEYWORDS[weight] ?? Number(weight);
        if (!italics.has(numeric) && !synthesized.has(numeric)) unexpected.push(`${selector.slice(0, 80)} { font-weight: ${weight}; font-style: italic }`);
      }
    }
    expect(unexpected).toEqual([]);
    expect(italics.size).toBeGreaterThan(0);
  });

  it("gives <strong> and <b> KERN's strong weight, which has a face, instead of the browser's bold", () => {
    const strong = fontDeclarations(css).find((rule) => rule.selector.split(",").map((s) => s.trim()).includes("strong"));
    expect(strong?.weights).toEqual(["600"]);
  });

  it("ships no 500 face: KERN's medium weight is set in semibold", () => {
    expect(FACES.map((face) => face.weight)).not.toContain(500);
    expect(css).not.toMatch(/font-weight:\s*500/);
  });
});

describe("NOT_IN_FIRA", () => {
  it("lists exactly the base characters KERN's Fira Sans has no glyph for", async () => {
    const fontDir = path.join(path.dirname(createRequire(import.meta.url).resolve("@kern-ux/native/package.json")), "dist", "fonts", "fira-sans");
    const missing = new Set<string>();
    for (const face of FACES) {
      const original = await readFile(path.join(fontDir, face.file));
      // The whole base set at once, and each character alone where the count does not add up.
      for (const character of new Set(BASE_CHARACTERS)) {
        if ((await glyphCount(original, character)) <= 1) missing.add(character);
      }
    }
    expect([...missing].sort().join("")).toBe([...NOT_IN_FIRA].sort().join(""));
  }, 120_000);
});

/** Glyphs in a subset of `font` to `characters` (1: only .notdef, the font lacks them). */
async function glyphCount(font: Buffer, characters: string): Promise<number> {
  const sfnt = await subsetFont(font, characters, { targetFormat: "sfnt" });
  const tables = sfnt.readUInt16BE(4);
  for (let i = 0; i < tables; i++) {
    const entry = 12 + 16 * i;
    if (sfnt.toString("latin1", entry, entry + 4) === "maxp") return sfnt.readUInt16BE(sfnt.readUInt32BE(entry + 8) + 4);
  }
  throw new Error("no maxp table in the subset");
}

describe("subsetting on a thread of its own", () => {
  it("gives the same bytes as subset-font on this thread, for several faces at once", async () => {
    const features = ["kern", "liga"];
    const faces = FACES.slice(0, 3).map((face) => path.join(kernFontDir(), face.file));
    const fonts = await Promise.all(faces.map((file) => readFile(file)));
    const text = "Neugestaltung Marktplatz – Ihre Meinung zählt!";
    const offThread = await Promise.all(fonts.map((font) => subsetOffThread(font, text, features)));
    for (const [i, font] of fonts.entries()) {
      const here = await subsetFont(font, text, { targetFormat: "woff2", keepFeatures: features });
      expect(offThread[i]!.subarray(0, 4).toString("latin1"), faces[i]).toBe("wOF2");
      expect(offThread[i]!.equals(here), faces[i]).toBe(true);
      expect(offThread[i]!.byteLength).toBeLessThan(font.byteLength / 3);
    }
  });

  it("hands each font over in memory of its own, not in Node's shared Buffer pool (which Node 22 refuses to move between threads)", async () => {
    const font = await readFile(path.join(kernFontDir(), FACES[0]!.file));
    // A few letters: a result small enough to be cut from the pool on the subsetting thread.
    const woff2 = await subsetOffThread(font, "Hallo", []);
    expect(woff2.byteLength).toBeLessThan(4096);
    expect([woff2.byteOffset, woff2.buffer.byteLength]).toEqual([0, woff2.byteLength]);
  });

  it("rejects what is not a font, and goes on subsetting afterwards", async () => {
    await expect(subsetOffThread(Buffer.from("kein Font"), "abc", [])).rejects.toThrow();
    const font = await readFile(path.join(kernFontDir(), FACES[0]!.file));
    expect((await subsetOffThread(font, "abc", [])).subarray(0, 4).toString("latin1")).toBe("wOF2");
  });
});
