// Findings 1 and 2 of the attacker test (issue 12) on both stores: the two must accept and refuse
// exactly the same, and a form token verifies one submission, wherever it arrives.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Store } from "../../src/collector/store/index.js";
import { fullMarktplatzAnswers } from "./helpers/campaigns.js";
import { FORM, formBody, JSON_HEADERS, testCollector, type TestCollector } from "./helpers/collector.js";
import { bothStores } from "./helpers/stores.js";

const SURVEY = "/api/marktplatz/umfrage/responses";
const MAP = "/api/marktplatz/karte/contributions";
const BRUNNEN = [6.99998, 50.93998];
const SECRET = "trust-test-secret-0123456789abcdef";

const stores = bothStores("trust-stores");
/** Each call a store of its own on the same PostgreSQL schema: what a second collector instance has. */
const openPostgres = stores.find(([name]) => name === "PostgreSQL")![1];

describe.each(stores)("%s", (_name, open) => {
  let store: Store;
  let c: TestCollector;
  beforeAll(async () => {
    store = await open();
    c = await testCollector({ store, abuse: { secret: SECRET, minFillMs: 0 } });
  });
  afterAll(async () => {
    await c?.close();
    await store?.close();
  });
  const post = (url: string, payload: object) => c.app.inject({ method: "POST", url, headers: JSON_HEADERS, payload });

  test("finding 1: a NUL character or a lone surrogate in any text field is a 400 naming the field, never a 500 or a row", async () => {
    const responses = await store.countResponses();
    const contributions = (await store.listContributions("marktplatz", "karte")).length;
    const cases: [string, object, string][] = [
      [SURVEY, { answers: { ...fullMarktplatzAnswers(), idee: "Bäume\u0000 bitte" } }, "idee"],
      [SURVEY, { answers: { ...fullMarktplatzAnswers(), drei_worte: "grün \ud83d ruhig" } }, "drei_worte"],
      [SURVEY, { answers: { ...fullMarktplatzAnswers(), lieblingsort: { description: "am \udc00 Brunnen" } } }, "lieblingsort"],
      [SURVEY, { answers: fullMarktplatzAnswers(), _locale: "de\u0000" }, "_locale"],
      [MAP, { contribution: { category: "idee", comment: "Bank\u0000", point: BRUNNEN } }, "comment"],
      [MAP, { contribution: { category: "idee", comment: "Bank", description: "\ud800", point: BRUNNEN } }, "location"],
    ];
    for (const [url, payload, field] of cases) {
      const response = await post(url, payload);
      expect(response.statusCode, `${url} ${field}`).toBe(400);
      expect(response.json().data.issues).toContainEqual(expect.objectContaining({ field, reason: "characters", message: expect.stringContaining("Steuerzeichen") }));
    }
    const plain = await c.app.inject({ method: "POST", url: MAP, headers: { ...FORM, accept: "application/json" }, payload: formBody({ category: "idee", comment: "Bank\u0000", location__place: "rathaustreppe" }) });
    expect(plain.statusCode).toBe(400);
    expect(plain.json().data.issues).toContainEqual(expect.objectContaining({ field: "comment", reason: "characters" }));
    expect(await store.countResponses()).toBe(responses);
    expect(await store.listContributions("marktplatz", "karte")).toHaveLength(contributions);
    // Emoji (a proper surrogate pair), umlauts, tabs and line breaks are text.
    expect((await post(SURVEY, { answers: { ...fullMarktplatzAnswers(), idee: "Bäume 🌳\tund\r\nBänke" } })).statusCode).toBe(201);
  });

  test("finding 2: a form token verifies one submission; a replay is stored unverified, a retry of the same one stays verified", async () => {
    const { token } = (await c.app.inject({ method: "GET", url: "/api/marktplatz/umfrage/token" })).json();
    const ids: string[] = [randomUUID(), randomUUID(), randomUUID()];
    for (const id of ids) expect((await post(SURVEY, { _id: id, _token: token, answers: fullMarktplatzAnswers() })).statusCode).toBe(201);
    // A retry of the first (its answer was lost on the way back): the same row, still verified.
    expect((await post(SURVEY, { _id: ids[0], _token: token, answers: fullMarktplatzAnswers() })).statusCode).toBe(200);
    const rows = (await store.listResponses("marktplatz", "umfrage")).filter((r) => ids.includes(r.id));
    expect(rows.map((r) => [r.verified, r.timing])).toEqual([
      [true, "valid"],
      [false, "reused"],
      [false, "reused"],
    ]);
    // The map's tokens alike.
    const mapToken = (await c.app.inject({ method: "GET", url: "/api/marktplatz/karte/contributions/token" })).json().token;
    const mapIds: string[] = [randomUUID(), randomUUID()];
    for (const id of mapIds) expect((await post(MAP, { _id: id, _token: mapToken, contribution: { category: "idee", comment: "Bank", point: BRUNNEN } })).statusCode).toBe(201);
    const stored = (await store.listContributions("marktplatz", "karte")).filter((r) => mapIds.includes(r.id));
    expect(stored.map((r) => r.verified)).toEqual([true, false]);
  });
});

test("finding 2: a token used on one collector is a replay on another on the same PostgreSQL", async () => {
  const [storeA, storeB] = [await openPostgres(), await openPostgres()];
  const [a, b] = [await testCollector({ store: storeA, abuse: { secret: SECRET, minFillMs: 0 } }), await testCollector({ store: storeB, abuse: { secret: SECRET, minFillMs: 0 } })];
  try {
    const { token } = (await a.app.inject({ method: "GET", url: "/api/marktplatz/umfrage/token" })).json();
    const [first, second] = [randomUUID(), randomUUID()];
    await a.app.inject({ method: "POST", url: SURVEY, headers: JSON_HEADERS, payload: { _id: first, _token: token, answers: fullMarktplatzAnswers() } });
    await b.app.inject({ method: "POST", url: SURVEY, headers: JSON_HEADERS, payload: { _id: second, _token: token, answers: fullMarktplatzAnswers() } });
    const rows = (await storeA.listResponses("marktplatz", "umfrage")).filter((r) => r.id === first || r.id === second);
    expect(rows.map((r) => r.verified)).toEqual([true, false]);
  } finally {
    await a.close();
    await b.close();
    await storeA.close();
    await storeB.close();
  }
});
