// The optional proof of work (issue 12, docs/adr/025-proof-of-work.md) on both stores: a campaign
// with `abuse.proofOfWork` gets challenges from the collector; the browser script must bring a
// solution, a plain form without JavaScript is still accepted but unverified, and one solution
// verifies one submission — also when two collectors share the store, and when sent in parallel.
import { randomUUID } from "node:crypto";
import { solveChallenge, type Challenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { SiteModel } from "../../src/campaign/model.js";
import type { Store } from "../../src/collector/store/index.js";
import { issueMessage } from "../../src/forms/messages.js";
import { exampleSite, fullMarktplatzAnswers } from "./helpers/campaigns.js";
import { FORM, formBody, fullMarktplatzForm, JSON_HEADERS, testCollector, type TestCollector } from "./helpers/collector.js";
import { bothStores } from "./helpers/stores.js";

const SURVEY = "/api/marktplatz/umfrage/responses";
const SURVEY_CHALLENGE = "/api/marktplatz/umfrage/challenge";
const MAP = "/api/marktplatz/karte/contributions";
const MAP_CHALLENGE = "/api/marktplatz/karte/contributions/challenge";
const BRUNNEN = [6.99998, 50.93998];
const SECRET = "pow-test-secret-0123456789abcdef";
// Small work: these tests are about the rules, not the cost (the cost is measured in the e2e test).
const EASY = { difficulty: 40, cost: 10 };

function withProofOfWork(): SiteModel {
  const site = exampleSite();
  for (const campaign of site.campaigns) if (campaign.slug === "marktplatz") campaign.abuse = { proofOfWork: true };
  return site;
}

const stores = bothStores("pow-stores");

describe.each(stores)("%s", (_name, open) => {
  let store: Store;
  let c: TestCollector;
  /** A second collector on the same store with the same secret: another instance behind the load balancer. */
  let other: TestCollector;
  beforeAll(async () => {
    store = await open();
    c = await testCollector({ store, model: withProofOfWork(), abuse: { secret: SECRET, minFillMs: 0, proofOfWork: EASY } });
    other = await testCollector({ store, model: withProofOfWork(), abuse: { secret: SECRET, minFillMs: 0, proofOfWork: EASY } });
  });
  afterAll(async () => {
    await other?.close();
    await c?.close();
    await store?.close();
  });

  /** What the widget does: fetch a challenge, solve it, put base64 JSON { challenge, solution } into _pow. */
  async function solved(url = SURVEY_CHALLENGE, from: TestCollector = c): Promise<string> {
    const response = await from.app.inject({ method: "GET", url });
    expect(response.statusCode).toBe(200);
    const challenge = response.json() as Challenge;
    const solution = await solveChallenge({ challenge, deriveKey });
    return Buffer.from(JSON.stringify({ challenge, solution })).toString("base64");
  }
  const post = (payload: object, url = SURVEY, to: TestCollector = c) => to.app.inject({ method: "POST", url, headers: JSON_HEADERS, payload });
  /** A form token, as the script fetches it: verified needs the token's timing check and the proof. */
  const token = async (url = "/api/marktplatz/umfrage/token") => ((await c.app.inject({ method: "GET", url })).json() as { token: string }).token;
  const answer = async (pow: string | undefined, id = randomUUID()) => ({ _id: id, _token: await token(), answers: fullMarktplatzAnswers(), ...(pow === undefined ? {} : { _pow: pow }) });
  const row = async (id: string) => (await store.listResponses("marktplatz", "umfrage")).find((r) => r.id === id);

  test("a valid solution: stored and verified, for surveys and maps", async () => {
    const id = randomUUID();
    const response = await post(await answer(await solved(), id));
    expect(response.statusCode).toBe(201);
    expect(await row(id)).toMatchObject({ verified: true });
    const mapId = randomUUID();
    const map = await post({ _id: mapId, _token: await token("/api/marktplatz/karte/contributions/token"), _pow: await solved(MAP_CHALLENGE), contribution: { category: "idee", comment: "Bank", point: BRUNNEN } }, MAP);
    expect(map.statusCode).toBe(201);
    expect((await store.listContributions("marktplatz", "karte")).find((r) => r.id === mapId)).toMatchObject({ verified: true });
  });

  test("the browser script without a solution: 400 naming _pow and saying to send again; nothing stored", async () => {
    const before = await store.countResponses();
    const response = await post(await answer(undefined));
    expect(response.statusCode).toBe(400);
    expect(response.json().data.issues).toEqual([expect.objectContaining({ field: "_pow", reason: "pow-missing", message: expect.stringContaining("noch einmal ab") })]);
    const map = await post({ _id: randomUUID(), contribution: { category: "idee", comment: "Bank", point: BRUNNEN } }, MAP);
    expect(map.statusCode).toBe(400);
    expect(map.json().data.issues).toEqual([expect.objectContaining({ field: "_pow", reason: "pow-missing" })]);
    // The English sentence, for English pages.
    expect(issueMessage({ reason: "pow-missing" }, "en")).toBe("The check against automated submissions has not finished yet. Please send your answers again in a few seconds – they stay on this page.");
    expect(await store.countResponses()).toBe(before);
  });

  test("a plain form without JavaScript still works: stored, unverified, said as 'without JavaScript'", async () => {
    const before = await store.countResponses();
    const response = await c.app.inject({ method: "POST", url: SURVEY, headers: FORM, payload: formBody(fullMarktplatzForm()) });
    expect(response.statusCode).toBe(303);
    expect(await store.countResponses()).toBe(before + 1);
    const rows = await store.listResponses("marktplatz", "umfrage");
    expect(rows.at(-1)).toMatchObject({ verified: false, timing: "missing", channel: "form" });
  });

  test("an invalid solution is a 400 'pow-invalid': a wrong key, another page's, a made-up or test payload, garbage", async () => {
    const before = await store.countResponses();
    const good = JSON.parse(Buffer.from(await solved(), "base64").toString()) as { challenge: Challenge; solution: { derivedKey: string } };
    const wrongKey = { ...good, solution: { ...good.solution, derivedKey: "0".repeat(64) } };
    const forged = { ...good, challenge: { ...good.challenge, parameters: { ...good.challenge.parameters, cost: 1 } } };
    const cases = [
      Buffer.from(JSON.stringify(wrongKey)).toString("base64"),
      Buffer.from(JSON.stringify(forged)).toString("base64"),
      await solved(MAP_CHALLENGE), // solved for the map, sent to the survey
      Buffer.from(JSON.stringify({ challenge: null, solution: null, test: true })).toString("base64"), // the widget's test mode
      "bm90IGpzb24=",
      "%%%",
      "A".repeat(10_000),
    ];
    for (const pow of cases) {
      const response = await post(await answer(pow));
      expect(response.statusCode, pow.slice(0, 40)).toBe(400);
      expect(response.json().data.issues).toEqual([expect.objectContaining({ field: "_pow", reason: "pow-invalid" })]);
    }
    // A plain form that does bring a broken solution is refused the same way, on the error page.
    const plain = await c.app.inject({ method: "POST", url: SURVEY, headers: FORM, payload: formBody({ ...fullMarktplatzForm(), _pow: cases[0]! }) });
    expect(plain.statusCode).toBe(400);
    expect(plain.body).toContain("Prüfung gegen automatische Einsendungen ist fehlgeschlagen");
    expect(await store.countResponses()).toBe(before);
  });

  test("an expired solution is a 400 'pow-expired'", async () => {
    const shortLived = await testCollector({ store, model: withProofOfWork(), abuse: { secret: SECRET, minFillMs: 0, proofOfWork: { ...EASY, maxAgeMs: 1000 } } });
    try {
      const pow = await solved(SURVEY_CHALLENGE, shortLived);
      await new Promise((resolve) => setTimeout(resolve, 2100));
      // Checked by the other instance: it knows the secret, not the challenge.
      const response = await post(await answer(pow));
      expect(response.statusCode).toBe(400);
      expect(response.json().data.issues).toEqual([expect.objectContaining({ field: "_pow", reason: "pow-expired", message: expect.stringContaining("abgelaufen") })]);
    } finally {
      await shortLived.close();
    }
  });

  test("a replayed solution is a 400 'pow-reused', also on another instance; a retry of the same submission is no replay", async () => {
    const pow = await solved();
    const id = randomUUID();
    expect((await post(await answer(pow, id))).statusCode).toBe(201);
    // The same submission again (its answer was lost on the way back): the same row.
    expect((await post(await answer(pow, id))).statusCode).toBe(200);
    for (const to of [c, other]) {
      const replay = await post(await answer(pow), SURVEY, to);
      expect(replay.statusCode).toBe(400);
      expect(replay.json().data.issues).toEqual([expect.objectContaining({ field: "_pow", reason: "pow-reused", message: expect.stringContaining("schon für eine andere Einsendung") })]);
    }
    // Issued by one instance, used on the other: valid there (stateless challenges, shared secret).
    const id2 = randomUUID();
    expect((await post(await answer(await solved(SURVEY_CHALLENGE, other), id2))).statusCode).toBe(201);
    expect(await row(id2)).toMatchObject({ verified: true });
  });

  test("one solution sent in parallel to both instances: exactly one is stored", async () => {
    const before = await store.countResponses();
    const pow = await solved();
    const bodies = await Promise.all(Array.from({ length: 8 }, () => answer(pow)));
    const responses = await Promise.all(bodies.map((body, i) => post(body, SURVEY, i % 2 ? other : c)));
    const codes = responses.map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 400, 400, 400, 400, 400, 400, 400]);
    for (const r of responses.filter((r) => r.statusCode === 400)) expect(r.json().data.issues[0].reason).toBe("pow-reused");
    expect(await store.countResponses()).toBe(before + 1);
  });

  test("a campaign without the proof of work has no challenge address and needs no solution", async () => {
    expect((await c.app.inject({ method: "GET", url: "/api/radverkehr/umfrage/challenge" })).statusCode).toBe(404);
    const plain = await testCollector({ store, abuse: { secret: SECRET, minFillMs: 0, proofOfWork: EASY } });
    try {
      expect((await plain.app.inject({ method: "GET", url: SURVEY_CHALLENGE })).statusCode).toBe(404);
      const { token } = (await plain.app.inject({ method: "GET", url: "/api/marktplatz/umfrage/token" })).json() as { token: string };
      const id = randomUUID();
      expect((await post({ ...(await answer(undefined, id)), _token: token }, SURVEY, plain)).statusCode).toBe(201);
      expect(await row(id)).toMatchObject({ verified: true });
    } finally {
      await plain.close();
    }
  });
});
