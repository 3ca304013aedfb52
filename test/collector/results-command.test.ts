// `mitreden results`: 10,000 responses and 500 contributions, on SQLite and on PostgreSQL. Every figure
// in the results files equals the same figure counted from `mitreden export` of the same store; then
// the site is built from those files, and every figure on the results page equals the one counted
// from the export too (table, sentence, chart); the page passes html-validate and pa11y.
import { cpSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { audit } from "../../src/audit/index.js";
import { loadSiteModel } from "../../src/campaign/index.js";
import type { MapPageModel, ResultsPageModel, SurveyPageModel } from "../../src/campaign/model.js";
import type { MapResultsFile, SurveyResultsFile } from "../../src/campaign/results-file.js";
import { exportPage, type StoreLocation } from "../../src/collector/commands.js";
import { writeResults } from "../../src/collector/results/write.js";
import { openStore, type Store } from "../../src/collector/store/index.js";
import { CAMPAIGNS_DIR } from "./helpers/campaigns.js";
import { tempDir } from "./helpers/collector.js";
import { startPostgres, type TestPostgres } from "./helpers/postgres.js";
import { marktplatzContribution, marktplatzResponse } from "./helpers/seed.js";
import { numbersInBins, questionFromExport, questionOnPage, shownQuestions } from "./helpers/results-page.js";
import { htmlValidate } from "../unit/html-validate-rules.js";
import { buildInto, type BuiltSite } from "../unit/site-support.js";

/** After the results page's publishFrom (the day after Marktplatz ends). */
const PUBLISHED = new Date("2027-05-10T10:00:00+02:00");
const RESULTS_URL = "/marktplatz/ergebnisse/";

const RESPONSES = 10_000;
const CONTRIBUTIONS = 500;

type Row = Record<string, string | number | null>;

async function exported(location: StoreLocation, pageId: string, format: "json" | "geojson" = "json"): Promise<{ rows?: Row[]; features?: { properties: Row }[] }> {
  let text = "";
  const out = new PassThrough();
  out.on("data", (chunk: Buffer) => (text += chunk.toString()));
  await exportPage({ ...location, slug: "marktplatz", pageId, format }, out);
  return JSON.parse(text);
}

async function seed(store: Store): Promise<void> {
  for (let start = 0; start < RESPONSES; start += 500) {
    await Promise.all(Array.from({ length: 500 }, (_, k) => store.insertResponse(marktplatzResponse(start + k))));
  }
  for (let i = 0; i < CONTRIBUTIONS; i++) await store.insertContribution(marktplatzContribution(i));
  // Two in three approved, one in six rejected, the rest waiting.
  for (let i = 0; i < CONTRIBUTIONS; i++) {
    if (i % 6 === 5) continue;
    const status = i % 6 === 4 ? "rejected" : "approved";
    const at = "2027-04-10T10:00:00.000Z";
    const id = marktplatzContribution(i).id;
    await store.changeContribution(id, 1, { status, moderatedAt: at, moderatedBy: "test", ...(status === "rejected" ? { reason: "off-topic" } : {}) }, { at, actor: "test", action: `contribution.${status === "rejected" ? "reject" : "approve"}`, target: `contribution:${id}` });
  }
}

const stores: [string, () => Promise<{ location: (dir: string) => StoreLocation; open: () => Promise<Store>; stop: () => Promise<void> }>][] = [
  [
    "SQLite",
    async () => {
      const dir = tempDir("results-sqlite");
      const file = path.join(dir, "mitreden.sqlite");
      return { location: (campaignsDir) => ({ campaignsDir, db: file, databaseUrl: "" }), open: () => openStore({ file }), stop: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  ],
  [
    "PostgreSQL",
    async () => {
      const server: TestPostgres = await startPostgres();
      const url = `${server.url}${server.url.includes("?") ? "&" : "?"}options=${encodeURIComponent(`-c search_path=${server.schema}`)}`;
      return { location: (campaignsDir) => ({ campaignsDir, databaseUrl: url }), open: () => openStore({ databaseUrl: server.url, schema: server.schema }), stop: () => server.stop() };
    },
  ],
];

describe.each(stores)("mitreden results on %s", (_name, setUp) => {
  let campaignsDir: string;
  let location: StoreLocation;
  let stop: () => Promise<void>;
  let survey: SurveyResultsFile;
  let map: MapResultsFile;
  let rows: Row[];
  let site: BuiltSite;

  beforeAll(async () => {
    const s = await setUp();
    stop = s.stop;
    campaignsDir = tempDir("results-campaigns");
    cpSync(CAMPAIGNS_DIR, campaignsDir, { recursive: true });
    location = s.location(campaignsDir);
    const store = await s.open();
    try {
      await seed(store);
    } finally {
      await store.close();
    }
    // Counted by three threads, as a big survey is (the ranges of arrival add up; see the test below).
    const written = await writeResults({ ...location, slug: "marktplatz", workers: 3 });
    expect(written.files.map((f) => path.relative(campaignsDir, f))).toEqual(["marktplatz/results/umfrage.json", "marktplatz/results/karte.json"]);
    survey = JSON.parse(readFileSync(path.join(campaignsDir, "marktplatz/results/umfrage.json"), "utf8"));
    map = JSON.parse(readFileSync(path.join(campaignsDir, "marktplatz/results/karte.json"), "utf8"));
    rows = (await exported(location, "umfrage")).rows!;
    site = await buildInto(campaignsDir, { now: PUBLISHED });
  }, 400_000);
  afterAll(async () => {
    await site?.remove();
    rmSync(campaignsDir, { recursive: true, force: true });
    await stop?.();
  });

  const question = <T>(id: string) => survey.questions.find((q) => q.id === id) as T;
  const countBy = (key: string) => {
    const counts = new Map<unknown, number>();
    for (const row of rows) if (row[key] !== null) counts.set(row[key], (counts.get(row[key]) ?? 0) + 1);
    return counts;
  };

  test("responses, single choice (with other) and multiple choice equal the export's", () => {
    expect(survey.responses).toBe(RESPONSES);
    expect(rows).toHaveLength(RESPONSES);
    const bezug = question<{ counts: Record<string, number>; answered: number }>("bezug");
    // The export writes labels; "Sonstiges" is the other choice.
    const byLabel = countBy("bezug");
    expect(bezug.counts.__other).toBe(byLabel.get("Sonstiges"));
    expect(bezug.answered).toBe([...byLabel.values()].reduce((a, b) => a + b, 0));
    const nutzung = question<{ counts: Record<string, number>; answered: number }>("nutzung");
    for (const [value, n] of Object.entries(nutzung.counts)) expect(n, value).toBe(rows.filter((r) => r[`nutzung__${value}`] === 1).length);
    expect(nutzung.answered).toBe(rows.filter((r) => r.nutzung__wochenmarkt !== null).length);
  });

  test("one thread counts the same file as three, byte for byte", async () => {
    const threeThreads = readFileSync(path.join(campaignsDir, "marktplatz/results/umfrage.json"), "utf8");
    expect(JSON.parse(threeThreads)).toEqual(survey);
    await writeResults({ ...location, slug: "marktplatz", workers: 1 });
    expect(readFileSync(path.join(campaignsDir, "marktplatz/results/umfrage.json"), "utf8")).toBe(threeThreads);
  });

  test("scale, ranking, number and date figures equal the export's", () => {
    const scale = question<{ counts: Record<string, number>; mean: number }>("zufriedenheit");
    for (const [step, n] of Object.entries(scale.counts)) expect(n).toBe(countBy("zufriedenheit").get(Number(step)) ?? 0);
    const answers = rows.map((r) => r.zufriedenheit).filter((v): v is number => typeof v === "number");
    expect(scale.mean).toBeCloseTo(answers.reduce((a, b) => a + b, 0) / answers.length, 10);

    const ranking = question<{ positions: Record<string, number[]> }>("prioritaeten");
    for (const [option, places] of Object.entries(ranking.positions)) expect(places[0]).toBe(rows.filter((r) => r[`prioritaeten__${option}`] === 1).length);

    const sizes = rows.map((r) => r.gruppe_groesse).filter((v): v is number => typeof v === "number").sort((a, b) => a - b);
    const number = question<{ min: number; max: number; median: number; answered: number }>("gruppe_groesse");
    const mid = sizes.length / 2;
    expect(number).toMatchObject({ answered: sizes.length, min: sizes[0], max: sizes.at(-1), median: sizes.length % 2 ? sizes[Math.floor(mid)] : (sizes[mid - 1]! + sizes[mid]!) / 2 });

    const months = question<{ months: Record<string, number> }>("gruppe_termin").months;
    expect(months["2027-03"]).toBe(rows.filter((r) => String(r.gruppe_termin).startsWith("2027-03")).length);
    expect(months["2027-04"]).toBe(rows.filter((r) => String(r.gruppe_termin).startsWith("2027-04")).length);
    expect(JSON.stringify(survey)).not.toContain("Mehr Bäume");
  });

  test("the map's figures equal the export's, and only approved contributions are published", async () => {
    const features = (await exported(location, "karte", "geojson")).features!;
    const approved = features.filter((f) => f.properties.status === "approved");
    expect(map).toMatchObject({ received: CONTRIBUTIONS, approved: approved.length });
    expect(map.items.map((i) => i.id)).toEqual(approved.map((f) => f.properties.id));
    for (const category of ["idee", "problem", "lob"]) expect(map.categories[category]).toBe(approved.filter((f) => f.properties.category === category).length);
    expect(new Set(map.items.map((i) => i.status))).toEqual(new Set(["received"]));
  });

  test("the built results page shows every survey figure as counted from the export: tables, sentences, summaries", async () => {
    const campaign = (await loadSiteModel(campaignsDir, { now: PUBLISHED })).model.campaigns.find((c) => c.slug === "marktplatz")!;
    const page = campaign.pages.find((p): p is SurveyPageModel => p.id === "umfrage")!;
    const results = campaign.pages.find((p): p is ResultsPageModel => p.type === "results")!;
    const $ = site.load(RESULTS_URL);
    expect($('section[aria-labelledby="ergebnis-umfrage"] > p.kern-body').first().text().trim()).toBe("10.000 Personen haben an der Umfrage teilgenommen.");
    const questions = shownQuestions(page, results.hide);
    expect(questions.length).toBeGreaterThan(10);
    for (const q of questions) {
      const shown = questionOnPage($, "umfrage", q.id);
      expect(shown, q.id).toBeDefined();
      const counted = questionFromExport(q, page, rows as never);
      expect(shown!.answered, q.id).toBe(counted.answered);
      expect(shown!.summary, q.id).toBe(counted.summary);
      if (q.type === "number") {
        const bins = numbersInBins(shown!, q.id, rows as never);
        expect(bins.length, q.id).toBeGreaterThan(1);
        for (const bin of bins) expect(bin.shown, `${q.id} ${bin.label}`).toBe(bin.counted);
        expect(bins.reduce((sum, b) => sum + b.shown, 0)).toBe(rows.filter((r) => typeof r[q.id] === "number").length);
      } else {
        expect(Object.fromEntries(shown!.rows), q.id).toEqual(Object.fromEntries(counted.rows));
      }
    }
    // Hidden questions and free text are not on the page.
    for (const id of results.hide) expect(questionOnPage($, "umfrage", id)).toBeUndefined();
    expect($("main").text()).not.toContain("Grün statt Grau");
  });

  test("the built results page shows the map's figures as counted from the export", async () => {
    const campaign = (await loadSiteModel(campaignsDir, { now: PUBLISHED })).model.campaigns.find((c) => c.slug === "marktplatz")!;
    const karte = campaign.pages.find((p): p is MapPageModel => p.id === "karte")!;
    const features = (await exported(location, "karte", "geojson")).features!;
    const approved = features.filter((f) => f.properties.status === "approved");
    const $ = site.load(RESULTS_URL);
    const section = $('section[aria-labelledby="ergebnis-karte"]');
    expect(section.children("p.kern-body").first().text().trim()).toBe(`${approved.length} von ${features.length} Beiträgen sind veröffentlicht.`);
    const table = Object.fromEntries(section.find("tbody tr").map((_, tr) => [[$(tr).find("th").text().trim(), Number($(tr).find("td").first().text())]]).get());
    expect(table).toEqual(Object.fromEntries(karte.map.categories.map((c) => [c.label.de, approved.filter((f) => f.properties.category === c.id).length])));
    // Nobody has answered yet: every published contribution is "Eingegangen", each listed once.
    expect(section.find("h4").map((_, h) => $(h).text().trim()).get()).toEqual([`Eingegangen (${approved.length})`]);
    expect(section.find(".mr-results__contributions > li")).toHaveLength(approved.length);
  });

  test("every chart's bars are as long as the table's counts say (read from the SVG)", () => {
    const $ = site.load(RESULTS_URL);
    const charts = $(".mr-results__chart").toArray();
    expect(charts.length).toBeGreaterThan(10);
    for (const chart of charts) {
      // The chart follows its table.
      const table = $(chart).prevAll(".kern-table-responsive").first();
      const counts = table.find("tbody td:nth-of-type(1)").map((_, td) => Number($(td).text())).get();
      const bars = $(chart).find("svg").map((_, svg) => ({ box: Number($(svg).attr("viewBox")!.split(" ")[2]), width: Number($(svg).find("rect").attr("width")) })).get();
      expect(bars, $(chart).attr("data-chart")).toHaveLength(counts.length);
      const most = Math.max(...counts);
      bars.forEach((bar, i) => expect(bar.width, `${$(chart).attr("data-chart")} row ${i}`).toBeCloseTo((counts[i]! / most) * bar.box, 1));
    }
  });

  test("the page passes html-validate and pa11y", async () => {
    const report = await htmlValidate.validateString(site.read(RESULTS_URL));
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
    const result = await audit({ siteDir: site.outDir, campaignsDir, include: (t) => t.kind === "page" && t.url === RESULTS_URL });
    expect(result.urls).toEqual([RESULTS_URL]);
    expect(result.issues.map((i) => `${i.code} ${i.selector}: ${i.message}`)).toEqual([]);
  }, 180_000);
});
