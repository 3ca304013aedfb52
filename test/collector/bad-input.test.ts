// Every way a submission can be wrong gets a 4xx that names the field and the reason — never a 500,
// never a row. JSON for the browser script, HTML for the plain form.
import { randomUUID } from "node:crypto";
import * as cheerio from "cheerio";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { fullMarktplatzAnswers } from "./helpers/campaigns.js";
import { FORM, formBody, fullMarktplatzForm, JSON_HEADERS, testCollector, type TestCollector } from "./helpers/collector.js";

let c: TestCollector;
let rowsBefore = 0;
beforeAll(async () => {
  c = await testCollector();
});
afterAll(async () => c.close());

const URL = "/api/marktplatz/umfrage/responses";
const withAnswers = (change: Record<string, unknown>) => {
  const answers: Record<string, unknown> = { ...fullMarktplatzAnswers(), ...change };
  for (const [key, value] of Object.entries(change)) if (value === undefined) delete answers[key];
  return { answers };
};

interface Case {
  name: string;
  status: number;
  field: string;
  reason: string;
  url?: string;
  headers?: Record<string, string>;
  payload: string | object;
}

const jsonCases: Case[] = [
  { name: "unknown campaign", url: "/api/altstadt/umfrage/responses", status: 404, field: "campaign", reason: "not-found", payload: withAnswers({}) },
  { name: "unknown page", url: "/api/marktplatz/befragung/responses", status: 404, field: "page", reason: "not-found", payload: withAnswers({}) },
  { name: "a page that is not a survey", url: "/api/marktplatz/karte/responses", status: 404, field: "page", reason: "not-found", payload: withAnswers({}) },
  { name: "malformed JSON", status: 400, field: "_body", reason: "malformed", payload: '{"answers": {"bezug": "altstadt",' },
  { name: "an empty JSON body", status: 400, field: "_body", reason: "malformed", payload: "" },
  { name: "a JSON array instead of an object", status: 400, field: "_body", reason: "malformed", payload: "[1, 2]" },
  { name: "prototype pollution", status: 400, field: "_body", reason: "malformed", payload: '{"answers": {"__proto__": {"admin": true}}}' },
  { name: "no answers object", status: 400, field: "answers", reason: "malformed", payload: { _id: randomUUID() } },
  { name: "a wrong content type", status: 415, field: "_body", reason: "content-type", headers: { "content-type": "text/plain", accept: "application/json" }, payload: "bezug=altstadt" },
  { name: "multipart", status: 415, field: "_body", reason: "content-type", headers: { "content-type": "multipart/form-data; boundary=x", accept: "application/json" }, payload: "--x--" },
  { name: "a 1 MB body", status: 413, field: "_body", reason: "too-large-body", payload: withAnswers({ idee: "ä".repeat(1024 * 1024) }) },
  { name: "a missing consent", status: 400, field: "einwilligung", reason: "consent", payload: withAnswers({ einwilligung: undefined }) },
  { name: "consent as a string", status: 400, field: "einwilligung", reason: "consent", payload: withAnswers({ einwilligung: "yes" }) },
  { name: "a missing required answer", status: 400, field: "bezug", reason: "required", payload: withAnswers({ bezug: undefined, bezug__other: undefined }) },
  { name: "an option that does not exist (single)", status: 400, field: "parkplaetze", reason: "option", payload: withAnswers({ parkplaetze: "tiefgarage" }) },
  { name: "an option that does not exist (select)", status: 400, field: "haeufigkeit", reason: "option", payload: withAnswers({ haeufigkeit: "Nie" }) },
  { name: "an option that does not exist (multiple)", status: 400, field: "nutzung", reason: "option", payload: withAnswers({ nutzung: ["wochenmarkt", "flohmarkt"], nutzung__other: undefined }) },
  { name: "an option that does not exist (ranking)", status: 400, field: "prioritaeten", reason: "option", payload: withAnswers({ prioritaeten: ["gruen", "sitzen", "barrierefrei", "markt", "spielen", "autoparken", "seilbahn"] }) },
  { name: "a place that does not exist", status: 400, field: "lieblingsort", reason: "option", payload: withAnswers({ lieblingsort: { place: "bahnhof" } }) },
  { name: "a ranking without every option", status: 400, field: "prioritaeten", reason: "ranking-incomplete", payload: withAnswers({ prioritaeten: ["gruen", "sitzen"] }) },
  { name: "more choices than allowed", status: 400, field: "nutzung", reason: "too-many", payload: withAnswers({ nutzung: ["wochenmarkt", "parken", "bus", "verweilen"], nutzung__other: undefined }) },
  { name: "an answer to a hidden question", status: 400, field: "zufriedenheit_grund", reason: "hidden", payload: withAnswers({ zufriedenheit: 5 }) },
  { name: "a scale value off the scale", status: 400, field: "zufriedenheit", reason: "too-large", payload: withAnswers({ zufriedenheit: 6, zufriedenheit_grund: undefined }) },
  { name: "a number sent as text", status: 400, field: "gruppe_groesse", reason: "number", payload: withAnswers({ gruppe_groesse: "zwölf" }) },
  { name: "a text longer than allowed", status: 400, field: "drei_worte", reason: "too-long", payload: withAnswers({ drei_worte: "x".repeat(61) }) },
  { name: "a date outside its range", status: 400, field: "gruppe_termin", reason: "too-early", payload: withAnswers({ gruppe_termin: "2027-03-01" }) },
  { name: "an e-mail address without @", status: 400, field: "email", reason: "email", payload: withAnswers({ email: "gruppe.beispiel.de" }) },
  { name: "a question that does not exist", status: 400, field: "lieblingsfarbe", reason: "unknown", payload: withAnswers({ lieblingsfarbe: "grün" }) },
  { name: "a filled honeypot", status: 400, field: "website-url", reason: "honeypot", payload: { ...withAnswers({}), "website-url": "https://spam.example" } },
  { name: "an id that is not a UUID", status: 400, field: "_id", reason: "id", payload: { ...withAnswers({}), _id: "1; DROP TABLE responses" } },
];

