// The moderation queue as a moderator uses it: what it shows (as text), decisions, reasons,
// bulk, answers, redaction, and the message when someone else was quicker.
import { randomUUID } from "node:crypto";
import * as cheerio from "cheerio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JSON_HEADERS, testCollector, type TestCollector } from "./helpers/collector.js";
import { addStaff, loggedIn, type LoggedIn } from "./helpers/desk.js";
import { exampleCampaign } from "./helpers/campaigns.js";
import { marktplatzContribution } from "./helpers/seed.js";
import type { MapPageModel, SurveyPageModel } from "../../src/campaign/model.js";
import { serializeContributions } from "../../src/collector/contributions/export.js";
import { serializeResponses } from "../../src/collector/surveys/export.js";

const BRUNNEN: [number, number] = [6.99998, 50.93998];
const XSS = `<script>alert(1)</script><img src=x onerror=alert(2)> "quoted" & 'single'`;

describe("desk queue", () => {
  let collector: TestCollector;
  let anna: LoggedIn;
  let moritz: LoggedIn;
  const ids: string[] = [];
  const submit = async (comment: string, extra: Record<string, unknown> = {}) => {
    const response = await collector.app.inject({ method: "POST", url: "/api/marktplatz/karte/contributions", headers: JSON_HEADERS, payload: { contribution: { category: "idee", comment, point: BRUNNEN, ...extra }, _id: randomUUID(), _locale: "de" } });
    expect(response.statusCode, response.body).toBe(201);
    return JSON.parse(response.body).id as string;
  };
  const version = async (id: string) => (await collector.store.getContribution(id))!.version;

  beforeAll(async () => {
    collector = await testCollector();
    await addStaff(collector.store, "anna", "admin");
    await addStaff(collector.store, "moritz", "moderator");
    for (const comment of ["Erster Hinweis", XSS, "Ruf mich an: 0221 123456", "Vierter", "Fünfter"]) ids.push(await submit(comment));
    anna = await loggedIn(collector, "anna");
    moritz = await loggedIn(collector, "moritz");
  });
  afterAll(() => collector.close());

  it("lists contributions newest first with counts per state, every text as text", async () => {
    const page = await moritz.get("/admin/");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Offen: 5");
    expect(page.body).toContain("Freigegeben: 0");
    expect(page.body.indexOf("Fünfter")).toBeLessThan(page.body.indexOf("Erster Hinweis"));
    expect(page.body).not.toContain("<script>alert(1)");
    expect(page.body).not.toContain("<img src=x");
    expect(page.body).toContain("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;");
    expect(page.body).toContain("Koordinaten 50.93998, 6.99998");
    expect(page.body).toContain("Angemeldet als moritz (Moderation)");
  });

  it("approves one and rejects one with a reason and a note; the queue filters by state", async () => {
    const approved = await moritz.post(`/admin/contributions/${ids[0]}/decide`, { decision: "approve", version: String(await version(ids[0]!)), back: "/admin/?state=pending" });
    expect(approved.statusCode).toBe(303);
    expect(approved.headers.location).toBe("/admin/?state=pending");
    const next = await moritz.get("/admin/?state=pending");
    expect(next.body).toContain("Freigegeben.");
    expect(next.body).toContain("Offen: 4");
    expect(next.body).not.toContain("Erster Hinweis");

    const rejected = await moritz.post(`/admin/contributions/${ids[1]}/decide`, { decision: "reject", reason: "insulting", note: "Skript im Text", version: String(await version(ids[1]!)) });
    expect(rejected.statusCode).toBe(303);
    expect(await collector.store.getContribution(ids[1]!)).toMatchObject({ status: "rejected", reason: "insulting", note: "Skript im Text", moderatedBy: "moritz" });
    const list = await moritz.get("/admin/?state=rejected");
    expect(list.body).toContain("Beleidigend oder diskriminierend");

    // Without a reason nothing happens.
    const noReason = await moritz.post(`/admin/contributions/${ids[3]}/decide`, { decision: "reject", version: String(await version(ids[3]!)) });
    expect(noReason.statusCode).toBe(400);
    expect((await collector.store.getContribution(ids[3]!))!.status).toBe("pending");
  });

  it("tells the second of two moderators who decided first, and keeps the first decision", async () => {
    const seen = String(await version(ids[3]!));
    expect((await anna.post(`/admin/contributions/${ids[3]}/decide`, { decision: "approve", version: seen })).statusCode).toBe(303);
    const late = await moritz.post(`/admin/contributions/${ids[3]}/decide`, { decision: "reject", reason: "off-topic", version: seen });
    expect(late.statusCode).toBe(409);
    expect(late.body).toMatch(/Nicht gespeichert: Dieser Beitrag wurde bereits von anna am \w+, \d+\. \w+ \d{4} um \d\d:\d\d freigegeben\./);
    expect(await collector.store.getContribution(ids[3]!)).toMatchObject({ status: "approved", moderatedBy: "anna" });
  });

  it("decides several at once; a stale one is reported, not overwritten", async () => {
    const fresh = [await submit("Bulk A"), await submit("Bulk B")];
    const items = await Promise.all(fresh.map(async (id) => `${id}:${await version(id)}`));
    const response = await moritz.post("/admin/contributions/bulk", { ids: [...items, `${ids[3]}:1`], action: "reject", reason: "duplicate" });
    expect(response.statusCode).toBe(303);
    const page = await moritz.get(response.headers.location!);
    expect(page.body).toContain("2 Beiträge geändert.");
    expect(page.body).toContain("bereits von anna");
    for (const id of fresh) expect(await collector.store.getContribution(id)).toMatchObject({ status: "rejected", reason: "duplicate" });
    expect((await collector.store.getContribution(ids[3]!))!.status).toBe("approved");
  });

  it("answers an approved contribution with a status; editing keeps the history; the public GeoJSON has both", async () => {
    const id = ids[0]!;
    expect((await moritz.post(`/admin/contributions/${id}/answer`, { status: "in-review", text: "Wir prüfen das.", version: String(await version(id)) })).statusCode).toBe(303);
    expect((await moritz.post(`/admin/contributions/${id}/answer`, { status: "planned", text: "Kommt 2028.", version: String(await version(id)) })).statusCode).toBe(303);
    const detail = await moritz.get(`/admin/contributions/${id}`);
    expect(detail.body).toContain("Wir prüfen das.");
    expect(detail.body).toContain("Kommt 2028.");
    const geojson = JSON.parse((await collector.app.inject({ method: "GET", url: "/api/marktplatz/karte/contributions.geojson" })).body);
    const feature = geojson.features.find((f: { properties: { id: string } }) => f.properties.id === id);
    expect(feature.properties).toMatchObject({ status: "planned", answer: { text: "Kommt 2028.", organization: expect.any(String), date: expect.any(String) } });
    expect(JSON.stringify(geojson)).not.toContain(XSS.slice(0, 10));
    // A pending one cannot be answered.
    const pending = await moritz.post(`/admin/contributions/${ids[4]}/answer`, { status: "done", text: "x", version: String(await version(ids[4]!)) });
    expect(pending.statusCode).toBe(400);
  });

  it("redacts a phone number; the original is nowhere, the audit log says where but not what", async () => {
    const id = ids[2]!;
    const response = await moritz.post(`/admin/contributions/${id}/redact`, { fragment: "0221 123456", version: String(await version(id)) });
    expect(response.statusCode).toBe(303);
    expect((await collector.store.getContribution(id))!.comment).toBe("Ruf mich an: [entfernt]");
    const log = JSON.stringify(await collector.store.listAudit({ target: `contribution:${id}` }, { limit: 10, offset: 0 }));
    expect(log).toContain("contribution.redact");
    expect(log).not.toContain("123456");
  });

  it("says a contribution is gone when a decision, an answer or a redaction names one that is not there", async () => {
    for (const [action, form] of [["decide", { decision: "approve" }], ["answer", { status: "done", text: "Erledigt." }], ["redact", { fragment: "Hinweis" }]] as const) {
      const response = await moritz.post(`/admin/contributions/${randomUUID()}/${action}`, { ...form, version: "1" });
      expect(response.statusCode, action).toBe(404);
      expect(response.body, action).toContain("Diesen Beitrag gibt es nicht (mehr).");
    }
  });

  it("keeps moderators out of the admins' pages", async () => {
    for (const url of ["/admin/audit", "/admin/audit.csv"]) {
      expect((await moritz.get(url)).statusCode, url).toBe(403);
      expect((await anna.get(url)).statusCode, url).toBe(200);
    }
  });

  it("sets no cookie on the public GeoJSON, the submission or the collector's pages", async () => {
    const responses = [
      await collector.app.inject({ method: "GET", url: "/api/marktplatz/karte/contributions.geojson" }),
      await collector.app.inject({ method: "POST", url: "/api/marktplatz/karte/contributions", headers: JSON_HEADERS, payload: { contribution: { category: "idee", comment: "Ohne Keks", point: BRUNNEN }, _id: randomUUID() } }),
      await collector.app.inject({ method: "GET", url: "/api/health" }),
      await collector.app.inject({ method: "GET", url: "/api/nirgends" }),
    ];
    for (const r of responses) expect(r.headers["set-cookie"]).toBeUndefined();
  });
});

