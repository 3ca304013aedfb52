// What the map shows besides the data: every word MapLibre puts on the page exists in every
// interface language (a German page had "Close popup"), and the categories' symbols differ by shape.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SHAPES, categoryShape, categorySymbol } from "../../src/campaign/map-symbols.js";
import { CATALOGUES, messages } from "../../src/i18n/index.js";

/** The keys of MapLibre's own English strings (declare const defaultLocale in its types). */
function mapLibreKeys(): string[] {
  const types = readFileSync(path.join(path.dirname(createRequire(import.meta.url).resolve("maplibre-gl/package.json")), "dist/maplibre-gl.d.ts"), "utf8");
  const block = /declare const defaultLocale: \{([^}]*)\}/.exec(types)?.[1];
  if (!block) throw new Error("maplibre-gl.d.ts has no defaultLocale any more: update test/unit/map-symbols.test.ts");
  return [...block.matchAll(/"([^"]+)": string;/g)].map((m) => m[1]!);
}

describe("map: the library's words", () => {
  const keys = mapLibreKeys();

  it("finds MapLibre's strings (the popup's close button, the two-finger hint, the canvas)", () => {
    expect(keys).toEqual(expect.arrayContaining(["Popup.Close", "Map.Title", "CooperativeGesturesHandler.MobileHelpText"]));
  });

  for (const language of Object.keys(CATALOGUES)) {
    it(`has every one of them in ${language}, none left in MapLibre's English`, () => {
      const texts = messages(language as keyof typeof CATALOGUES, "map") as Record<string, unknown>;
      const missing = keys.filter((k) => typeof texts[`js.gl.${k}`] !== "string");
      expect(missing).toEqual([]);
      if (language !== "en") {
        for (const k of ["Popup.Close", "Map.Title", "CooperativeGesturesHandler.MobileHelpText", "NavigationControl.ZoomIn"]) expect(texts[`js.gl.${k}`]).not.toMatch(/^(Close popup|Map|Use two fingers|Zoom in)/);
      }
    });
  }
});

describe("map: category symbols", () => {
  it("gives the first six categories six different shapes, then starts again", () => {
    const shapes = [0, 1, 2, 3, 4, 5].map(categoryShape);
    expect(new Set(shapes).size).toBe(Object.keys(SHAPES).length);
    expect(categoryShape(6)).toBe(categoryShape(0));
  });

  it("draws the symbol on a piece of the map's background, hidden from screen readers, and escapes the colour", () => {
    const svg = categorySymbol("triangle", '#c00" onload="x');
    expect(svg).toContain('aria-hidden="true"');
    expect(svg).toContain(SHAPES.triangle);
    expect(svg).toMatch(/<rect [^>]*fill="#f3f1ec"/);
    expect(svg).not.toContain('" onload="');
  });
});
