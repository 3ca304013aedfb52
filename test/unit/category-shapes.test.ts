// A campaign author chooses how a category looks on the map ("shape"): the choice reaches the
// legend, the filter and the map script's markers and list; a shape that does not exist is refused
// at its place in the file with every shape there is; categories without a choice get shapes
// nobody chose, so two categories never look alike by default.
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { validateCampaigns } from "../../src/campaign/validate.js";
import { loadSiteModel } from "../../src/campaign/index.js";
import { SHAPES, categoryShapes, categorySymbol, isShape } from "../../src/campaign/map-symbols.js";
import type { MapPageModel } from "../../src/campaign/model.js";
import { mapViewConfig } from "../../src/site/map-config.js";
import { buildInto } from "./site-support.js";

const fixture = path.resolve(import.meta.dirname, "../fixtures/valid-full");
const schema = JSON.parse(await readFile(path.resolve(import.meta.dirname, "../../schema/campaign.schema.json"), "utf8"));
const made: string[] = [];
afterAll(async () => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

/** valid-full with its map page's categories replaced; returns the folder and the campaign file. */
async function withCategories(categories: unknown[]): Promise<{ dir: string; file: string; text: string }> {
  await mkdir(path.resolve(import.meta.dirname, "../.tmp"), { recursive: true });
  const dir = await mkdtemp(path.resolve(import.meta.dirname, "../.tmp/shapes-"));
  made.push(dir);
  await cp(fixture, dir, { recursive: true });
  const file = path.join(dir, "buergerhaushalt", "campaign.json");
  const campaign = JSON.parse(await readFile(file, "utf8"));
  campaign.pages.find((p: { type: string }) => p.type === "map").map.categories = categories;
  const text = JSON.stringify(campaign, null, 2);
  await writeFile(file, text);
  return { dir, file, text };
}

/** 1-based line and column of the first occurrence of `needle` in `text`. */
function positionOf(text: string, needle: string): { line: number; column: number } {
  const before = text.slice(0, text.indexOf(needle));
  const lines = before.split("\n");
  return { line: lines.length, column: lines.at(-1)!.length + 1 };
}

const ALL_SHAPES = Object.keys(SHAPES);

describe("category shapes: the schema", () => {
  it("offers exactly the shapes the map can draw", () => {
    expect(schema.$defs.Category.properties.shape.enum).toEqual(ALL_SHAPES);
    expect(ALL_SHAPES.every(isShape)).toBe(true);
    expect(isShape("star")).toBe(false);
    expect(isShape("toString")).toBe(false);
  });
});

describe("category shapes: defaults around a chosen shape", () => {
  it("keeps every chosen shape and gives the others the shapes nobody chose, in order", () => {
    expect(categoryShapes([undefined, "circle", undefined])).toEqual(["square", "circle", "triangle"]);
    expect(categoryShapes([undefined, undefined])).toEqual(["circle", "square"]);
    expect(categoryShapes(["triangle", "triangle"])).toEqual(["triangle", "triangle"]);
  });

  it("starts again from the free shapes once each is used", () => {
    const shapes = categoryShapes(["hexagon", ...Array<undefined>(6).fill(undefined)]);
    expect(shapes.slice(1, 6)).toEqual(["circle", "square", "triangle", "diamond", "triangle-down"]);
    expect(shapes[6]).toBe("circle");
  });
});

describe("category shapes: validation", () => {
  it("refuses an unknown shape at its value, listing every shape", async () => {
    const { dir, text } = await withCategories([
      { id: "idee", label: "Idee" },
      { id: "problem", label: "Problem", shape: "star" },
    ]);
    const { problems } = await validateCampaigns(dir);
    const errors = problems.filter((p) => p.severity === "error");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ ...positionOf(text, '"star"'), pointer: expect.stringMatching(/^\/pages\/\d+\/map\/categories\/1\/shape$/) });
    expect(errors[0]!.file).toMatch(/buergerhaushalt\/campaign\.json$/);
    expect(errors[0]!.message).toBe(`unknown shape "star" — use one of ${ALL_SHAPES.map((s) => `"${s}"`).join(", ")}`);
  });

  it("suggests the nearest spelling and still lists every shape", async () => {
    const { dir, text } = await withCategories([{ id: "idee", label: "Idee", shape: "sqaure" }]);
    const [error] = (await validateCampaigns(dir)).problems.filter((p) => p.severity === "error");
    expect(error).toMatchObject(positionOf(text, '"sqaure"'));
    expect(error!.message).toBe(`unknown shape "sqaure" — did you mean "square"? Choices: ${ALL_SHAPES.map((s) => `"${s}"`).join(", ")}`);
  });
});

