// Property-based: generated bodies (JSON and form-encoded, random keys, nesting, any Unicode) at
// every submission endpoint on both stores (issue 12). Never a 5xx; never a row for a refused body;
// always exactly one row for an accepted one, and for every generated valid answer.
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Store } from "../../src/collector/store/index.js";
import { isUnstorableText } from "../../src/forms/text.js";
import { fullMarktplatzAnswers } from "./helpers/campaigns.js";
import { formBody, fullMarktplatzForm, testCollector, type TestCollector } from "./helpers/collector.js";
import { bothStores } from "./helpers/stores.js";

const RUNS = Number(process.env.FUZZ_RUNS ?? 120);
const ENDPOINTS = ["/api/marktplatz/umfrage/responses", "/api/marktplatz/karte/contributions", "/api/radverkehr/umfrage/responses"] as const;
const BRUNNEN: [number, number] = [6.99998, 50.93998];

// Text as it comes: any code point (lone surrogates included), and the strings attackers try first.
const nasty = fc.constantFrom("\u0000", "\ud800", "\udfff", "\u200b", "\ufeff", " =1+1", "__proto__", "constructor", "0x7", "1e309", "-0", "<script>", "ä".repeat(3000));
const text = fc.oneof(fc.string({ unit: "binary", maxLength: 40 }), fc.string({ unit: "grapheme", maxLength: 40 }), nasty);
const key = fc.oneof(text, fc.constantFrom("answers", "contribution", "_id", "_token", "_locale", "website-url", "category", "comment", "point", "place", "description", "bezug", "email", "einwilligung", "location__lng", "prioritaeten__gruen"));
const value = fc.letrec((tie) => ({
  leaf: fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null)),
  node: fc.oneof({ depthSize: "small" }, tie("leaf"), fc.array(tie("node"), { maxLength: 4 }), fc.dictionary(key, tie("node"), { maxKeys: 5 })),
})).node;

/** A valid body with one part replaced by something generated: near the edge, where bugs live. */
const mutatedSurvey = fc.tuple(fc.constantFrom(...Object.keys(fullMarktplatzAnswers())), value).map(([name, v]) => ({ answers: { ...fullMarktplatzAnswers(), [name]: v } }));
const mutatedContribution = fc.tuple(fc.constantFrom("category", "comment", "point", "place", "description", "extra"), value).map(([name, v]) => ({ contribution: { category: "idee", comment: "Bank", point: BRUNNEN, [name]: v } }));
const jsonBody = fc.oneof(value, fc.dictionary(key, value, { maxKeys: 6 }), mutatedSurvey, mutatedContribution);
const formFields = fc.oneof(
  fc.dictionary(key, fc.oneof(text, fc.array(text, { maxLength: 3 })), { maxKeys: 8 }),
  fc.tuple(fc.constantFrom(...Object.keys(fullMarktplatzForm())), fc.oneof(text, fc.array(text, { maxLength: 3 }))).map(([name, v]) => ({ ...fullMarktplatzForm(), [name]: v })),
);

/** Valid answers, generated: free text of any printable Unicode (at least one letter), any option. */
const printable = fc.string({ unit: "grapheme", minLength: 1, maxLength: 50 }).map((s) => `a${[...s].filter((ch) => !isUnstorableText(ch)).join("")}`);
const validSurvey = fc.record({
  idee: printable,
  drei_worte: printable.map((s) => s.slice(0, 60)),
  parkplaetze: fc.constantFrom("alle", "weniger", "keine", "weiss-nicht"),
  zufriedenheit: fc.integer({ min: 1, max: 5 }),
}).map((r) => {
  const answers: Record<string, unknown> = { ...fullMarktplatzAnswers(), ...r };
  if (r.zufriedenheit > 2) delete answers.zufriedenheit_grund; // shown only for 1 and 2
  return { answers };
});
const validContribution = fc.record({ comment: printable, category: fc.constantFrom("idee", "problem", "lob") }).map((c) => ({ contribution: { ...c, point: BRUNNEN } }));

const stores = bothStores("fuzz");

describe.each(stores)("%s", (_name, open) => {
  let store: Store;
  let c: TestCollector;
  beforeAll(async () => {
    store = await open();
    c = await testCollector({ store, abuse: { rateLimit: { max: 1_000_000 } } });
  });
  afterAll(async () => {
    await c?.close();
    await store?.close();
  });
  const rows = async () => (await store.countResponses()) + (await store.listContributions("marktplatz", "karte")).length;

  /** Sends one body; checks the status and that the rows changed exactly as the status says. */
  async function send(url: string, contentType: "json" | "form", payload: string): Promise<number> {
    const before = await rows();
    const response = await c.app.inject({
      method: "POST",
      url,
      headers: { "content-type": contentType === "json" ? "application/json" : "application/x-www-form-urlencoded", accept: "application/json" },
      payload,
    });
    expect(response.statusCode, `${url} ${payload.slice(0, 300)}\n${response.body.slice(0, 300)}`).toBeLessThan(500);
    const after = await rows();
    expect(after - before, `${url} ${response.statusCode} ${payload.slice(0, 300)}`).toBe(response.statusCode === 201 || response.statusCode === 303 ? 1 : 0);
    return response.statusCode;
  }

  test("JSON: never a 5xx, a row only for an accepted body", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ENDPOINTS), jsonBody, async (url, body) => {
        await send(url, "json", JSON.stringify(body) ?? "null");
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  test("form-encoded: never a 5xx, a row only for an accepted body", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ENDPOINTS), formFields, async (url, fields) => {
        await send(url, "form", formBody(fields as Record<string, string | string[]>));
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  test("raw bytes of either content type: never a 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ENDPOINTS), fc.constantFrom("json" as const, "form" as const), fc.string({ unit: "binary", maxLength: 200 }), async (url, type, raw) => {
        await send(url, type, raw);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  test("every generated valid answer and contribution is stored, once", async () => {
    await fc.assert(
      fc.asyncProperty(validSurvey, async (body) => {
        expect(await send(ENDPOINTS[0], "json", JSON.stringify({ ...body, _id: randomUUID() }))).toBe(201);
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
    await fc.assert(
      fc.asyncProperty(validContribution, async (body) => {
        expect(await send(ENDPOINTS[1], "json", JSON.stringify({ ...body, _id: randomUUID() }))).toBe(201);
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  }, 120_000);
});
