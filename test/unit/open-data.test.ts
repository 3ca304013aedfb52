// Open data of the example campaign's results page (campaigns/marktplatz "ergebnisse", its figures in
// campaigns/marktplatz/results/): every download in the page's list exists, has the size the list
// states and parses; the German-Excel CSV has its BOM, ";" and decimal commas; the JSON is the
// aggregates; the GeoJSON holds the approved contributions and nothing else; each data dictionary
// explains every column in German and English; the DCAT-AP.de JSON-LD expands with a JSON-LD
// processor and has what a portal needs.
import { cpSync, existsSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import jsonld from "jsonld";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSiteModel } from "../../src/campaign/index.js";
import type { ResultsPageModel } from "../../src/campaign/model.js";
import { CONTRIBUTION_STATUSES } from "../../src/campaign/model.js";
import type { MapResultsFile, SurveyResultsFile } from "../../src/campaign/results-file.js";
import { openDataOf } from "../../src/site/open-data/files.js";
import { openDataView } from "../../src/site/open-data/view.js";
import { writeOpenData } from "../../src/site/open-data/write.js";
import { buildInto, fileOf, tmpDir, type BuiltSite } from "./site-support.js";

const AFTER = new Date("2027-05-10T10:00:00+02:00");
const PAGE = "/marktplatz/ergebnisse/";
const survey = JSON.parse(readFileSync("campaigns/marktplatz/results/umfrage.json", "utf8")) as SurveyResultsFile;
const map = JSON.parse(readFileSync("campaigns/marktplatz/results/karte.json", "utf8")) as MapResultsFile;
let site: BuiltSite;

beforeAll(async () => {
  site = await buildInto("campaigns", { now: AFTER });
}, 180_000);
afterAll(async () => site?.remove());

const file = (name: string) => readFileSync(fileOf(site.outDir, PAGE + name));
const csv = (name: string, options: { delimiter?: string } = {}) => parse(file(name), { columns: true, bom: true, ...options }) as Record<string, string>[];

/** "15,2 kB" → 15200, "159 Byte" → 159: what the list claims, to compare with the file. */
function statedBytes(meta: string): { bytes: number; tolerance: number } {
  const match = /([\d.,]+)\s*(Byte|kB|MB)/.exec(meta);
  if (!match) throw new Error(`no size in "${meta}"`);
  const value = Number(match[1]!.replace(/\./g, "").replace(",", "."));
  const unit = { Byte: 1, kB: 1000, MB: 1_000_000 }[match[2] as "Byte" | "kB" | "MB"];
  return { bytes: value * unit, tolerance: unit === 1 ? 0 : unit / 20 };
}

