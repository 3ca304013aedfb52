// The behaviour every store must have, for survey responses and map contributions alike; run
// against SQLite (store-sqlite.test.ts) and PostgreSQL (store-postgres.test.ts).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { ContributionStatus, NewContribution, NewResponse, ReachCount, ResponseRange, Store } from "../../src/collector/store/index.js";
import { fullMarktplatzAnswers } from "./helpers/campaigns.js";

export interface StoreFactory {
  /** Opens the store (running migrations); called more than once on the same database. */
  open(): Promise<Store>;
  cleanup?(): Promise<void>;
}

export function response(overrides: Partial<NewResponse> = {}): NewResponse {
  return {
    id: randomUUID(),
    campaign: "marktplatz",
    page: "umfrage",
    locale: "de",
    answers: fullMarktplatzAnswers() as NewResponse["answers"],
    receivedAt: new Date("2027-03-15T11:00:00.000Z").toISOString(),
    channel: "script",
    verified: true,
    ...overrides,
  };
}

const contribution = (id: string, extra: Partial<NewContribution> = {}): NewContribution => ({
  id,
  campaign: "marktplatz",
  page: "karte",
  locale: "de",
  category: "idee",
  comment: "Mehr Schatten – „Bäume“ statt Parkplätze",
  point: [6.99998, 50.93998],
  receivedAt: "2027-03-20T09:00:00.000Z",
  channel: "script",
  verified: true,
  ...extra,
});

const ID = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

