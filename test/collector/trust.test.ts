// Regression tests for the attacker test's findings (issue 12, docs/adr/019-trust.md), on SQLite;
// the ones where the two stores differed run on PostgreSQL too (trust-stores.test.ts).
import { randomUUID } from "node:crypto";
import { statSync } from "node:fs";
import path from "node:path";
import * as cheerio from "cheerio";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startCollector } from "../../src/collector/collect.js";
import { createCollector } from "../../src/collector/server.js";
import { openStore } from "../../src/collector/store/index.js";
import { toCsv } from "../../src/csv.js";
import { UsageError } from "../../src/errors.js";
import { trustedProxies } from "../../src/settings.js";
import { CAMPAIGNS_DIR, DURING_MARKTPLATZ, exampleSite, fullMarktplatzAnswers } from "./helpers/campaigns.js";
import { FORM, formBody, fullMarktplatzForm, JSON_HEADERS, tempDir, testCollector, type TestCollector } from "./helpers/collector.js";

const SURVEY = "/api/marktplatz/umfrage/responses";
const MAP = "/api/marktplatz/karte/contributions";
const BRUNNEN = [6.99998, 50.93998];

let c: TestCollector;
beforeAll(async () => {
  c = await testCollector();
});
afterAll(async () => c.close());

const postJson = (url: string, payload: object, headers: Record<string, string> = {}, collector = c) =>
  collector.app.inject({ method: "POST", url, headers: { ...JSON_HEADERS, ...headers }, payload });

describe("finding 4: another website cannot make its visitors submit", () => {
  test("a POST from another origin is refused (403), from the site's own origin and the collector's own it is taken", async () => {
    const before = await c.store.countResponses();
    const evil = await postJson(SURVEY, { answers: fullMarktplatzAnswers() }, { origin: "https://evil.example" });
    expect(evil.statusCode).toBe(403);
    expect(evil.json().data.issues).toMatchObject([{ field: "_form", reason: "cross-site", message: expect.stringContaining("anderen Website") }]);
    const plain = await c.app.inject({ method: "POST", url: SURVEY, headers: { ...FORM, origin: "https://evil.example" }, payload: formBody(fullMarktplatzForm()) });
    expect(plain.statusCode).toBe(403);
    const map = await postJson(MAP, { contribution: { category: "idee", comment: "Bank", point: BRUNNEN } }, { origin: "https://evil.example" });
    expect(map.statusCode).toBe(403);
    const fetchOnly = await postJson(SURVEY, { answers: fullMarktplatzAnswers() }, { "sec-fetch-site": "cross-site" });
    expect(fetchOnly.statusCode).toBe(403);
    const sandboxed = await postJson(SURVEY, { answers: fullMarktplatzAnswers() }, { origin: "null" });
    expect(sandboxed.statusCode).toBe(403);
    expect(await c.store.countResponses()).toBe(before);

    expect((await postJson(SURVEY, { answers: fullMarktplatzAnswers() }, { origin: "https://mitreden.musterstadt.de", "sec-fetch-site": "cross-site" })).statusCode).toBe(201);
    expect((await postJson(SURVEY, { answers: fullMarktplatzAnswers() }, { origin: "http://localhost:80", "sec-fetch-site": "same-origin" })).statusCode).toBe(201);
    // curl, a city's script: no Origin, no Sec-Fetch-Site.
    expect((await postJson(SURVEY, { answers: fullMarktplatzAnswers() })).statusCode).toBe(201);
  });

  test("origins the campaign configures (site.allowedOrigins) may post", async () => {
    const site = exampleSite();
    site.campaigns[0]!.site.allowedOrigins = ["https://www.musterstadt.de"];
    const store = await openStore({ file: path.join(tempDir("origins"), "o.sqlite") });
    const app = createCollector({ model: site, store, now: () => DURING_MARKTPLATZ });
    try {
      const post = (origin: string) => app.inject({ method: "POST", url: SURVEY, headers: { ...JSON_HEADERS, origin }, payload: { answers: fullMarktplatzAnswers() } });
      expect((await post("https://www.musterstadt.de")).statusCode).toBe(201);
      expect((await post("https://www.musterstadt.de.evil.example")).statusCode).toBe(403);
    } finally {
      await app.close();
      await store.close();
    }
  });
});

