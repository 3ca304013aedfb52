// Map contributions through the collector (docs/adr/007-map.md): validation from the campaign,
// refusal outside the area, moderation before publication, the public GeoJSON with ETag/304,
// the no-JS form (303 or an HTML error page that keeps what was typed) and the GIS export.
import { randomUUID } from "node:crypto";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { serializeContributions } from "../../src/collector/contributions/export.js";
import type { MapPageModel } from "../../src/campaign/model.js";
import { exampleSite } from "./helpers/campaigns.js";
import { FORM, JSON_HEADERS, formBody, setContributionStatus, testCollector, type TestCollector } from "./helpers/collector.js";

const URL_BASE = "/api/marktplatz/karte";
const BRUNNEN: [number, number] = [6.99998, 50.93998];

let collector: TestCollector;
beforeEach(async () => {
  collector = await testCollector();
});
afterEach(async () => {
  await collector.close();
});

const post = (contribution: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  collector.app.inject({ method: "POST", url: `${URL_BASE}/contributions`, headers: JSON_HEADERS, payload: { contribution, _id: randomUUID(), _locale: "de", ...extra } });

const geojson = (headers: Record<string, string> = {}) => collector.app.inject({ method: "GET", url: `${URL_BASE}/contributions.geojson`, headers });

describe("POST /api/<slug>/<map>/contributions", () => {
  it("stores a point inside the area as pending, and does not publish it before approval", async () => {
    const response = await post({ category: "idee", comment: "Trinkbrunnen am Markt", point: BRUNNEN });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ status: "stored", moderation: "before" });
    const [stored] = await collector.store.listContributions("marktplatz", "karte");
    expect(stored).toMatchObject({ category: "idee", comment: "Trinkbrunnen am Markt", point: BRUNNEN, status: "pending", channel: "script" });
    expect(JSON.parse((await geojson()).body).features).toHaveLength(0);

    await setContributionStatus(collector.store, stored!.id, "approved");
    const published = JSON.parse((await geojson()).body);
    expect(published.features).toHaveLength(1);
    expect(published.features[0].properties).toEqual({ id: stored!.id, category: "idee", comment: "Trinkbrunnen am Markt", date: stored!.receivedAt, status: "received" });
  });

  it("refuses a point outside the planning area, an unknown category and a comment beyond maxLength", async () => {
    const response = await post({ category: "wunsch", comment: "x".repeat(1001), point: [7.01, 50.95] });
    expect(response.statusCode).toBe(400);
    const reasons = response.json().data.issues.map((i: { field: string; reason: string }) => `${i.field}:${i.reason}`);
    expect(reasons).toEqual(expect.arrayContaining(["category:option", "comment:too-long", "location:outside-area"]));
    expect(await collector.store.listContributions("marktplatz", "karte")).toHaveLength(0);
  });

  it("names a field the map's form does not have, in words that fit a map (not a survey's question)", async () => {
    const response = await post({ category: "idee", comment: "Trinkbrunnen", point: BRUNNEN }, { category: "idee" });
    expect(response.statusCode).toBe(400);
    const issue = response.json().data.issues.find((i: { field: string }) => i.field === "category");
    expect(issue).toMatchObject({ reason: "unknown", message: "Diese Angabe gibt es im Formular nicht (mehr). Bitte laden Sie die Seite neu." });
    expect(await collector.store.listContributions("marktplatz", "karte")).toHaveLength(0);
  });

  it("needs a place: a point, a named place or words", async () => {
    const response = await post({ category: "lob", comment: "Schön!" });
    expect(response.statusCode).toBe(400);
    expect(response.json().data.issues).toContainEqual(expect.objectContaining({ field: "location", reason: "location" }));
  });

  it("refuses contributions outside the campaign period", async () => {
    await collector.close();
    collector = await testCollector({ now: new Date("2027-05-01T12:00:00+02:00") });
    const response = await post({ category: "idee", comment: "Zu spät", point: BRUNNEN });
    expect(response.statusCode).toBe(403);
    expect(response.json().data.issues[0].reason).toBe("closed");
  });

  it("answers a plain form with 303 to the thank-you page; a named place gets its coordinates", async () => {
    const response = await collector.app.inject({
      method: "POST",
      url: `${URL_BASE}/contributions`,
      headers: FORM,
      payload: formBody({ _id: "", _token: "", _locale: "de", "website-url": "", category: "problem", comment: "Stolperkante", location__place: "rathaustreppe", location__description: "" }),
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe("/marktplatz/karte/danke/");
    const [stored] = await collector.store.listContributions("marktplatz", "karte");
    expect(stored).toMatchObject({ place: "rathaustreppe", point: [7.00002, 50.9405], channel: "form", verified: false });
  });

  it("answers a faulty plain form with an HTML page in the campaign's language that keeps what was typed", async () => {
    const response = await collector.app.inject({
      method: "POST",
      url: `${URL_BASE}/contributions`,
      headers: { ...FORM, accept: "text/html" },
      payload: formBody({ _locale: "de", category: "idee", comment: "", location__place: "brunnen", location__description: "<b>am Brunnen</b>" }),
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toContain("text/html");
    expect(response.body).toMatch(/<html lang="de"[ >]/);
    expect(response.body).toContain("Ihr Hinweis: Bitte beantworten Sie diese Frage.");
    expect(response.body).toContain('<option value="brunnen" selected>');
    expect(response.body).toContain("&lt;b&gt;am Brunnen&lt;/b&gt;");
  });

  it("treats a retry with the same id as a duplicate", async () => {
    const id = randomUUID();
    expect((await post({ category: "idee", comment: "Bänke", point: BRUNNEN }, { _id: id })).statusCode).toBe(201);
    expect((await post({ category: "idee", comment: "Bänke", point: BRUNNEN }, { _id: id })).json().status).toBe("duplicate");
    expect(await collector.store.listContributions("marktplatz", "karte")).toHaveLength(1);
  });
});

describe("GET /api/<slug>/<map>/contributions.geojson", () => {
  it("is cacheable: ETag, Cache-Control, 304 on If-None-Match, a new ETag after moderation", async () => {
    await post({ category: "idee", comment: "Mehr Grün", point: BRUNNEN });
    const first = await geojson();
    expect(first.statusCode).toBe(200);
    expect(first.headers["cache-control"]).toBe("public, max-age=0, must-revalidate");
    const etag = String(first.headers.etag);
    const again = await geojson({ "if-none-match": etag });
    expect(again.statusCode).toBe(304);
    const [c] = await collector.store.listContributions("marktplatz", "karte");
    await setContributionStatus(collector.store, c!.id, "approved");
    const changed = await geojson({ "if-none-match": etag });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
  });

  it("is compressed for browsers that accept it (Brotli, else gzip), each encoding with its own ETag", async () => {
    for (let i = 0; i < 10; i++) expect((await post({ category: "idee", comment: `Mehr Bänke am Brunnen, Nr. ${i}`, point: BRUNNEN })).statusCode).toBe(201);
    for (const c of await collector.store.listContributions("marktplatz", "karte")) await setContributionStatus(collector.store, c.id, "approved");
    const plain = await geojson();
    const br = await geojson({ "accept-encoding": "gzip, deflate, br, zstd" });
    const gz = await geojson({ "accept-encoding": "gzip;q=1, br;q=0" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(br.headers["content-encoding"]).toBe("br");
    expect(gz.headers["content-encoding"]).toBe("gzip");
    for (const r of [plain, br, gz]) expect(r.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    expect(gunzipSync(gz.rawPayload).toString()).toBe(plain.body);
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    expect(new Set([plain.headers.etag, br.headers.etag, gz.headers.etag]).size).toBe(3);
    expect((await geojson({ "accept-encoding": "br", "if-none-match": String(br.headers.etag) })).statusCode).toBe(304);
    expect((await geojson({ "accept-encoding": "br", "if-none-match": String(plain.headers.etag) })).statusCode).toBe(200);
  });
});

describe("export for GIS", () => {
  it("gives every contribution with its moderation state as GeoJSON and CSV", async () => {
    await post({ category: "idee", comment: "=SUMME(A1)", point: BRUNNEN });
    await post({ category: "lob", comment: "Schöner Platz", description: "vor dem Café" });
    const [a, b] = await collector.store.listContributions("marktplatz", "karte");
    await setContributionStatus(collector.store, b!.id, "rejected", "Doppelt", "2027-03-21T09:00:00.000Z");
    const campaign = exampleSite().campaigns.find((x) => x.slug === "marktplatz")!;
    const page = campaign.pages.find((p): p is MapPageModel => p.id === "karte")!;
    const all = await collector.store.listContributions("marktplatz", "karte");
    const gis = JSON.parse(serializeContributions(campaign, page, all, { format: "geojson" }));
    expect(gis.features.map((f: { geometry: unknown }) => f.geometry)).toEqual([{ type: "Point", coordinates: BRUNNEN }, null]);
    expect(gis.features[1].properties).toMatchObject({ status: "rejected", reason: "Doppelt", description: "vor dem Café" });
    const csv = serializeContributions(campaign, page, all, { format: "csv" });
    expect(csv).toContain("'=SUMME(A1)");
    // The survey export's time format and words: local time of the campaign, "Übermittlung", "Zeitprüfung".
    expect(csv).toContain("abgelehnt;Doppelt;2027-03-21 10:00:00");
    expect(csv.split("\r\n")[0]).toMatch(/;Übermittlung;Zeitprüfung$/);
    expect(csv.split("\r\n")[1]).toMatch(/;Browser-Skript;(bestanden|ohne JavaScript|nicht prüfbar)$/);
    expect(csv.split("\r\n")[1]).toMatch(/^"?\ufeff?[0-9a-f-]{36}"?;\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2};/);
    expect(a!.status).toBe("pending");
  });
});