describe("the results page's downloads", () => {
  it("lists every file with format and size, and each file is there with that size", () => {
    const $ = site.load(PAGE);
    const links = $(".mr-results__open-data a[download]").map((_, a) => ({ href: $(a).attr("href")!, text: $(a).text().replace(/\s+/g, " ").trim() })).get();
    expect(links.map((l) => l.href.slice(PAGE.length))).toEqual([
      "umfrage.csv",
      "umfrage-excel.csv",
      "umfrage-datenbeschreibung.csv",
      "umfrage.json",
      "umfrage-json-datenbeschreibung.csv",
      "karte.json",
      "karte-json-datenbeschreibung.csv",
      "karte-kategorien.csv",
      "karte-kategorien-excel.csv",
      "karte-kategorien-datenbeschreibung.csv",
      "karte-beitraege.csv",
      "karte-beitraege-excel.csv",
      "karte-beitraege.geojson",
      "karte-beitraege-datenbeschreibung.csv",
      "dcat.jsonld",
    ]);
    for (const link of links) {
      const format = { csv: "CSV", json: "JSON", geojson: "GeoJSON", jsonld: "JSON-LD" }[link.href.split(".").pop()!];
      expect(link.text).toContain(`(${format}, `);
      const { bytes, tolerance } = statedBytes(link.text);
      expect(Math.abs(statSync(fileOf(site.outDir, link.href)).size - bytes), link.href).toBeLessThanOrEqual(tolerance);
    }
    expect($(".mr-results__open-data").text()).toContain("Datenlizenz Deutschland – Namensnennung – Version 2.0");
  });

  it("gives the aggregates as CSV (comma, no BOM) whose counts are the results file's", () => {
    expect(file("umfrage.csv").subarray(0, 3).toString("hex")).not.toBe("efbbbf");
    const rows = csv("umfrage.csv");
    const bezug = rows.filter((r) => r.question_id === "bezug");
    const counts = survey.questions.find((q) => q.id === "bezug") as { counts: Record<string, number>; answered: number };
    expect(Object.fromEntries(bezug.map((r) => [r.answer, Number(r.count)]))).toEqual(counts.counts);
    expect(Number(bezug[0]!.share)).toBeCloseTo(counts.counts[bezug[0]!.answer!]! / counts.answered, 4);
    // The ranking's "how often first" and each question in the file's order, the hidden one left out.
    const first = rows.filter((r) => r.question_id === "prioritaeten" && r.position === "1");
    const ranking = survey.questions.find((q) => q.id === "prioritaeten") as { positions: Record<string, number[]> };
    expect(Object.fromEntries(first.map((r) => [r.answer, Number(r.count)]))).toEqual(Object.fromEntries(Object.entries(ranking.positions).map(([o, p]) => [o, p[0]])));
    expect([...new Set(rows.map((r) => r.question_id))]).toEqual(survey.questions.map((q) => q.id).filter((id) => id !== "drei_worte"));
    expect(rows.some((r) => r.question_id === "drei_worte")).toBe(false);
  });

  it("gives the same table for German Excel: BOM, semicolons, decimal commas", () => {
    const bytes = file("umfrage-excel.csv");
    expect(bytes.subarray(0, 3).toString("hex")).toBe("efbbbf");
    const excel = csv("umfrage-excel.csv", { delimiter: ";" });
    const plain = csv("umfrage.csv");
    expect(Object.keys(excel[0]!)).toEqual(Object.keys(plain[0]!));
    expect(excel.length).toBe(plain.length);
    const scale = excel.find((r) => r.question_id === "zufriedenheit")!;
    expect(scale.mean).toMatch(/^\d+,\d+$/);
    excel.forEach((row, i) => {
      for (const [column, value] of Object.entries(row)) expect(value.replace(/^(-?\d+),(\d+)$/, "$1.$2"), column).toBe(plain[i]![column]);
    });
  });

  it("gives the aggregates as JSON, equal to the committed results file", () => {
    expect(JSON.parse(file("umfrage.json").toString("utf8"))).toEqual({ ...survey, questions: survey.questions.filter((q) => q.id !== "drei_worte") });
    expect(JSON.parse(file("karte.json").toString("utf8"))).toEqual(map);
    const categories = csv("karte-kategorien.csv");
    expect(Object.fromEntries(categories.map((r) => [r.category, Number(r.count)]))).toEqual(map.categories);
  });

  it("gives the approved contributions, and only those, as a GeoJSON FeatureCollection and as CSV", () => {
    const geojson = JSON.parse(file("karte-beitraege.geojson").toString("utf8")) as { type: string; features: { type: string; id: string; geometry: { type: string; coordinates: number[] } | null; properties: Record<string, unknown> }[] };
    expect(geojson.type).toBe("FeatureCollection");
    expect(geojson.features).toHaveLength(map.approved);
    expect(geojson.features.map((f) => f.id)).toEqual(map.items.map((i) => i.id));
    for (const feature of geojson.features) {
      expect(feature.type).toBe("Feature");
      expect(feature.geometry?.type).toBe("Point");
      const [lng, lat] = feature.geometry!.coordinates;
      expect(lng).toBeGreaterThan(-180);
      expect(lng).toBeLessThan(180);
      expect(lat).toBeGreaterThan(-90);
      expect(lat).toBeLessThan(90);
      expect(CONTRIBUTION_STATUSES).toContain(feature.properties.status);
    }
    const done = map.items.find((i) => i.status === "done")!;
    expect(geojson.features.find((f) => f.id === done.id)!.properties).toMatchObject({ comment: done.comment, city_answer: done.answer, status_label: "Umgesetzt" });
    const rows = csv("karte-beitraege.csv");
    expect(rows.map((r) => r.id)).toEqual(map.items.map((i) => i.id));
    const withPoint = map.items.find((i) => i.point)!;
    expect(rows.find((r) => r.id === withPoint.id)).toMatchObject({ longitude: String(withPoint.point![0]), latitude: String(withPoint.point![1]) });
  });

  it("explains every column of every table, and every GeoJSON property, in German and English", () => {
    const tables: [string, string[]][] = [
      ["umfrage-datenbeschreibung.csv", Object.keys(csv("umfrage.csv")[0]!)],
      ["karte-kategorien-datenbeschreibung.csv", Object.keys(csv("karte-kategorien.csv")[0]!)],
      ["karte-beitraege-datenbeschreibung.csv", Object.keys(csv("karte-beitraege.csv")[0]!)],
    ];
    const properties = Object.keys((JSON.parse(file("karte-beitraege.geojson").toString("utf8")) as { features: { properties: object }[] }).features[0]!.properties);
    for (const [dictionary, columns] of tables) {
      const entries = csv(dictionary);
      expect(entries.map((e) => e.column), dictionary).toEqual(columns);
      for (const entry of entries) {
        expect(entry.description_de!.length, `${dictionary} ${entry.column}`).toBeGreaterThan(10);
        expect(entry.description_en!.length, `${dictionary} ${entry.column}`).toBeGreaterThan(10);
        expect(entry.description_de).not.toBe(entry.description_en);
      }
    }
    // A column name may mean something else in another table: a category's share is of the approved contributions.
    expect(csv("karte-kategorien-datenbeschreibung.csv").find((e) => e.column === "share")!.description_en).toContain("divided by approved");
    const contributions = csv("karte-beitraege-datenbeschreibung.csv").map((e) => e.column);
    for (const property of properties) expect(contributions).toContain(property);
  });

  it("explains every field of the JSON files, in German and English", () => {
    for (const name of ["umfrage", "karte"]) {
      const entries = csv(`${name}-json-datenbeschreibung.csv`);
      const documented = new Set(entries.map((e) => e.field));
      for (const entry of entries) expect(entry.description_de!.length > 10 && entry.description_en!.length > 10 && entry.description_de !== entry.description_en, `${name} ${entry.field}`).toBe(true);
      // Every path in the file; an object whose keys are data (option values, months) is documented as a whole.
      const paths = new Set<string>();
      const walk = (at: string, value: unknown): void => {
        if (Array.isArray(value)) {
          if (at) paths.add(at);
          for (const element of value) if (element !== null && typeof element === "object") walk(`${at}[]`, element);
        } else if (value !== null && typeof value === "object") {
          const keys = Object.keys(value);
          if (at && documented.has(at) && !keys.some((k) => documented.has(`${at}.${k}`))) return void paths.add(at);
          for (const key of keys) walk(at ? `${at}.${key}` : key, (value as Record<string, unknown>)[key]);
        } else paths.add(at);
      };
      walk("", JSON.parse(file(`${name}.json`).toString("utf8")));
      expect([...paths].filter((p) => !documented.has(p)), name).toEqual([]);
      expect(paths.size).toBeGreaterThan(8);
    }
  });
});

