// The desk's live counts per question (templates/desk/survey.njk) on SQLite and PostgreSQL: the
// numbers a moderator reads in the tables equal those counted by hand from the admin's JSON export
// of the same store — per option with "Sonstiges", per scale step, ranking's "Auf Platz 1", the
// places of a location question, and "x von y Personen" for questions shown only to some.
import { randomUUID } from "node:crypto";
import * as cheerio from "cheerio";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Store } from "../../src/collector/store/index.js";
import { JSON_HEADERS, testCollector, type TestCollector } from "./helpers/collector.js";
import { addStaff, loggedIn, type LoggedIn } from "./helpers/desk.js";
import { bothStores } from "./helpers/stores.js";

const RESPONSES = 41;
const BEZUG = ["altstadt", "stadtteil", "arbeit", "gewerbe", "besuch"];
const HAEUFIGKEIT = ["Täglich", "Mehrmals pro Woche", "Etwa einmal pro Woche", "Ein paarmal im Monat", "Seltener"];
const NUTZUNG = ["wochenmarkt", "geschaefte", "gastronomie", "verweilen", "veranstaltungen", "durchqueren", "parken", "bus"];
const PRIORITAETEN = ["gruen", "sitzen", "barrierefrei", "markt", "spielen", "autoparken", "radparken"];
const PARKPLAETZE = ["alle", "weniger", "keine", "weiss-nicht"];

/** Response i of a varied crowd: every kind of answer, some questions skipped, some shown to a few. */
function answersOf(i: number): Record<string, unknown> {
  const a: Record<string, unknown> = { einwilligung: true };
  if (i % 6 === 5) Object.assign(a, { bezug: "__other", bezug__other: "Marktbeschicker" });
  else a.bezug = BEZUG[i % 6];
  if (i % 6 !== 4) a.haeufigkeit = HAEUFIGKEIT[(i * 7) % 5];
  // At most three (the question's limit), "Sonstiges" among them for every fifth.
  const nutzung = NUTZUNG.filter((_, k) => ((i * 37) >> k) & 1).slice(0, i % 5 === 0 ? 2 : 3);
  if (i % 5 === 0) nutzung.push("__other");
  if (nutzung.length) a.nutzung = nutzung;
  if (i % 5 === 0) a.nutzung__other = "Straßenmusik";
  if (i % 7 !== 6) a.zufriedenheit = 1 + ((i * 3) % 5);
  if (i % 8 !== 7) a.prioritaeten = [...PRIORITAETEN.slice(i % 7), ...PRIORITAETEN.slice(0, i % 7)];
  a.parkplaetze = PARKPLAETZE[i % 4];
  a.lieblingsort = [{ place: "brunnen" }, { point: [6.99998, 50.93998] }, { description: "Am Rathaus" }, { place: "bushaltestelle" }][i % 4];
  if (i % 2) a.idee = `Idee Nr. ${i}`;
  if (i % 3 === 0) Object.assign(a, { gruppe: "ja", gruppe_name: "Seniorentreff", gruppe_groesse: 2 + (i % 30), gruppe_termin: ["2027-03-23", "2027-03-30", "2027-04-02", "2027-04-08"][i % 4] });
  else if (i % 3 === 1) a.gruppe = "nein";
  return a;
}

type Row = Record<string, string | number | null>;
interface Shown {
  sentence: string;
  rows: Record<string, number>;
  third: Record<string, string>;
  /** The rows' labels in the table's order (an object's keys put "2" before "1 – …"). */
  labels: string[];
}

/** What the page shows per question: the sentence under its heading and its table as label → count. */
function readPage(html: string): Map<string, Shown> {
  const $ = cheerio.load(html);
  const shown = new Map<string, Shown>();
  $("section.mr-desk-question").each((_, section) => {
    const id = $(section).find("h3").attr("id")!.replace(/^frage-/, "");
    const rows: Record<string, number> = {};
    const third: Record<string, string> = {};
    const labels: string[] = [];
    $(section)
      .find("table[data-question] tbody tr")
      .each((_, tr) => {
        const label = $(tr).find("th[scope=row]").text().trim();
        labels.push(label);
        rows[label] = Number($(tr).find("td").eq(0).text().trim());
        third[label] = $(tr).find("td").eq(1).text().trim();
      });
    shown.set(id, { sentence: $(section).find("p").first().text().trim(), rows, third, labels });
  });
  return shown;
}