export function describeStore(name: string, factory: () => Promise<StoreFactory>): void {
  describe(`${name} store`, () => {
    let setup: StoreFactory;
    let store: Store;
    beforeAll(async () => {
      setup = await factory();
      store = await setup.open();
    });
    afterAll(async () => {
      await store?.close();
      await setup?.cleanup?.();
    });

    test("keeps answers exactly: umlauts, order of a ranking, nested location, numbers", async () => {
      const r = response({ campaign: "roundtrip" });
      expect(await store.insertResponse(r)).toMatchObject({ status: "inserted" });
      const [stored] = await store.listResponses("roundtrip", "umfrage");
      expect(stored).toEqual({ ...r, seq: expect.any(Number), version: 1 });
    });

    test("an id is stored once: a retry is a duplicate, the same id for another survey a conflict", async () => {
      const r = response({ campaign: "idempotent" });
      const first = await store.insertResponse(r);
      const again = await store.insertResponse({ ...r, answers: { bezug: "altstadt" } });
      const elsewhere = await store.insertResponse({ ...r, page: "andere-umfrage" });
      expect(first.status).toBe("inserted");
      expect(again).toEqual({ status: "duplicate", seq: (first as { seq: number }).seq });
      expect(elsewhere).toEqual({ status: "conflict" });
      const rows = await store.listResponses("idempotent", "umfrage");
      expect(rows).toHaveLength(1);
      expect(rows[0]!.answers).toEqual(r.answers);
    });

    test("concurrent inserts all land, in order of arrival, each once", async () => {
      const batch = Array.from({ length: 300 }, (_, i) => response({ campaign: "concurrent", answers: { idee: `Idee ${i}` } }));
      // Every response twice, at the same time: the second copy must come back as a duplicate.
      const outcomes = await Promise.all([...batch, ...batch].map((r) => store.insertResponse(r)));
      expect(outcomes.filter((o) => o.status === "inserted")).toHaveLength(300);
      expect(outcomes.filter((o) => o.status === "duplicate")).toHaveLength(300);
      const rows = await store.listResponses("concurrent", "umfrage");
      expect(rows.map((r) => r.id).sort()).toEqual(batch.map((r) => r.id).sort());
      const seqs = rows.map((r) => r.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    });

    test("lists and counts per survey", async () => {
      await store.insertResponse(response({ campaign: "zaehlen", page: "a" }));
      await store.insertResponse(response({ campaign: "zaehlen", page: "a", channel: "form", verified: false }));
      await store.insertResponse(response({ campaign: "zaehlen", page: "b" }));
      expect(await store.countResponses("zaehlen")).toBe(3);
      expect(await store.countResponses("zaehlen", "a")).toBe(2);
      expect((await store.listResponses("zaehlen", "a")).map((r) => [r.channel, r.verified])).toEqual([
        ["script", true],
        ["form", false],
      ]);
      expect(await store.listResponses("zaehlen", "c")).toEqual([]);
    });

    test("reads the responses after an arrival number, and sums up those up to one: what the desk's kept counts build on", async () => {
      const none = { rows: 0, versions: 0, seqs: 0 };
      expect(await store.responsesSummary("nachzaehlen", "a", 1_000_000)).toEqual({ all: { ...none, last: 0 }, upTo: none });
      const seqs: number[] = [];
      for (let i = 0; i < 5; i++) {
        const outcome = await store.insertResponse(response({ campaign: "nachzaehlen", page: "a", answers: { n: i } as never }));
        await store.insertResponse(response({ campaign: "nachzaehlen", page: "b" }));
        if (outcome.status !== "inserted") throw new Error(outcome.status);
        seqs.push(outcome.seq);
      }
      const after = async (n?: number) => {
        const read = [];
        for await (const batch of store.responseBatches("nachzaehlen", "a", n === undefined ? {} : { after: n })) read.push(...batch.map((r) => (r.answers as { n: number }).n));
        return read;
      };
      expect(await after()).toEqual([0, 1, 2, 3, 4]);
      expect(await after(seqs[1])).toEqual([2, 3, 4]);
      expect(await after(seqs[4])).toEqual([]);
      const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
      expect(await store.responsesSummary("nachzaehlen", "a", seqs[2]!)).toEqual({ all: { rows: 5, versions: 5, seqs: sum(seqs), last: seqs[4] }, upTo: { rows: 3, versions: 3, seqs: sum(seqs.slice(0, 3)) } });
      // A removal and a redaction below the number show in both sums.
      const [first, second] = await store.listResponses("nachzaehlen", "a");
      await store.deleteSubmissions({ responses: [first!.id], contributions: [] });
      expect(await store.responsesSummary("nachzaehlen", "a", seqs[2]!)).toEqual({ all: { rows: 4, versions: 4, seqs: sum(seqs.slice(1)), last: seqs[4] }, upTo: { rows: 2, versions: 2, seqs: sum(seqs.slice(1, 3)) } });
      const changed = await store.changeResponse(second!.id, 1, { n: -1 } as never, { at: new Date().toISOString(), actor: "test", action: "response.redact", target: `response:${second!.id}` });
      expect(changed.outcome).toBe("changed");
      expect(await store.responsesSummary("nachzaehlen", "a", seqs[2]!)).toEqual({ all: { rows: 4, versions: 5, seqs: sum(seqs.slice(1)), last: seqs[4] }, upTo: { rows: 2, versions: 3, seqs: sum(seqs.slice(1, 3)) } });
      // Up to a number below all of them: nothing.
      expect((await store.responsesSummary("nachzaehlen", "a", 0)).upTo).toEqual(none);
    });

    test("cuts a survey's responses into ranges of arrival that together hold each response once, for counting side by side", async () => {
      expect(await store.responseRanges("teile", "a", 3)).toEqual([]);
      for (let i = 0; i < 10; i++) {
        await store.insertResponse(response({ campaign: "teile", page: "a", answers: { n: i } as never }));
        await store.insertResponse(response({ campaign: "teile", page: "b" }));
      }
      const answersIn = async (range?: ResponseRange) => {
        const all = [];
        for await (const batch of store.answerBatches("teile", "a", range)) all.push(...batch);
        return all;
      };
      const everything = await answersIn();
      for (const parts of [1, 2, 3, 4, 10, 25]) {
        const ranges = await store.responseRanges("teile", "a", parts);
        expect(ranges).toHaveLength(Math.min(parts, 10));
        const sizes = [];
        const joined = [];
        for (const range of ranges) {
          const part = await answersIn(range);
          sizes.push(part.length);
          joined.push(...part);
        }
        // Each range after the one before, of about the same size, together all of the page's and no other's.
        expect(ranges.every((r, i) => r.after < r.upTo && (i === 0 || r.after === ranges[i - 1]!.upTo))).toBe(true);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        expect(ranges.map((r) => r.rows)).toEqual(sizes);
        expect(joined).toEqual(everything);
      }
      // A response arriving after the cut falls after the last range.
      const ranges = await store.responseRanges("teile", "a", 2);
      await store.insertResponse(response({ campaign: "teile", page: "a", answers: { n: 10 } as never }));
      const counted = [];
      for (const range of ranges) counted.push(...(await answersIn(range)));
      expect(counted).toEqual(everything);
    });

    test("streams a survey's responses in order of arrival, as listed; a download stopped early leaves the store taking submissions", async () => {
      // More than one batch of either cursor (SQLite 100, PostgreSQL 1,000).
      await Promise.all(Array.from({ length: 1203 }, (_, i) => store.insertResponse(response({ campaign: "strom", page: "a", locale: i % 2 ? "en" : "de" }))));
      await store.insertResponse(response({ campaign: "strom", page: "b" }));
      const streamed = [];
      for await (const r of store.streamResponses("strom", "a")) streamed.push(r);
      expect(streamed).toEqual(await store.listResponses("strom", "a"));
      expect(streamed).toHaveLength(1203);
      // The answers alone (for results), in the same order, no batch larger than the cursor's.
      const answers = [];
      for await (const batch of store.answerBatches("strom", "a")) {
        expect(batch.length).toBeLessThanOrEqual(store.kind === "sqlite" ? 100 : 1000);
        answers.push(...batch);
      }
      expect(answers).toEqual(streamed.map((r) => r.answers));

      let seen = 0;
      for await (const r of store.streamResponses("strom", "a")) {
        // A submission arriving while a download is under way is stored, not refused as "busy".
        if (seen === 10) expect(await store.insertResponse(response({ campaign: "strom", page: "a" }))).toMatchObject({ status: "inserted" });
        if (++seen === 600) break;
        expect(r.campaign).toBe("strom");
      }
      expect(await store.countResponses("strom", "a")).toBe(1204);
      await store.ping();
      const empty = [];
      for await (const r of store.streamResponses("strom", "keine")) empty.push(r);
      expect(empty).toEqual([]);
    });

    test("migrations run on every start and apply once; data survives reopening", async () => {
      const before = await store.countResponses();
      const again = await setup.open();
      try {
        expect(await again.countResponses()).toBe(before);
        await again.ping();
      } finally {
        await again.close();
      }
    });

    test("contributions: inserted once, listed by status, moderated, and every change versioned", async () => {
      // As the public map of a page moderated afterwards asks.
      const shown: ContributionStatus[] = ["pending", "approved"];
      const v0 = await store.contributionsVersion("marktplatz", "karte", shown);
      expect(await store.insertContribution(contribution(ID(1)))).toMatchObject({ status: "inserted" });
      expect(await store.insertContribution(contribution(ID(1)))).toMatchObject({ status: "duplicate" });
      expect(await store.insertContribution(contribution(ID(1), { page: "andere" }))).toEqual({ status: "conflict" });
      await store.insertContribution(contribution(ID(2), { point: undefined, place: "brunnen", description: "Am Brunnen" }));
      const v1 = await store.contributionsVersion("marktplatz", "karte", shown);
      expect(v1).not.toBe(v0);

      const all = await store.listContributions("marktplatz", "karte");
      expect(all.map((c) => [c.id, c.status])).toEqual([[ID(1), "pending"], [ID(2), "pending"]]);
      expect(all[0]).toMatchObject({ point: [6.99998, 50.93998], verified: true, receivedAt: "2027-03-20T09:00:00.000Z", comment: "Mehr Schatten – „Bäume“ statt Parkplätze" });
      expect(all[1]).toMatchObject({ place: "brunnen", description: "Am Brunnen" });
      expect(all[1]!.point).toBeUndefined();

      const audit = (action: string, id: string) => ({ at: "2027-03-21T08:00:00.000Z", actor: "anna", action, target: `contribution:${id}` });
      const rejected = await store.changeContribution(ID(2), 1, { status: "rejected", reason: "advertising", note: "Werbung für „Café X“", moderatedAt: "2027-03-21T08:00:00.000Z", moderatedBy: "anna" }, audit("contribution.reject", ID(2)));
      expect(rejected).toMatchObject({ outcome: "changed", record: { status: "rejected", reason: "advertising", note: "Werbung für „Café X“", moderatedAt: "2027-03-21T08:00:00.000Z", moderatedBy: "anna", version: 2 } });
      await store.changeContribution(ID(1), 1, { status: "approved", moderatedAt: "2027-03-21T08:01:00.000Z", moderatedBy: "anna" }, audit("contribution.approve", ID(1)));
      expect(await store.contributionsVersion("marktplatz", "karte", shown)).not.toBe(v1);
      expect((await store.listContributions("marktplatz", "karte", ["approved"])).map((c) => c.id)).toEqual([ID(1)]);
      expect((await store.listContributions("marktplatz", "karte", ["approved", "pending"])).map((c) => c.id)).toEqual([ID(1)]);
      const streamed = [];
      for await (const c of store.streamContributions("marktplatz", "karte", ["approved"])) streamed.push(c);
      expect(streamed).toEqual(await store.listContributions("marktplatz", "karte", ["approved"]));
      const every = [];
      for await (const c of store.streamContributions("marktplatz", "karte")) every.push(c.id);
      expect(every).toEqual([ID(1), ID(2)]);
      expect(await store.changeContribution(ID(9), 1, { status: "approved" }, audit("contribution.approve", ID(9)))).toEqual({ outcome: "missing" });
      expect(await store.getContribution(ID(1), "andere-kampagne")).toBeUndefined();
      expect(await store.getContribution(ID(1).toUpperCase())).toMatchObject({ id: ID(1), status: "approved" });
    });

    test("a change names the version it saw: the second of two moderators gets the record as the first left it, and nothing is written", async () => {
      const id = "00000000-0000-4000-8000-000000000101";
      await store.insertContribution(contribution(id, { campaign: "wettlauf" }));
      const entry = (actor: string) => ({ at: "2027-03-21T08:00:00.000Z", actor, action: "contribution.approve", target: `contribution:${id}` });
      const [first, second] = await Promise.all([
        store.changeContribution(id, 1, { status: "approved", moderatedBy: "anna", moderatedAt: "2027-03-21T08:00:00.000Z" }, entry("anna")),
        store.changeContribution(id, 1, { status: "rejected", reason: "other", moderatedBy: "ben", moderatedAt: "2027-03-21T08:00:01.000Z" }, entry("ben")),
      ]);
      const outcomes = [first!.outcome, second!.outcome].sort();
      expect(outcomes).toEqual(["changed", "stale"]);
      const winner = first!.outcome === "changed" ? "anna" : "ben";
      const stale = [first, second].find((o) => o!.outcome === "stale") as { record: { moderatedBy?: string; version: number } };
      expect(stale.record).toMatchObject({ moderatedBy: winner, version: 2 });
      // Only the winner's audit entry was written.
      expect((await store.listAudit({ target: `contribution:${id}` }, { limit: 10, offset: 0 })).map((e) => e.actor)).toEqual([winner]);
    });

    test("the desk's queue: newest first, filtered, paginated, with counts per state", async () => {
      for (let i = 0; i < 5; i++) {
        await store.insertContribution(contribution(`00000000-0000-4000-8000-0000000002${String(i).padStart(2, "0")}`, { campaign: "schlange", category: i % 2 ? "lob" : "idee", receivedAt: `2027-03-2${i}T09:00:00.000Z` }));
      }
      const first = await store.getContribution("00000000-0000-4000-8000-000000000200");
      await store.changeContribution(first!.id, 1, { status: "approved" }, { at: "2027-03-25T00:00:00.000Z", actor: "anna", action: "contribution.approve" });
      const page1 = await store.queue({ campaign: "schlange" }, { limit: 2, offset: 0 });
      const page2 = await store.queue({ campaign: "schlange" }, { limit: 2, offset: 2 });
      expect([...page1, ...page2].map((c) => c.receivedAt)).toEqual(["2027-03-24T09:00:00.000Z", "2027-03-23T09:00:00.000Z", "2027-03-22T09:00:00.000Z", "2027-03-21T09:00:00.000Z"]);
      expect((await store.queue({ campaign: "schlange", category: "lob" }, { limit: 10, offset: 0 })).map((c) => c.category)).toEqual(["lob", "lob"]);
      expect((await store.queue({ campaign: "schlange", status: "approved" }, { limit: 10, offset: 0 })).map((c) => c.id)).toEqual([first!.id]);
      expect(await store.queueCounts({ campaign: "schlange", status: "approved" })).toEqual({ pending: 4, approved: 1, rejected: 0 });
      expect(await store.queueCounts({ campaign: "schlange", page: "nirgends" })).toEqual({ pending: 0, approved: 0, rejected: 0 });
    });

    test("answers: status and text are kept, and every version of an answer stays in the audit log", async () => {
      const id = "00000000-0000-4000-8000-000000000301";
      await store.insertContribution(contribution(id, { campaign: "antworten" }));
      await store.changeContribution(id, 1, { status: "approved" }, { at: "2027-03-21T08:00:00.000Z", actor: "anna", action: "contribution.approve", target: `contribution:${id}` });
      for (const [version, text] of [[2, "Wir prüfen das."], [3, "Wird 2028 umgesetzt."]] as const) {
        const outcome = await store.changeContribution(id, version, { publicStatus: version === 2 ? "in-review" : "planned", answer: text, answeredAt: "2027-03-22T08:00:00.000Z", answeredBy: "ben" }, { at: "2027-03-22T08:00:00.000Z", actor: "ben", action: "contribution.answer", target: `contribution:${id}`, details: { answer: text } });
        expect(outcome.outcome).toBe("changed");
      }
      expect(await store.getContribution(id)).toMatchObject({ publicStatus: "planned", answer: "Wird 2028 umgesetzt.", answeredBy: "ben", answeredAt: "2027-03-22T08:00:00.000Z", version: 4 });
      const history = await store.listAudit({ target: `contribution:${id}`, action: "contribution.answer" }, { limit: 10, offset: 0 });
      expect(history.map((e) => e.details?.answer)).toEqual(["Wird 2028 umgesetzt.", "Wir prüfen das."]);
      expect(await store.countAudit({ target: `contribution:${id}`, action: "contribution." })).toBe(3);
    });

    test("responses: a page newest first, arrival times, and a redaction that names the version it saw", async () => {
      const rs = [0, 1, 2].map((i) => response({ campaign: "schwaerzen", receivedAt: `2027-03-1${i}T10:00:00.000Z`, answers: { idee: `Ruf an: 0221 12345${i}` } }));
      for (const r of rs) await store.insertResponse(r);
      expect((await store.responsesPage("schwaerzen", "umfrage", { limit: 2, offset: 0 })).map((r) => r.id)).toEqual([rs[2]!.id, rs[1]!.id]);
      expect(await store.responseTimes("schwaerzen", "umfrage")).toEqual(rs.map((r) => r.receivedAt));
      const target = await store.getResponse(rs[0]!.id);
      expect(target).toMatchObject({ version: 1, answers: { idee: "Ruf an: 0221 123450" } });
      const audit = { at: "2027-03-21T08:00:00.000Z", actor: "anna", action: "response.redact", target: `response:${rs[0]!.id}`, details: { question: "idee" } };
      expect(await store.changeResponse(rs[0]!.id, 1, { idee: "Ruf an: [entfernt]" }, audit)).toMatchObject({ outcome: "changed", record: { version: 2, answers: { idee: "Ruf an: [entfernt]" } } });
      expect(await store.changeResponse(rs[0]!.id, 1, { idee: "überschrieben" }, audit)).toMatchObject({ outcome: "stale", record: { answers: { idee: "Ruf an: [entfernt]" } } });
      expect(await store.changeResponse(randomUUID(), 1, {}, audit)).toEqual({ outcome: "missing" });
      expect(JSON.stringify(await store.listResponses("schwaerzen", "umfrage"))).not.toContain("123450");
    });

    test("users: added once, found, password changed (ending their sessions), removed with their sessions; each change in the audit log", async () => {
      const at = "2027-03-01T08:00:00.000Z";
      const log = (action: string, name: string) => ({ at, actor: "cli:root", action, target: `user:${name}` });
      expect(await store.addUser({ name: "anna", role: "admin", passwordHash: "$argon2id$a", createdAt: at }, log("user.add", "anna"))).toBe("added");
      expect(await store.addUser({ name: "anna", role: "moderator", passwordHash: "$argon2id$b", createdAt: at }, log("user.add", "anna"))).toBe("exists");
      await store.addUser({ name: "ben", role: "moderator", passwordHash: "$argon2id$c", createdAt: at }, log("user.add", "ben"));
      expect((await store.listUsers()).map((u) => [u.name, u.role])).toEqual([["anna", "admin"], ["ben", "moderator"]]);
      const anna = await store.findUser("anna");
      expect(anna).toMatchObject({ name: "anna", role: "admin", passwordHash: "$argon2id$a", createdAt: at, passwordChangedAt: at });

      await store.createSession({ tokenHash: "h1", userId: anna!.id, createdAt: at, seenAt: at });
      expect(await store.findSession("h1")).toEqual({ tokenHash: "h1", userId: anna!.id, createdAt: at, seenAt: at, user: { name: "anna", role: "admin" } });
      await store.touchSession("h1", "2027-03-01T08:10:00.000Z");
      await store.setFlash("h1", "Gespeichert.");
      expect(await store.findSession("h1")).toMatchObject({ seenAt: "2027-03-01T08:10:00.000Z", flash: "Gespeichert." });
      await store.setFlash("h1", undefined);
      expect((await store.findSession("h1"))!.flash).toBeUndefined();

      expect(await store.setPassword("anna", "$argon2id$new", "2027-03-02T08:00:00.000Z", log("user.password", "anna"))).toBe(true);
      expect(await store.findSession("h1")).toBeUndefined();
      expect(await store.findUser("anna")).toMatchObject({ passwordHash: "$argon2id$new", passwordChangedAt: "2027-03-02T08:00:00.000Z" });
      expect(await store.setPassword("niemand", "x", at, log("user.password", "niemand"))).toBe(false);

      const ben = await store.findUser("ben");
      await store.createSession({ tokenHash: "h2", userId: ben!.id, createdAt: at, seenAt: at });
      expect(await store.removeUser("ben", log("user.remove", "ben"))).toBe(true);
      expect(await store.findSession("h2")).toBeUndefined();
      expect(await store.findUser("ben")).toBeUndefined();
      expect(await store.removeUser("ben", log("user.remove", "ben"))).toBe(false);
      expect((await store.listAudit({ actor: "cli:root" }, { limit: 10, offset: 0 })).map((e) => `${e.action} ${e.target}`)).toEqual(["user.remove user:ben", "user.password user:anna", "user.add user:ben", "user.add user:anna"]);
    });

    test("sessions end after the idle or the absolute timeout", async () => {
      await store.addUser({ name: "carla", role: "moderator", passwordHash: "x", createdAt: "2027-03-01T00:00:00.000Z" }, { at: "2027-03-01T00:00:00.000Z", actor: "cli:root", action: "user.add" });
      const carla = (await store.findUser("carla"))!;
      await store.createSession({ tokenHash: "idle", userId: carla.id, createdAt: "2027-03-01T08:00:00.000Z", seenAt: "2027-03-01T08:00:00.000Z" });
      await store.createSession({ tokenHash: "old", userId: carla.id, createdAt: "2027-03-01T01:00:00.000Z", seenAt: "2027-03-01T08:55:00.000Z" });
      await store.createSession({ tokenHash: "fresh", userId: carla.id, createdAt: "2027-03-01T08:00:00.000Z", seenAt: "2027-03-01T08:50:00.000Z" });
      expect(await store.deleteExpiredSessions("2027-03-01T08:30:00.000Z", "2027-03-01T01:00:01.000Z")).toBe(2);
      expect(await store.findSession("fresh")).toBeDefined();
      expect(await store.findSession("idle")).toBeUndefined();
      expect(await store.findSession("old")).toBeUndefined();
    });

    test("failed logins are counted per key in a window, lock at the limit, and are forgotten", async () => {
      const rule = (windowStart: string) => ({ windowStart, lockAfter: 3, lockedUntil: "2027-03-01T09:15:00.000Z" });
      expect(await store.loginFailures("k")).toBeUndefined();
      expect(await store.recordLoginFailure("k", "2027-03-01T09:00:00.000Z", rule("2027-03-01T08:45:00.000Z"))).toEqual({ failures: 1, firstAt: "2027-03-01T09:00:00.000Z" });
      await store.recordLoginFailure("k", "2027-03-01T09:01:00.000Z", rule("2027-03-01T08:46:00.000Z"));
      expect(await store.recordLoginFailure("k", "2027-03-01T09:02:00.000Z", rule("2027-03-01T08:47:00.000Z"))).toEqual({ failures: 3, firstAt: "2027-03-01T09:00:00.000Z", lockedUntil: "2027-03-01T09:15:00.000Z" });
      // A failure after the window starts a new count.
      expect(await store.recordLoginFailure("other", "2027-03-01T09:00:00.000Z", rule("2027-03-01T08:45:00.000Z"))).toMatchObject({ failures: 1 });
      expect(await store.recordLoginFailure("other", "2027-03-01T10:00:00.000Z", rule("2027-03-01T09:45:00.000Z"))).toEqual({ failures: 1, firstAt: "2027-03-01T10:00:00.000Z" });
      await store.clearLoginFailures("other");
      expect(await store.loginFailures("other")).toBeUndefined();
      await store.deleteOldLoginFailures("2027-03-01T09:10:00.000Z");
      expect(await store.loginFailures("k")).toBeDefined();
      await store.deleteOldLoginFailures("2027-03-01T09:20:00.000Z");
      expect(await store.loginFailures("k")).toBeUndefined();
    });

    test("the audit log is append-only: the database refuses to change or delete an entry", async () => {
      await store.appendAudit({ at: "2027-03-01T08:00:00.000Z", actor: "anna", action: "export.download", target: "page:marktplatz/umfrage", details: { format: "csv" } });
      const [entry] = await store.listAudit({ action: "export." }, { limit: 1, offset: 0 });
      expect(entry).toMatchObject({ actor: "anna", action: "export.download", target: "page:marktplatz/umfrage", details: { format: "csv" } });
      await expect(rawExec(store, "UPDATE audit_log SET actor = 'x'")).rejects.toThrow(/append-only/);
      await expect(rawExec(store, "DELETE FROM audit_log")).rejects.toThrow(/append-only/);
      expect(await store.countAudit({ action: "export.download" })).toBe(1);
    });

    test("privacy: finds an address in any case, replaces answers, deletes items, claims tokens once", async () => {
      const r = response({ campaign: "privacy", answers: { ...fullMarktplatzAnswers(), email: "Eva@Example.org" } as NewResponse["answers"] });
      await store.insertResponse(r);
      await store.insertContribution(contribution(randomUUID(), { campaign: "privacy", comment: "Mail an eva@example.org" }));
      const found = await store.findByText("eva@example.org");
      expect([found.responses.length, found.contributions.length]).toEqual([1, 1]);
      await store.replaceAnswers([{ id: r.id, answers: Object.fromEntries(Object.entries(r.answers).filter(([key]) => key !== "email")) as NewResponse["answers"] }]);
      expect((await store.listResponses("privacy", "umfrage"))[0]!.answers.email).toBeUndefined();
      expect(await store.deleteSubmissions({ responses: [r.id], contributions: found.contributions.map((c) => c.id) })).toBe(2);
      expect(await store.findByText("eva@example.org")).toEqual({ responses: [], contributions: [] });
      await store.appendAudit({ at: "2027-06-01T00:00:00.000Z", actor: "cli:test", action: "privacy.delete", details: { deleted: 2 } });
      const token = randomUUID();
      expect(await store.claimToken(token, "a", Date.now() + 60_000)).toBe(true);
      expect(await store.claimToken(token, "a", Date.now() + 60_000)).toBe(true);
      expect(await store.claimToken(token, "b", Date.now() + 60_000)).toBe(false);
    });

    test("reach counts add up: two instances flushing at once, and across a restart", async () => {
      const count = (over: Partial<ReachCount>): ReachCount => ({ campaign: "reach-suite", source: "mastodon", content: "endspurt", day: "2027-04-08", clicks: 0, previews: 0, opened: 0, ...over });
      const other = await setup.open();
      try {
        await Promise.all([
          store.addReachCounts([count({ clicks: 3, previews: 2 }), count({ source: "qr", content: "umfrage", clicks: 1 })]),
          other.addReachCounts([count({ clicks: 4, opened: 1 }), count({ day: "2027-04-09", clicks: 1 })]),
          ...Array.from({ length: 20 }, (_, i) => (i % 2 ? store : other).addReachCounts([count({ clicks: 1 })])),
        ]);
      } finally {
        await other.close();
      }
      const reopened = await setup.open();
      try {
        expect(await reopened.listReachCounts("reach-suite")).toEqual([
          count({ clicks: 27, previews: 2, opened: 1 }),
          count({ source: "qr", content: "umfrage", clicks: 1 }),
          count({ day: "2027-04-09", clicks: 1 }),
        ]);
        expect(await reopened.listReachCounts("nobody")).toEqual([]);
      } finally {
        await reopened.close();
      }
    });

    test("a submission keeps the label of the link that brought it; reach sees only label, page and time", async () => {
      await store.insertResponse(response({ campaign: "reach-labels", referral: "mastodon:endspurt", receivedAt: "2027-04-08T21:30:00.000Z" }));
      await store.insertResponse(response({ campaign: "reach-labels" }));
      await store.insertContribution(contribution(randomUUID(), { campaign: "reach-labels", referral: "qr:karte" }));
      const [labelled] = (await store.listResponses("reach-labels", "umfrage")).filter((r) => r.referral);
      expect(labelled).toMatchObject({ referral: "mastodon:endspurt" });
      const seen = await store.listReachSubmissions("reach-labels");
      expect(seen.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt))).toEqual([
        { page: "umfrage", receivedAt: "2027-03-15T11:00:00.000Z" },
        { page: "karte", referral: "qr:karte", receivedAt: "2027-03-20T09:00:00.000Z" },
        { page: "umfrage", referral: "mastodon:endspurt", receivedAt: "2027-04-08T21:30:00.000Z" },
      ]);
    });

    test("a post's platform figures are kept as the team entered them, and replaced by the next entry", async () => {
      await store.setPostMetrics({ campaign: "reach-metrics", post: "endspurt", platform: "instagram", impressions: 12000, reactions: 340, comments: 12, shares: 40 });
      await store.setPostMetrics({ campaign: "reach-metrics", post: "endspurt", platform: "mastodon", reactions: 20 });
      await store.setPostMetrics({ campaign: "reach-metrics", post: "endspurt", platform: "instagram", impressions: 15000, reactions: 400 });
      expect(await store.listPostMetrics("reach-metrics")).toEqual([
        { campaign: "reach-metrics", post: "endspurt", platform: "instagram", impressions: 15000, reactions: 400 },
        { campaign: "reach-metrics", post: "endspurt", platform: "mastodon", reactions: 20 },
      ]);
    });
  });
}

/** Runs SQL behind the store's back, as someone with the database's password could. */
async function rawExec(store: Store, sql: string): Promise<void> {
  const inner = store as unknown as { db?: { exec(sql: string): void }; pool?: { query(sql: string): Promise<unknown> } };
  if (inner.db) inner.db.exec(sql);
  else await inner.pool!.query(sql);
}