describe("desk survey answers", () => {
  it("shows responses as text, redacts a phone number (gone from the export), and gives admins the export", async () => {
    const collector = await testCollector();
    try {
      await addStaff(collector.store, "anna", "admin");
      await addStaff(collector.store, "moritz", "moderator");
      const { fullMarktplatzAnswers } = await import("./helpers/campaigns.js");
      const answers = { ...fullMarktplatzAnswers(), idee: "Ruft mich an: 0171 2345678 <b>fett</b>" };
      const sent = await collector.app.inject({ method: "POST", url: "/api/marktplatz/umfrage/responses", headers: JSON_HEADERS, payload: { answers, _id: randomUUID(), _locale: "de" } });
      expect(sent.statusCode, sent.body).toBe(201);
      const moritz = await loggedIn(collector, "moritz");
      const list = await moritz.get("/admin/surveys");
      expect(list.body).toContain("eine Antwort");
      const page = await moritz.get("/admin/surveys/marktplatz/umfrage");
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain("Ruft mich an: 0171 2345678 &lt;b&gt;fett&lt;/b&gt;");
      // Answers in the options' words and the form's order, not as stored codes.
      const facts = cheerio.load(page.body)(".mr-desk-facts").first();
      const said = Object.fromEntries(facts.find("dt").map((i, dt) => [[cheerio.load(dt).text(), facts.find("dd").eq(i).text()]]).get() as [string, string][]);
      expect(said["Wofür nutzen Sie den Marktplatz vor allem?"]).toBe("Einkaufen auf dem Wochenmarkt, Sitzen, Leute treffen, verweilen, Sonstiges");
      expect(said["Wofür nutzen Sie den Marktplatz vor allem? (…)"]).toBe("Straßenmusik hören");
      expect(said["Heute gibt es 84 Parkplätze auf dem Marktplatz. Wie viele sollen es künftig sein?"]).toMatch(/^Weniger – einige sollen bleiben/);
      expect(Object.values(said).join(" ")).toContain("1. Bäume, Grün und Schatten, 2. Sitzgelegenheiten ohne Konsumzwang");
      expect(Object.values(said).join(" ")).toContain("Marktbrunnen · Am Brunnen, wo nachmittags Schatten ist");
      expect(Object.values(said).join(" ")).not.toMatch(/__other|\{"place"/);
      const order = Object.keys(said);
      expect(order.indexOf("Wie sind Sie mit dem Marktplatz verbunden?")).toBeLessThan(order.indexOf("Wie oft sind Sie auf dem Marktplatz?"));
      expect(said["Wie sind Sie mit dem Marktplatz verbunden?"]).toBe("Sonstiges");
      const [stored] = await collector.store.listResponses("marktplatz", "umfrage");
      const redacted = await moritz.post("/admin/surveys/marktplatz/umfrage/redact", { response: stored!.id, version: String(stored!.version), question: "idee", fragment: "0171 2345678" });
      expect(redacted.statusCode).toBe(303);
      expect((await moritz.get("/admin/export/marktplatz/umfrage/csv")).statusCode).toBe(403);
      const anna = await loggedIn(collector, "anna");
      const csv = await anna.get("/admin/export/marktplatz/umfrage/csv");
      expect(csv.statusCode).toBe(200);
      expect(csv.headers["content-disposition"]).toBe('attachment; filename="marktplatz-umfrage.csv"');
      expect(csv.body).toContain("Ruft mich an: [entfernt]");
      expect(csv.body).not.toContain("2345678");
      const log = await collector.store.listAudit({}, { limit: 20, offset: 0 });
      expect(log.map((e) => e.action)).toEqual(expect.arrayContaining(["response.redact", "export.download", "login"]));
      expect(JSON.stringify(log)).not.toContain("2345678");

      // Streamed from the store's cursor, each download has the text of the export's serializers.
      for (let i = 0; i < 3; i++) await collector.store.insertContribution(marktplatzContribution(i));
      const marktplatz = exampleCampaign("marktplatz");
      const umfrage = marktplatz.pages.find((p) => p.id === "umfrage") as SurveyPageModel;
      const karte = marktplatz.pages.find((p) => p.id === "karte") as MapPageModel;
      for (const format of ["csv", "json"] as const) {
        const download = await anna.get(`/admin/export/marktplatz/umfrage/${format}`);
        expect(download.body).toBe(serializeResponses(marktplatz, umfrage, await collector.store.listResponses("marktplatz", "umfrage"), { format }));
      }
      for (const format of ["csv", "json", "geojson"] as const) {
        const download = await anna.get(`/admin/export/marktplatz/karte/${format}`);
        expect(download.statusCode).toBe(200);
        expect(download.body).toBe(serializeContributions(marktplatz, karte, await collector.store.listContributions("marktplatz", "karte"), { format }));
      }
      expect(JSON.parse((await anna.get("/admin/export/marktplatz/karte/geojson")).body).features).toHaveLength(3);
      // A format or a page that is not there: 404.
      for (const url of ["/admin/export/marktplatz/umfrage/geojson", "/admin/export/marktplatz/umfrage/xlsx", "/admin/export/marktplatz/gibtsnicht/csv", "/admin/export/gibtsnicht/umfrage/csv", "/admin/export/marktplatz/umfrage/..%2fcsv"]) {
        expect((await anna.get(url)).statusCode, url).toBe(404);
      }
      // Two downloads at once while answers arrive: each is whole JSON with the responses stored so far.
      const before = (await collector.store.listResponses("marktplatz", "umfrage")).length;
      const sending = Array.from({ length: 3 }, () =>
        collector.app.inject({ method: "POST", url: "/api/marktplatz/umfrage/responses", headers: JSON_HEADERS, payload: { answers: fullMarktplatzAnswers(), _id: randomUUID(), _locale: "de" } }),
      );
      const [one, two, ...arrived] = await Promise.all([anna.get("/admin/export/marktplatz/umfrage/json"), anna.get("/admin/export/marktplatz/umfrage/json"), ...sending]);
      expect(arrived.map((r) => r.statusCode)).toEqual([201, 201, 201]);
      for (const download of [one!, two!]) {
        const rows = (JSON.parse(download.body) as { rows: unknown[] }).rows.length;
        expect(rows).toBeGreaterThanOrEqual(before);
        expect(rows).toBeLessThanOrEqual(before + 3);
      }
    } finally {
      await collector.close();
    }
  });
});