describe("finding 6: strict and consistent reading", () => {
  test("an answer made only of invisible characters does not answer a required text question", async () => {
    for (const invisible of ["\u200b\u200b", "\u00ad", "\u200d\u2060", "\ufeff "]) {
      const survey = await postJson(SURVEY, { answers: { ...fullMarktplatzAnswers(), bezug__other: invisible } });
      expect(survey.statusCode, JSON.stringify(invisible)).toBe(400);
      expect(survey.json().data.issues).toContainEqual(expect.objectContaining({ field: "bezug__other", reason: "required" }));
      const map = await postJson(MAP, { contribution: { category: "idee", comment: invisible, point: BRUNNEN } });
      expect(map.statusCode).toBe(400);
      expect(map.json().data.issues).toContainEqual(expect.objectContaining({ field: "comment", reason: "required" }));
    }
  });

  test("a map coordinate or a ranking position written as 0x7 is not read as 7", async () => {
    const map = await c.app.inject({
      method: "POST",
      url: MAP,
      headers: { ...FORM, accept: "application/json" },
      payload: formBody({ category: "idee", comment: "Bank", location__lng: "0x7", location__lat: "50.94" }),
    });
    expect(map.statusCode).toBe(400);
    expect(map.json().data.issues).toContainEqual(expect.objectContaining({ field: "location", reason: "location" }));
    const survey = await c.app.inject({ method: "POST", url: SURVEY, headers: { ...FORM, accept: "application/json" }, payload: formBody({ ...fullMarktplatzForm(), prioritaeten__autoparken: "0x7" }) });
    expect(survey.statusCode).toBe(400);
    expect(survey.json().data.issues).toContainEqual(expect.objectContaining({ field: "prioritaeten", reason: "ranking-incomplete" }));
  });

  test("a repeated single-choice field is refused on the map as in the survey, naming the field", async () => {
    const before = await c.store.listContributions("marktplatz", "karte");
    const map = await c.app.inject({
      method: "POST",
      url: MAP,
      headers: { ...FORM, accept: "application/json" },
      payload: formBody({ category: ["idee", "problem"], comment: "Bank", location__place: "rathaustreppe" }),
    });
    expect(map.statusCode).toBe(400);
    const survey = await c.app.inject({ method: "POST", url: SURVEY, headers: { ...FORM, accept: "application/json" }, payload: formBody({ ...fullMarktplatzForm(), parkplaetze: ["weniger", "mehr"] }) });
    expect(survey.statusCode).toBe(400);
    expect(map.json().data.issues).toMatchObject([{ field: "category", reason: "option" }]);
    expect(survey.json().data.issues).toMatchObject([{ field: "parkplaetze", reason: "option" }]);
    // Found by the fuzz test: a repeated comment was a 500, a repeated place took the first one.
    for (const fields of [
      { category: "idee", comment: ["Bank", "Baum"], location__place: "rathaustreppe" },
      { category: "idee", comment: "Bank", location__place: ["rathaustreppe", "brunnen"] },
    ]) {
      const repeated = await c.app.inject({ method: "POST", url: MAP, headers: { ...FORM, accept: "application/json" }, payload: formBody(fields) });
      expect(repeated.statusCode, JSON.stringify(fields)).toBe(400);
    }
    expect(await c.store.listContributions("marktplatz", "karte")).toHaveLength(before.length);
  });
});

describe("finding 5: the quota counts answers, not mistakes", () => {
  test("mistakes and retries do not use up the quota for answers", async () => {
    const limited = await testCollector({ abuse: { rateLimit: { max: 3 } } });
    try {
      for (let i = 0; i < 6; i++) expect((await postJson(SURVEY, { answers: { ...fullMarktplatzAnswers(), einwilligung: undefined } }, {}, limited)).statusCode).toBe(400);
      // Without a token an answer costs 2: the first fits, the second not.
      expect((await postJson(SURVEY, { answers: fullMarktplatzAnswers() }, {}, limited)).statusCode).toBe(201);
      expect((await postJson(SURVEY, { answers: fullMarktplatzAnswers() }, {}, limited)).statusCode).toBe(429);
    } finally {
      await limited.close();
    }
  });
});

describe("finding 3: behind a proxy, a made-up X-Forwarded-For does not make a new client", () => {
  test("with one trusted hop, the address the proxy appended counts", async () => {
    const store = await openStore({ file: path.join(tempDir("proxy"), "p.sqlite") });
    const app = createCollector({ model: exampleSite(), store, now: () => DURING_MARKTPLATZ, abuse: { rateLimit: { max: 4 } }, trustProxy: trustedProxies("1") });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 3; i++) {
        const response = await app.inject({
          method: "POST",
          url: SURVEY,
          remoteAddress: "127.0.0.1",
          headers: { ...JSON_HEADERS, "x-forwarded-for": `198.51.100.${i}, 203.0.113.9` },
          payload: { answers: fullMarktplatzAnswers() },
        });
        codes.push(response.statusCode);
      }
      expect(codes).toEqual([201, 201, 429]);
    } finally {
      await app.close();
      await store.close();
    }
  });

  test("MITREDEN_TRUST_PROXY=true is refused with what to set instead; a number is hops, anything else addresses", () => {
    expect(() => trustedProxies("true")).toThrow(UsageError);
    expect(() => trustedProxies("true")).toThrow(/MITREDEN_TRUST_PROXY=1/);
    expect(trustedProxies("2")).toBe(2);
    expect(trustedProxies("loopback, 10.0.0.0/8")).toBe("loopback, 10.0.0.0/8");
    expect(trustedProxies(undefined)).toBeUndefined();
  });
});