describe("JSON (browser script)", () => {
  beforeAll(async () => {
    rowsBefore = await c.store.countResponses();
  });
  afterEach(async () => {
    expect(await c.store.countResponses()).toBe(rowsBefore);
  });

  test.each(jsonCases)("$name → $status $field $reason", async (kase) => {
    const payload = typeof kase.payload === "string" ? kase.payload : JSON.stringify(kase.payload);
    const response = await c.app.inject({ method: "POST", url: kase.url ?? URL, headers: kase.headers ?? JSON_HEADERS, payload });
    expect(response.statusCode).toBe(kase.status);
    const body = response.json();
    expect(body).toMatchObject({ statusCode: kase.status, data: { issues: expect.any(Array) } });
    expect(body.data.issues).toContainEqual(expect.objectContaining({ field: kase.field, reason: kase.reason, message: expect.stringMatching(/\w/) }));
  });

  test("outside the survey's open period", async () => {
    for (const [now, reason, date] of [
      [new Date("2027-02-28T23:00:00+01:00"), "not-open", "1. März 2027"],
      [new Date("2027-04-16T00:00:01+02:00"), "closed", "15. April 2027"],
    ] as const) {
      const early = await testCollector({ now, store: c.store });
      const response = await early.app.inject({ method: "POST", url: URL, headers: JSON_HEADERS, payload: withAnswers({}) });
      await early.app.close();
      expect(response.statusCode).toBe(403);
      expect(response.json().data.issues).toEqual([{ field: "_form", reason, limit: expect.stringContaining(date), message: expect.stringContaining(date) }]);
    }
  });

  test("an id already used for another survey", async () => {
    const id = randomUUID();
    const radverkehr = await testCollector({ now: new Date("2027-05-10T12:00:00+02:00"), store: c.store });
    const first = await radverkehr.app.inject({ method: "POST", url: "/api/radverkehr/umfrage/responses", headers: JSON_HEADERS, payload: { _id: id, answers: { haeufigkeit: "nie", einwilligung: true } } });
    await radverkehr.app.close();
    expect(first.statusCode).toBe(201);
    rowsBefore += 1;
    const response = await c.app.inject({ method: "POST", url: URL, headers: JSON_HEADERS, payload: { ...withAnswers({}), _id: id } });
    expect(response.statusCode).toBe(409);
    expect(response.json().data.issues).toMatchObject([{ field: "_id", reason: "id-conflict" }]);
  });

  test("more refused submissions than the window for mistakes allows", async () => {
    const limited = await testCollector({ abuse: { rateLimit: { max: 2, invalidFactor: 2 } }, store: c.store });
    try {
      // Refused submissions have their own window (here 2 × 2): four fit, the fifth is refused.
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        const r = await limited.app.inject({ method: "POST", url: URL, headers: JSON_HEADERS, payload: withAnswers({ einwilligung: undefined }) });
        codes.push(r.statusCode);
        if (r.statusCode === 429) {
          expect(Number(r.headers["retry-after"])).toBeGreaterThan(0);
          expect(r.json().data.issues).toMatchObject([{ field: "_form", reason: "rate-limited", limit: 10 }]);
        }
      }
      expect(codes).toEqual([400, 400, 400, 400, 429]);
      // Another client (another address) is not affected.
      const other = await limited.app.inject({ method: "POST", url: URL, headers: JSON_HEADERS, remoteAddress: "192.0.2.7", payload: withAnswers({ einwilligung: undefined }) });
      expect(other.statusCode).toBe(400);
    } finally {
      await limited.app.close();
    }
  });
});