describe("category shapes: two alike", () => {
  it("warns (without failing) when two categories choose the same shape", async () => {
    const { dir, text } = await withCategories([
      { id: "idee", label: "Idee", shape: "triangle" },
      { id: "problem", label: "Problem", shape: "triangle" },
    ]);
    const { campaigns, problems } = await validateCampaigns(dir);
    expect(campaigns).toHaveLength(1);
    const shapeProblems = problems.filter((p) => p.pointer.endsWith("/shape"));
    expect(shapeProblems).toEqual([expect.objectContaining({ severity: "warning", pointer: expect.stringMatching(/\/categories\/1\/shape$/), line: text.split("\n").findLastIndex((l) => l.includes('"triangle"')) + 1 })]);
    expect(shapeProblems[0]!.message).toMatch(/^categories "idee" and "problem" both have the shape "triangle", so they differ by colour alone/);
  });
});

describe("category shapes: what citizens see", () => {
  const categories = [
    { id: "idee", label: "Idee", color: "#009e73" },
    { id: "problem", label: "Problem", color: "#d55e00", shape: "triangle" },
    { id: "lob", label: "Lob", color: "#0072b2", shape: "circle" },
  ];

  it("gives the map script each category's chosen or free shape (markers and list draw from it)", async () => {
    const { dir } = await withCategories(categories);
    const { model } = await loadSiteModel(dir);
    const campaign = model.campaigns[0]!;
    const page = campaign.pages.find((p): p is MapPageModel => p.type === "map")!;
    const config = mapViewConfig(campaign, page.map, "", campaign.locale, campaign.locale, undefined, true) as { categories: { id: string; shape: string }[] };
    expect(config.categories.map((c) => [c.id, c.shape])).toEqual([
      ["idee", "square"],
      ["problem", "triangle"],
      ["lob", "circle"],
    ]);
  });

  it("draws the chosen shape in the legend and at the filter", { timeout: 120_000 }, async () => {
    const { dir } = await withCategories(categories);
    const site = await buildInto(dir);
    made.push(site.outDir);
    const mapUrl = site.htmlUrls.find((url) => site.read(url).includes('class="mr-legend"'))!;
    const $ = site.load(mapUrl);
    const symbolOf = (item: ReturnType<typeof $>) => item.find("svg.mr-swatch path").last().attr("d");
    const legend = $(".mr-legend li").filter((_, li) => ["Idee", "Problem", "Lob"].includes($(li).text().trim()));
    expect(legend.map((_, li) => [[$(li).text().trim(), symbolOf($(li))]]).get()).toEqual([
      ["Idee", SHAPES.square],
      ["Problem", SHAPES.triangle],
      ["Lob", SHAPES.circle],
    ]);
    // valid-full shows others' contributions, so the list's category filter is there too.
    expect($(".mr-filter label").map((_, label) => symbolOf($(label))).get()).toEqual([SHAPES.square, SHAPES.triangle, SHAPES.circle]);
    // The page's symbol is the one the map script paints (same path, same colour).
    expect(site.read(mapUrl)).toContain(`${categorySymbol("triangle", "#d55e00")}Problem`);
  });
});
