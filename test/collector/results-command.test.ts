// `mitreden results`: 10,000 responses and 500 contributions, on SQLite and on PostgreSQL. Every figure
// in the results files equals the same figure counted from `mitreden export` of the same store.
import { cpSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { MapResultsFile, SurveyResultsFile } from "../../src/campaign/results-file.js";
import { exportPage, type StoreLocation } from "../../src/collector/commands.js";
import { writeResults } from "../../src/collector/results/write.js";
import { openStore, type Store } from "../../src/collector/store/index.js";
import { CAMPAIGNS_DIR } from "./helpers/campaigns.js";
import { tempDir } from "./helpers/collector.js";
import { startPostgres, type TestPostgres } from "./helpers/postgres.js";
import { marktplatzContribution, marktplatzResponse } from "./helpers/seed.js";

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
    const written = await writeResults({ ...location, slug: "marktplatz" });
    expect(written.files.map((f) => path.relative(campaignsDir, f))).toEqual(["marktplatz/results/umfrage.json", "marktplatz/results/karte.json"]);
    survey = JSON.parse(readFileSync(path.join(campaignsDir, "marktplatz/results/umfrage.json"), "utf8"));
    map = JSON.parse(readFileSync(path.join(campaignsDir, "marktplatz/results/karte.json"), "utf8"));
    rows = (await exported(location, "umfrage")).rows!;
  }, 300_000);
  afterAll(async () => {
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
});
