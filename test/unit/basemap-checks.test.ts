// Validation of basemaps: a self-hosted basemap that cannot be drawn is refused with the reason and
// the fix; a third-party one is allowed but said out loud.
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { validateCampaigns } from "../../src/campaign/validate.js";
import type { Problem } from "../../src/errors.js";
import { pmtilesArchive, type ArchiveOptions } from "../helpers/pmtiles-archive.js";

const fixture = path.resolve(import.meta.dirname, "../fixtures/valid-full");
const made: string[] = [];
afterAll(async () => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

/** The area of valid-full's map: [8.676, 50.107, 8.692, 50.125]. */
const COVERING: [number, number, number, number] = [8.67, 50.1, 8.7, 50.13];
const PROTOMAPS = { vector_layers: [{ id: "earth" }, { id: "roads" }, { id: "buildings" }] };

/** valid-full with the map page's `map` changed and extra files in its media folder. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test edits raw JSON of any shape
async function withMap(change: (map: Record<string, any>) => void, files: Record<string, string | Buffer> = {}): Promise<Problem[]> {
  await mkdir(path.resolve(import.meta.dirname, "../.tmp"), { recursive: true });
  const dir = await mkdtemp(path.resolve(import.meta.dirname, "../.tmp/basemap-"));
  made.push(dir);
  await cp(fixture, dir, { recursive: true });
  const file = path.join(dir, "buergerhaushalt", "campaign.json");
  const campaign = JSON.parse(await readFile(file, "utf8"));
  change(campaign.pages.find((p: { type: string }) => p.type === "map").map);
  await writeFile(file, JSON.stringify(campaign, null, 2));
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, "buergerhaushalt", "media", name), content);
  return (await validateCampaigns(dir)).problems;
}

const archive = (options: Partial<ArchiveOptions> = {}) => pmtilesArchive(new Map([["12/2156/1386", Buffer.alloc(0)]]), { minZoom: 0, maxZoom: 15, bounds: COVERING, metadata: PROTOMAPS, ...options });
const errors = (problems: Problem[]) => problems.filter((p) => p.severity === "error");
const at = (problems: Problem[], pointer: RegExp) => problems.filter((p) => pointer.test(p.pointer));

describe("basemap validation", () => {
  it("accepts a PMTiles v3 archive of vector tiles that covers the area", async () => {
    const problems = await withMap((m) => (m.basemap = { pmtiles: "media/stadt.pmtiles", attribution: "© OpenStreetMap-Mitwirkende" }), { "stadt.pmtiles": archive() });
    expect(at(problems, /basemap/)).toEqual([]);
  });

  it("refuses an archive that ends inside the planning area, and says which region to extract", async () => {
    const problems = await withMap((m) => (m.basemap = { pmtiles: "media/stadt.pmtiles", attribution: "© OSM" }), { "stadt.pmtiles": archive({ bounds: [8.68, 50.1, 8.7, 50.13] }) });
    const [problem] = errors(at(problems, /\/map\/basemap\/pmtiles$/));
    expect(problem?.message).toMatch(/covers \[8\.6800, 50\.1000, 8\.7000, 50\.1300\], but the planning area reaches \[8\.6760, 50\.1070, 8\.6920, 50\.1250\]/);
    expect(problem?.message).toContain("pmtiles extract <source> media/stadt.pmtiles --bbox=8.6660,50.0970,8.7020,50.1350");
  });

  it("refuses a file that is not a PMTiles v3 archive, a raster archive, and a missing file", async () => {
    const notArchive = await withMap((m) => (m.basemap = { pmtiles: "media/stadt.pmtiles" }), { "stadt.pmtiles": "<html>Not found</html>" });
    expect(errors(at(notArchive, /pmtiles$/))[0]?.message).toMatch(/is not a PMTiles archive; mitreden reads PMTiles version 3/);
    const raster = await withMap((m) => (m.basemap = { pmtiles: "media/luftbild.pmtiles" }), { "luftbild.pmtiles": archive({ tileType: 2 }) });
    expect(errors(at(raster, /pmtiles$/))[0]?.message).toMatch(/holds Png tiles; the basemap style draws vector tiles/);
    const missing = await withMap((m) => (m.basemap = { pmtiles: "media/stadt.pmtiles" }), { "stadtt.pmtiles": archive() });
    expect(errors(at(missing, /pmtiles$/))[0]?.message).toMatch(/PMTiles file not found: .*stadt\.pmtiles.*did you mean .*stadtt\.pmtiles/);
  });

  it("warns when the archive is not in the Protomaps schema or has no attribution", async () => {
    const problems = await withMap((m) => (m.basemap = { pmtiles: "media/stadt.pmtiles" }), { "stadt.pmtiles": archive({ metadata: { vector_layers: [{ id: "transportation" }, { id: "building" }] } }) });
    expect(errors(problems)).toEqual([]);
    expect(at(problems, /pmtiles$/)[0]?.message).toMatch(/layers transportation, building, but the basemap style draws the Protomaps schema/);
    expect(at(problems, /\/map\/basemap$/)[0]?.message).toMatch(/© OpenStreetMap-Mitwirkende/);
  });

  it("refuses a PMTiles basemap with the Mapbox renderer, which cannot read it", async () => {
    const problems = await withMap((m) => Object.assign(m, { basemap: { pmtiles: "media/stadt.pmtiles", attribution: "© OSM" }, renderer: "mapbox", accessToken: "pk.test" }), { "stadt.pmtiles": archive() });
    expect(errors(at(problems, /\/map\/renderer$/))[0]?.message).toMatch(/Mapbox GL cannot read PMTiles/);
  });

  it("finds the property with the street names when it is not called \"name\"", async () => {
    const streets = { type: "FeatureCollection", features: [{ type: "Feature", properties: { strassenname: "Hauptstraße", id: 7 }, geometry: { type: "LineString", coordinates: [[8.67, 50.1], [8.7, 50.13]] } }] };
    const problems = await withMap((m) => (m.basemap = { geojson: [{ kind: "streets", data: "media/strassen.geojson" }] }), { "strassen.geojson": JSON.stringify(streets) });
    expect(errors(at(problems, /\/geojson\/0\/data$/))[0]?.message).toBe('none of the 1 features has a "name", so the map would show no street names; the features have "strassenname", "id" — set "nameProperty" to the one with the names');
    const fixed = await withMap((m) => (m.basemap = { geojson: [{ kind: "streets", data: "media/strassen.geojson", nameProperty: "strassenname" }] }), { "strassen.geojson": JSON.stringify(streets) });
    expect(errors(fixed)).toEqual([]);
  });

  it("points into the GeoJSON file at a broken ring, and warns when the data stops inside the area", async () => {
    const broken = '{ "type": "FeatureCollection", "features": [\n  { "type": "Feature", "properties": {}, "geometry": { "type": "Polygon", "coordinates": [[[8.68, 50.11], [8.69, 50.11], [8.69, 50.12]]] } }\n] }';
    const problems = await withMap((m) => (m.basemap = { geojson: [{ kind: "buildings", data: "media/gebaeude.geojson" }] }), { "gebaeude.geojson": broken });
    expect(errors(at(problems, /\/geojson\/0\/data$/))[0]?.message).toMatch(/^media\/gebaeude\.geojson:2:\d+: feature 0, ring 0: /);
    const small = { type: "FeatureCollection", features: [{ type: "Feature", properties: {}, geometry: { type: "Polygon", coordinates: [[[8.68, 50.11], [8.69, 50.11], [8.69, 50.12], [8.68, 50.11]]] } }] };
    const partial = await withMap((m) => (m.basemap = { geojson: [{ kind: "buildings", data: small }] }));
    expect(errors(partial)).toEqual([]);
    expect(at(partial, /\/basemap\/geojson$/)[0]?.message).toMatch(/the basemap's data covers .* but the planning area reaches .*: around the area's edge the map would be blank/);
  });

  it("allows a third-party style but says that every visitor's browser then contacts that server", async () => {
    const problems = await withMap((m) => (m.basemap = { style: "https://tiles.example.com/styles/bright/style.json" }));
    expect(errors(problems)).toEqual([]);
    expect(at(problems, /\/basemap\/style$/)[0]).toMatchObject({ severity: "warning", message: expect.stringMatching(/from tiles\.example\.com, which sees their IP address/) });
  });
});