describe("DCAT-AP.de metadata", () => {
  const DCAT = "http://www.w3.org/ns/dcat#";
  const DCT = "http://purl.org/dc/terms/";
  type Node = Record<string, { "@id"?: string; "@value"?: string; "@type"?: string | string[] }[] | string | string[]>;
  const values = (node: Node, property: string) => (node[property] ?? []) as { "@id"?: string; "@value"?: string }[];

  it("is in the page and in dcat.jsonld, the same object, and expands to a dcat:Dataset with what DCAT-AP.de asks for", async () => {
    const $ = site.load(PAGE);
    const scripts = $('script[type="application/ld+json"]');
    expect(scripts).toHaveLength(1);
    const inPage = JSON.parse(scripts.text()) as object;
    const asFile = JSON.parse(file("dcat.jsonld").toString("utf8")) as object;
    expect(inPage).toEqual(asFile);

    const expanded = (await jsonld.expand(asFile as jsonld.JsonLdDocument)) as unknown as Node[];
    const dataset = expanded.find((n) => (n["@type"] as string[]).includes(`${DCAT}Dataset`))!;
    expect(dataset).toBeDefined();
    expect(values(dataset, `${DCT}title`)[0]?.["@value"]).toBe("Ergebnisse – Neugestaltung Marktplatz: offene Daten");
    expect(values(dataset, `${DCT}description`)[0]?.["@value"]).toContain("Was Sie uns gesagt haben");
    const publisher = values(dataset, `${DCT}publisher`)[0] as unknown as Node;
    expect(values(publisher, "http://xmlns.com/foaf/0.1/name")[0]?.["@value"]).toBe("Stadt Musterstadt");
    const temporal = values(dataset, `${DCT}temporal`)[0] as unknown as Node;
    expect(values(temporal, `${DCAT}startDate`)[0]?.["@value"]).toBe("2027-03-01T00:00:00+01:00");
    expect(values(temporal, `${DCAT}endDate`)[0]?.["@value"]).toMatch(/^2027-04-15T23:59:59/);
    // The planning area's bounding box, around the Marktplatz (7.0, 50.94).
    const spatial = values(dataset, `${DCT}spatial`)[0] as unknown as Node;
    const bbox = values(spatial, `${DCAT}bbox`)[0]?.["@value"] ?? "";
    const corners = [...bbox.matchAll(/(-?[\d.]+) (-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(corners).toHaveLength(5);
    for (const [x, y] of corners) {
      expect(x).toBeCloseTo(7, 1);
      expect(y).toBeCloseTo(50.94, 1);
    }

    const distributions = values(dataset, `${DCAT}distribution`) as unknown as Node[];
    const downloads = $(".mr-results__open-data a[download]").map((_, a) => $(a).attr("href")).get().filter((href) => !href.endsWith("dcat.jsonld"));
    expect(distributions).toHaveLength(downloads.length);
    for (const distribution of distributions) {
      const access = values(distribution, `${DCAT}accessURL`)[0]?.["@id"] ?? "";
      expect(access.startsWith("https://mitreden.musterstadt.de/marktplatz/ergebnisse/")).toBe(true);
      expect(existsSync(fileOf(site.outDir, new URL(access).pathname)), access).toBe(true);
      expect(values(distribution, `${DCT}license`)[0]?.["@id"]).toBe("http://dcat-ap.de/def/licenses/dl-by-de/2.0");
      expect(values(distribution, `${DCT}format`)[0]?.["@id"]).toMatch(/^http:\/\/publications\.europa\.eu\/resource\/authority\/file-type\/(CSV|JSON|GEOJSON)$/);
      expect(values(distribution, `${DCAT}mediaType`)[0]?.["@id"]).toMatch(/^https:\/\/www\.iana\.org\/assignments\/media-types\//);
      expect(values(distribution, "http://dcat-ap.de/def/dcatde/licenseAttributionByText")[0]?.["@value"]).toBe("Stadt Musterstadt");
    }
  });
});

describe("open data around the campaign", () => {
  it("is not written, and not described, before publishFrom", async () => {
    const { model } = await loadSiteModel("campaigns", { now: new Date("2027-04-10T10:00:00+02:00") });
    const out = tmpDir("open-data-early");
    expect(await writeOpenData(model, out)).toEqual([]);
    const campaign = model.campaigns.find((c) => c.slug === "marktplatz")!;
    const page = campaign.pages.find((p): p is ResultsPageModel => p.type === "results")!;
    expect(openDataView(campaign, page, "de", "de", model.builtAt)).toBeUndefined();
  });

  it("speaks English in an English interface, with English number formats", async () => {
    const { model } = await loadSiteModel("campaigns", { now: AFTER });
    const campaign = model.campaigns.find((c) => c.slug === "marktplatz")!;
    const page = campaign.pages.find((p): p is ResultsPageModel => p.type === "results")!;
    const view = openDataView(campaign, page, "de", "en", model.builtAt)!;
    expect(view.groups[0]!.links.map((l) => l.label)).toEqual(["Results", "Results for Excel with German settings", "Data dictionary for “Results” in German and English", "Results", "Data dictionary for “Results (JSON)” in German and English"]);
    expect(view.groups[0]!.links[0]!.meta).toMatch(/^CSV, \d+\.\d kB$/);
    expect(view.metadata.label).toBe("Metadata for open-data portals in DCAT-AP.de");
  });

  it("carries the page's licence and the organization's contributor ID, refuses a licence it does not know, and gives a contribution without a place no geometry", async () => {
    const dir = tmpDir("open-data-licence");
    cpSync("campaigns", dir, { recursive: true });
    try {
      const campaignFile = path.join(dir, "marktplatz/campaign.json");
      const data = JSON.parse(readFileSync(campaignFile, "utf8")) as { pages: { type: string; licence?: string }[] };
      const results = data.pages.find((p) => p.type === "results")!;
      results.licence = "cc-by-sa-9";
      writeFileSync(campaignFile, JSON.stringify(data, null, 2));
      await expect(loadSiteModel(dir, { now: AFTER })).rejects.toThrow(/\/licence.*"cc-by-sa-9" is no licence mitreden knows; write one of dl-de\/by-2-0/s);

      results.licence = "dl-de/zero-2-0";
      writeFileSync(campaignFile, JSON.stringify(data, null, 2));
      const siteFile = path.join(dir, "site.json");
      const siteData = JSON.parse(readFileSync(siteFile, "utf8")) as { organization: Record<string, unknown> };
      siteData.organization.contributorId = "http://dcat-ap.de/def/contributors/stadtMusterstadt";
      writeFileSync(siteFile, JSON.stringify(siteData, null, 2));
      const mapFile = path.join(dir, "marktplatz/results/karte.json");
      const figures = JSON.parse(readFileSync(mapFile, "utf8")) as MapResultsFile;
      const [first] = figures.items;
      delete first!.point;
      delete first!.place;
      first!.description = "Vor der Apotheke";
      writeFileSync(mapFile, JSON.stringify(figures));

      const { model } = await loadSiteModel(dir, { now: AFTER });
      const campaign = model.campaigns.find((c) => c.slug === "marktplatz")!;
      const page = campaign.pages.find((p): p is ResultsPageModel => p.type === "results")!;
      const data2 = openDataOf(campaign, page, model.builtAt)!;
      const dcat = data2.dcat as { "dcatde:contributorID": { "@id": string }; "dcat:distribution": Record<string, unknown>[] };
      expect(dcat["dcatde:contributorID"]["@id"]).toBe("http://dcat-ap.de/def/contributors/stadtMusterstadt");
      for (const distribution of dcat["dcat:distribution"]) {
        expect(distribution["dct:license"]).toEqual({ "@id": "http://dcat-ap.de/def/licenses/dl-zero-de/2.0" });
        expect(distribution["dcatde:licenseAttributionByText"]).toBeUndefined();
      }
      const geojson = JSON.parse(data2.files.find((f) => f.kind === "geojson")!.body.toString("utf8")) as { features: { id: string; geometry: unknown; properties: Record<string, unknown> }[] };
      expect(geojson.features[0]).toMatchObject({ id: first!.id, geometry: null, properties: { description: "Vor der Apotheke" } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