describe("plain form (no JavaScript)", () => {
  beforeAll(async () => {
    rowsBefore = await c.store.countResponses();
  });
  afterEach(async () => {
    expect(await c.store.countResponses()).toBe(rowsBefore);
  });

  const formCases: [string, Record<string, string | string[]>, string, string][] = [
    ["a ranking position given twice", { prioritaeten__sitzen: "1" }, "prioritaeten", "ranking-duplicate"],
    ["a ranking left half done", { prioritaeten__sitzen: "", prioritaeten__markt: "" }, "prioritaeten", "ranking-incomplete"],
    ["a rank for an option that does not exist", { prioritaeten__seilbahn: "8" }, "prioritaeten", "option"],
    ["a missing consent", { einwilligung: [] }, "einwilligung", "consent"],
    ["a number that is not one", { gruppe_groesse: "ca. zehn" }, "gruppe_groesse", "number"],
    ["a map point without latitude", { lieblingsort__lng: "7.0" }, "lieblingsort", "location"],
    ["an 'other' choice without text", { bezug__other: "" }, "bezug__other", "other-missing"],
    ["a filled honeypot", { "website-url": "https://spam.example" }, "website-url", "honeypot"],
  ];

  test.each(formCases)("%s → 400 page naming %s", async (_name, change, field, reason) => {
    const response = await c.app.inject({ method: "POST", url: URL, headers: FORM, payload: formBody({ ...fullMarktplatzForm(), ...change }) });
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toMatch(/^text\/html/);
    const $ = cheerio.load(response.body);
    expect($(".mr-error-summary li").length).toBeGreaterThan(0);
    // The same request as JSON (Accept) says which field and why.
    const json = await c.app.inject({ method: "POST", url: URL, headers: { ...FORM, accept: "application/json" }, payload: formBody({ ...fullMarktplatzForm(), ...change }) });
    expect(json.json().data.issues).toContainEqual(expect.objectContaining({ field, reason }));
  });

  test("a 1 MB form gets a 413 page that leads back to the survey", async () => {
    const response = await c.app.inject({ method: "POST", url: URL, headers: FORM, payload: formBody({ ...fullMarktplatzForm(), idee: "ü".repeat(1024 * 1024) }) });
    expect(response.statusCode).toBe(413);
    const $ = cheerio.load(response.body);
    expect($("html").attr("lang")).toBe("de");
    expect($(".mr-error-summary").text()).toContain("Die Einsendung ist zu groß");
    expect($('main a[href="/marktplatz/umfrage/"]').text()).toBe("Zurück zur Umfrage");
  });

  test("a closed survey says so in the campaign's language", async () => {
    const late = await testCollector({ now: new Date("2027-06-01T12:00:00+02:00"), store: c.store });
    const response = await late.app.inject({ method: "POST", url: URL, headers: FORM, payload: formBody(fullMarktplatzForm()) });
    await late.app.close();
    expect(response.statusCode).toBe(403);
    expect(cheerio.load(response.body)(".mr-error-summary").text()).toContain("Die Umfrage ist seit dem 15. April 2027");
  });

  test("the rate limit page keeps what was typed", async () => {
    const limited = await testCollector({ abuse: { rateLimit: { max: 2, invalidFactor: 1 } }, store: c.store });
    try {
      const fields = { ...fullMarktplatzForm(), einwilligung: [] as string[] };
      for (let i = 0; i < 2; i++) await limited.app.inject({ method: "POST", url: URL, headers: FORM, payload: formBody(fields) });
      const response = await limited.app.inject({ method: "POST", url: URL, headers: FORM, payload: formBody(fields) });
      expect(response.statusCode).toBe(429);
      const $ = cheerio.load(response.body);
      expect($(".mr-error-summary").text()).toContain("in 10 Minuten noch einmal");
      expect($("#q-idee").text()).toBe(fullMarktplatzForm().idee);
    } finally {
      await limited.app.close();
    }
  });
});