describe("finding 11: too fast is not the end", () => {
  test("a submission before the minimum time says how long to wait, keeps the answers, and the same answers go through after it", async () => {
    const fast = await testCollector({ abuse: { minFillMs: 1500 } });
    try {
      const { token } = (await fast.app.inject({ method: "GET", url: "/api/marktplatz/umfrage/token" })).json();
      const id = randomUUID();
      const early = await postJson(SURVEY, { _id: id, _token: token, answers: fullMarktplatzAnswers() }, {}, fast);
      expect(early.statusCode).toBe(400);
      expect(Number(early.headers["retry-after"])).toBeGreaterThanOrEqual(1);
      expect(early.json().data.issues).toMatchObject([{ field: "_token", reason: "too-fast", limit: expect.any(Number), message: expect.stringMatching(/in (einer Sekunde|\d Sekunden) noch einmal/) }]);
      // Without JavaScript: the error page keeps every answer and carries a token that may be sent at once.
      const page = await fast.app.inject({ method: "POST", url: SURVEY, headers: FORM, payload: formBody({ ...fullMarktplatzForm(), _token: token }) });
      const $ = cheerio.load(page.body);
      expect($('textarea[name="idee"]').text()).toContain("Mehr Bäume");
      const again = await fast.app.inject({ method: "POST", url: SURVEY, headers: FORM, payload: formBody({ ...fullMarktplatzForm(), _token: $('input[name="_token"]').attr("value")! }) });
      expect(again.statusCode).toBe(303);
      await new Promise((resolve) => setTimeout(resolve, Number(early.headers["retry-after"]) * 1000));
      const later = await postJson(SURVEY, { _id: id, _token: token, answers: fullMarktplatzAnswers() }, {}, fast);
      expect(later.statusCode).toBe(201);
      expect((await fast.store.listResponses("marktplatz", "umfrage")).find((r) => r.id === id)).toMatchObject({ verified: true, timing: "valid" });
    } finally {
      await fast.close();
    }
  });
});

test("finding 7: a formula after spaces or a line break is neutralised for Excel", () => {
  const csv = toCsv([[" =1+1"], ["\n@SUM(A1:A9)"], ["  -2+3"], ["\t+1"], ["ganz normal"], [-5]], { bom: false });
  const cells = csv.split("\r\n");
  expect(cells).toEqual(["' =1+1", "\"'\n@SUM(A1:A9)\"", "'  -2+3", "'\t+1", "ganz normal", "-5", ""]);
});

test("finding 9: the SQLite file with e-mail addresses and its WAL are readable by their owner only", async () => {
  const dir = tempDir("mode");
  const file = path.join(dir, "data", "mitreden.sqlite");
  const store = await openStore({ file });
  try {
    await store.insertResponse({ id: randomUUID(), campaign: "m", page: "u", locale: "de", answers: { email: "a@b.de" }, receivedAt: new Date().toISOString(), channel: "script", verified: true });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(`${file}-wal`).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(file)).mode & 0o077).toBe(0);
  } finally {
    await store.close();
  }
});

test("finding 10: a too-short MITREDEN_EXPORT_TOKEN is named as such, not as a port problem", async () => {
  const dir = tempDir("short-token");
  const error = await startCollector({ campaignsDir: CAMPAIGNS_DIR, port: 0, db: path.join(dir, "t.sqlite"), exportToken: "kurz" }).catch((e: Error) => e);
  expect(error).toBeInstanceOf(UsageError);
  expect((error as Error).message).toMatch(/MITREDEN_EXPORT_TOKEN is 4 characters long; it must have at least 24/);
  expect((error as Error).message).not.toMatch(/listen|port/);
});

test("a collector on an origin of its own: its error page takes the site as <base>, posts back to itself, and its CSP allows exactly the site", async () => {
  const site = exampleSite();
  site.campaigns[0]!.site.collector = "https://api.musterstadt.de/api";
  const store = await openStore({ file: path.join(tempDir("elsewhere"), "e.sqlite") });
  const app = createCollector({ model: site, store, now: () => DURING_MARKTPLATZ, assets: { stylesheet: "/assets/mitreden.0123abcd.css", images: new Map() } });
  try {
    const page = await app.inject({ method: "POST", url: SURVEY, headers: { ...FORM, host: "api.musterstadt.de" }, payload: formBody({ ...fullMarktplatzForm(), einwilligung: [] }) });
    expect(page.statusCode).toBe(400);
    const $ = cheerio.load(page.body);
    expect($("base").attr("href")).toBe("https://mitreden.musterstadt.de/");
    expect($('link[rel="stylesheet"]').attr("href")).toBe("/assets/mitreden.0123abcd.css");
    expect($("form#survey-form").attr("action")).toBe("https://api.musterstadt.de/api/marktplatz/umfrage/responses");
    const csp = String(page.headers["content-security-policy"]);
    expect(csp).toContain("style-src 'self' https://mitreden.musterstadt.de");
    expect(csp).toContain("base-uri https://mitreden.musterstadt.de");
  } finally {
    await app.close();
    await store.close();
  }
});
