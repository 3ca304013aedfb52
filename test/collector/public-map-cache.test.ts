// The public map's GeoJSON is built once per state of what it shows (src/collector/contributions/
// routes.ts), on SQLite and PostgreSQL: a contribution waiting for moderation (marktplatz moderates
// before publishing) leaves it as it is; every decision, answer, redaction and removal shows; many
// requests after a change build it once. Builds are counted by the store's listContributions.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Store } from "../../src/collector/store/index.js";
import { JSON_HEADERS, setContributionStatus, testCollector, type TestCollector } from "./helpers/collector.js";
import { bothStores } from "./helpers/stores.js";

const URL = "/api/marktplatz/karte/contributions.geojson";
const stores = bothStores("public-map");

describe.each(stores)("the public map's contributions (%s)", (_name, open) => {
  let store: Store;
  let c: TestCollector;
  let builds = 0;

  const send = async (comment: string) => {
    const id = randomUUID();
    const sent = await c.app.inject({ method: "POST", url: "/api/marktplatz/karte/contributions", headers: JSON_HEADERS, payload: { contribution: { category: "idee", comment, point: [7.0, 50.94] }, _id: id, _locale: "de" } });
    expect(sent.statusCode, sent.body).toBe(201);
    return id;
  };
  const map = async () => {
    const response = await c.app.inject({ method: "GET", url: URL });
    expect(response.statusCode).toBe(200);
    return { etag: String(response.headers.etag), comments: (response.json() as { features: { properties: { comment: string; answer?: string } }[] }).features.map((f) => f.properties.comment) };
  };
  const change = async (id: string, fields: Parameters<Store["changeContribution"]>[2]) => {
    const current = (await store.getContribution(id))!;
    const outcome = await store.changeContribution(id, current.version, fields, { at: new Date().toISOString(), actor: "test", action: "contribution.answer", target: `contribution:${id}` });
    expect(outcome.outcome).toBe("changed");
  };

  beforeAll(async () => {
    store = await open();
    const list = store.listContributions.bind(store);
    store.listContributions = (...args) => {
      builds++;
      return list(...args);
    };
    c = await testCollector({ store });
  });
  afterAll(async () => {
    await c?.close();
    await store?.close();
  });

  test("a contribution waiting for moderation leaves the map as it is; each change to what it shows builds it anew", async () => {
    const first = await send("Mehr Bänke");
    const second = await send("Radbügel fehlen");
    await setContributionStatus(store, first, "approved");
    await setContributionStatus(store, second, "approved");
    const shown = await map();
    expect(shown.comments).toEqual(["Mehr Bänke", "Radbügel fehlen"]);
    const built = builds;

    await send("Wartet noch");
    expect(await map()).toEqual(shown);
    expect(builds).toBe(built);

    // Each of these changes the map: the ETag changes with it.
    const etags = [shown.etag];
    const waiting = (await store.listContributions("marktplatz", "karte", ["pending"]))[0]!.id;
    await setContributionStatus(store, waiting, "approved");
    etags.push((await map()).etag);
    await change(first, { publicStatus: "planned", answer: "Wir prüfen das.", answeredAt: new Date().toISOString(), answeredBy: "test" });
    etags.push((await map()).etag);
    await change(second, { comment: "Radbügel […]" });
    const redacted = await map();
    expect(redacted.comments).toContain("Radbügel […]");
    etags.push(redacted.etag);
    await setContributionStatus(store, waiting, "rejected");
    etags.push((await map()).etag);
    expect(await store.deleteSubmissions({ responses: [], contributions: [first] })).toBe(1);
    const last = await map();
    expect(last.comments).toEqual(["Radbügel […]"]);
    etags.push(last.etag);
    expect(new Set(etags).size).toBe(etags.length);
  });

  test("many requests after a change build it once", async () => {
    await setContributionStatus(store, await send("Schatten am Brunnen"), "approved");
    const before = builds;
    const answers = await Promise.all(Array.from({ length: 8 }, map));
    expect(new Set(answers.map((a) => a.etag)).size).toBe(1);
    expect(answers[0]!.comments).toContain("Schatten am Brunnen");
    expect(builds - before).toBe(1);
  });
});