/** label → how many rows have it in `key`. */
function tally(rows: Row[], key: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of rows) if (r[key] !== null && r[key] !== undefined && r[key] !== "") counts[String(r[key])] = (counts[String(r[key])] ?? 0) + 1;
  return counts;
}
const nonZero = (rows: Record<string, number>) => Object.fromEntries(Object.entries(rows).filter(([, n]) => n > 0));
const answeredSentence = (answered: number, of: number) => `${answered} von ${of} Personen haben diese Frage beantwortet.`;

const stores = bothStores("desk-counts");

describe.each(stores)("the desk's counts per question (%s)", (_name, open) => {
  let store: Store;
  let c: TestCollector;
  let anna: LoggedIn;
  let page: Map<string, Shown>;
  let html: string;
  let rows: Row[];
  let columns: { key: string; label: string }[];

  beforeAll(async () => {
    store = await open();
    c = await testCollector({ store });
    for (let i = 0; i < RESPONSES; i++) {
      const sent = await c.app.inject({ method: "POST", url: "/api/marktplatz/umfrage/responses", headers: JSON_HEADERS, payload: { answers: answersOf(i), _id: randomUUID(), _locale: "de" } });
      expect(sent.statusCode, sent.body).toBe(201);
    }
    await addStaff(store, "anna", "admin");
    anna = await loggedIn(c, "anna");
    const shown = await anna.get("/admin/surveys/marktplatz/umfrage", { "accept-language": "de" });
    expect(shown.statusCode).toBe(200);
    html = shown.body;
    page = readPage(html);
    const exported = await anna.get("/admin/export/marktplatz/umfrage/json");
    expect(exported.statusCode).toBe(200);
    ({ rows, columns } = JSON.parse(exported.body) as { rows: Row[]; columns: { key: string; label: string }[] });
    expect(rows).toHaveLength(RESPONSES);
  }, 60_000);
  afterAll(async () => {
    await c?.close();
    await store?.close();
  });

  test("single choice and select: each option's count (Sonstiges included) is the number of export rows with it", () => {
    for (const id of ["bezug", "haeufigkeit", "parkplaetze", "gruppe"]) {
      const counts = tally(rows, id);
      const answered = Object.values(counts).reduce((a, b) => a + b, 0);
      expect(nonZero(page.get(id)!.rows), id).toEqual(counts);
      expect(page.get(id)!.sentence, id).toContain(answeredSentence(answered, RESPONSES));
    }
    expect(page.get("bezug")!.rows.Sonstiges).toBe(tally(rows, "bezug").Sonstiges);
    expect(page.get("bezug")!.rows.Sonstiges).toBeGreaterThan(0);
  });

  test("multiple choice: each option's count is the number of export rows with a 1 in its column", () => {
    const shown = page.get("nutzung")!;
    const optionColumns = columns.filter((col) => col.key.startsWith("nutzung__") && rows.some((r) => r[col.key] === 1 || r[col.key] === 0));
    expect(optionColumns).toHaveLength(NUTZUNG.length + 1);
    const expected = optionColumns.map((col) => [col.label.slice(col.label.lastIndexOf(": ") + 2), rows.filter((r) => r[col.key] === 1).length]);
    expect(Object.entries(shown.rows)).toEqual(expected);
    const answered = rows.filter((r) => optionColumns.some((col) => r[col.key] === 1)).length;
    expect(shown.sentence).toContain(answeredSentence(answered, RESPONSES));
  });

  test("scale: each step's count, every step shown (also those nobody chose)", () => {
    const shown = page.get("zufriedenheit")!;
    const counts = tally(rows, "zufriedenheit");
    // The ends carry the campaign's words for them, as the form showed them.
    expect(shown.labels).toEqual(["1 – gar nicht zufrieden", "2", "3", "4", "5 – sehr zufrieden"]);
    const byStep = Object.fromEntries(Object.entries(shown.rows).map(([label, n]) => [label.split(" ")[0]!, n]));
    expect(nonZero(byStep)).toEqual(counts);
    expect(shown.sentence).toContain(answeredSentence(Object.values(counts).reduce((a, b) => a + b, 0), RESPONSES));
  });

  test("ranking: how often each option is on place 1, and its average place, as the export's positions say", () => {
    const shown = page.get("prioritaeten")!;
    const rankColumns = columns.filter((col) => col.key.startsWith("prioritaeten__"));
    for (const col of rankColumns) {
      const label = col.label.slice(col.label.indexOf(": ") + 2).replace(/ \([^)]*\)$/, "");
      const places = rows.map((r) => r[col.key]).filter((p): p is number => typeof p === "number");
      expect(shown.rows[label], label).toBe(places.filter((p) => p === 1).length);
      const average = places.reduce((a, b) => a + b, 0) / places.length;
      expect(shown.third[label], label).toBe((Math.round(average * 100) / 100).toLocaleString("de-DE"));
    }
  });

  test("ranking: the whole distribution, how often each option is on each place, as the export's positions say", () => {
    const $ = cheerio.load(html);
    const table = $("table[data-places=prioritaeten]");
    // Wider than a phone: its scrolling box takes the keyboard's focus and is named by the caption.
    const box = table.parent();
    expect(box.attr("tabindex")).toBe("0");
    expect($(`#${box.attr("aria-labelledby")}`).is(table.find("caption"))).toBe(true);
    expect(table.find("thead th[scope=col]").map((_, th) => $(th).text()).get().slice(1)).toEqual(PRIORITAETEN.map((_, i) => `Platz ${i + 1}`));
    for (const col of columns.filter((c) => c.key.startsWith("prioritaeten__"))) {
      const label = col.label.slice(col.label.indexOf(": ") + 2).replace(/ \([^)]*\)$/, "");
      const row = table.find("tbody tr").filter((_, tr) => $(tr).find("th").text().trim() === label);
      const shown = row.find("td").map((_, td) => Number($(td).text())).get();
      const expected = PRIORITAETEN.map((_, i) => rows.filter((r) => r[col.key] === i + 1).length);
      expect(shown, label).toEqual(expected);
    }
  });

  test("location: named place, point on the map, words only — each answer once", () => {
    const shown = page.get("lieblingsort")!;
    const point = rows.filter((r) => r.lieblingsort__place === null && r.lieblingsort__lng !== null).length;
    const words = rows.filter((r) => r.lieblingsort__place === null && r.lieblingsort__lng === null && r.lieblingsort__description !== null).length;
    expect(nonZero(shown.rows)).toEqual({ ...tally(rows, "lieblingsort__place"), "Punkt auf der Karte": point, "Nur beschrieben": words });
    expect(shown.rows.Rathaustreppe).toBe(0);
  });

  test("questions shown only to some: 'x von y' counts those who were asked; free text only how many answered", () => {
    const asked = rows.filter((r) => r.gruppe === "Ja").length;
    expect(asked).toBeGreaterThan(0);
    expect(page.get("gruppe_name")!.sentence).toContain(answeredSentence(rows.filter((r) => r.gruppe_name !== null).length, asked));
    expect(page.get("gruppe_groesse")!.sentence).toContain(answeredSentence(rows.filter((r) => r.gruppe_groesse !== null).length, asked));
    const bins = Object.values(page.get("gruppe_groesse")!.rows).reduce((a, b) => a + b, 0);
    expect(bins).toBe(rows.filter((r) => r.gruppe_groesse !== null).length);
    expect(page.get("idee")!.sentence).toContain(answeredSentence(rows.filter((r) => r.idee !== null).length, RESPONSES));
    // E-mail and consent are not counted; free text never appears in the counts.
    expect(page.has("email")).toBe(false);
    expect(page.has("einwilligung")).toBe(false);
    expect([...page.values()].some((q) => JSON.stringify(q).includes("Idee Nr."))).toBe(false);
  });

  test("the same figures in English, labelled for screen readers: caption and header cells with scope", async () => {
    const en = await anna.get("/admin/surveys/marktplatz/umfrage", { "accept-language": "en" });
    const $ = cheerio.load(en.body);
    expect($("#desk-counts").text()).toBe("Answers per question");
    const table = $("table[data-question=bezug]");
    expect(table.find("caption").text()).toMatch(/\(n = \d+\)$/);
    expect(table.find("thead th[scope=col]")).toHaveLength(3);
    expect(table.find("tbody th[scope=row]").length).toBe(BEZUG.length + 1);
    expect(table.find("tbody td").eq(0).text()).toBe(String(page.get("bezug")!.rows[Object.keys(page.get("bezug")!.rows)[0]!]));
    expect($("section.mr-desk-question").first().find("p").first().text()).toMatch(/of 41 people answered this question/);
  });

  test("counts are live: a new response shows on the next visit (the page keeps its counts only while the survey is unchanged)", async () => {
    const before = readPage((await anna.get("/admin/surveys/marktplatz/umfrage", { "accept-language": "de" })).body).get("bezug")!;
    expect(before.sentence).toContain(`von ${RESPONSES} Personen`);
    const sent = await c.app.inject({ method: "POST", url: "/api/marktplatz/umfrage/responses", headers: JSON_HEADERS, payload: { answers: { einwilligung: true, bezug: "arbeit" }, _id: randomUUID(), _locale: "de" } });
    expect(sent.statusCode).toBe(201);
    const after = readPage((await anna.get("/admin/surveys/marktplatz/umfrage", { "accept-language": "de" })).body).get("bezug")!;
    expect(after.sentence).toContain(`von ${RESPONSES + 1} Personen`);
    const arbeit = Object.keys(after.rows).find((label) => after.rows[label] !== before.rows[label])!;
    expect(after.rows[arbeit]).toBe(before.rows[arbeit]! + 1);
  });

  test("kept counts equal a fresh count after arrivals, views at the same moment, a removal and a redaction", async () => {
    // A second collector on the same store has kept nothing: it counts every response afresh.
    const fresh = await testCollector({ store });
    try {
      const bea = await loggedIn(fresh, "anna");
      const counts = async (who: LoggedIn) => {
        const html = (await who.get("/admin/surveys/marktplatz/umfrage", { "accept-language": "de" })).body;
        const $ = cheerio.load(html);
        const perDay = $("table").first().find("tbody tr").map((_, tr) => $(tr).text().trim()).get();
        return { questions: readPage(html), perDay, total: $("main p.kern-body--large").first().text().trim() };
      };
      const send = (answers: Record<string, unknown>) => c.app.inject({ method: "POST", url: "/api/marktplatz/umfrage/responses", headers: JSON_HEADERS, payload: { answers, _id: randomUUID(), _locale: "de" } });
      await counts(anna);
      for (let i = 0; i < 5; i++) expect((await send(answersOf(100 + i))).statusCode).toBe(201);
      // Views and arrivals at the same moment: each view may see some of the arrivals, but every
      // response ends up counted once.
      await Promise.all([counts(anna), counts(anna), send(answersOf(200)), counts(anna), send(answersOf(201)), counts(anna)]);
      const now = await counts(anna);
      expect(now).toEqual(await counts(bea));
      expect(now.questions.get("bezug")!.sentence).toContain(`von ${RESPONSES + 8} Personen`);

      // A response counted before is removed: the counts must drop, not only grow.
      const [first] = await store.listResponses("marktplatz", "umfrage");
      expect(await store.deleteSubmissions({ responses: [first!.id], contributions: [] })).toBe(1);
      expect((await send(answersOf(300))).statusCode).toBe(201);
      const afterRemoval = await counts(anna);
      expect(afterRemoval.questions.get("bezug")!.sentence).toContain(`von ${RESPONSES + 8} Personen`);
      expect(afterRemoval).toEqual(await counts(bea));

      // A free text redacted: counted again, still equal to a fresh count.
      const withIdea = (await store.listResponses("marktplatz", "umfrage")).find((r) => typeof r.answers.idee === "string")!;
      const redacted = await anna.post("/admin/surveys/marktplatz/umfrage/redact", { response: withIdea.id, version: String(withIdea.version), question: "idee", fragment: "Nr." });
      expect(redacted.statusCode, redacted.body).toBeLessThan(400);
      expect((await store.listResponses("marktplatz", "umfrage")).find((r) => r.id === withIdea.id)!.version).toBe(withIdea.version + 1);
      expect(await counts(anna)).toEqual(await counts(bea));
    } finally {
      await fresh.app.close();
    }
  });
});
