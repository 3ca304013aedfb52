// The behaviour every store must have, for survey responses and map contributions alike; run
// against SQLite (store-sqlite.test.ts) and PostgreSQL (store-postgres.test.ts).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { NewContribution, NewResponse, ReachCount, Store } from "../../src/collector/store/index.js";
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
      expect(stored).toEqual({ ...r, seq: expect.any(Number) });
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
      const v0 = await store.contributionsVersion("marktplatz", "karte");
      expect(await store.insertContribution(contribution(ID(1)))).toMatchObject({ status: "inserted" });
      expect(await store.insertContribution(contribution(ID(1)))).toMatchObject({ status: "duplicate" });
      expect(await store.insertContribution(contribution(ID(1), { page: "andere" }))).toEqual({ status: "conflict" });
      await store.insertContribution(contribution(ID(2), { point: undefined, place: "brunnen", description: "Am Brunnen" }));
      const v1 = await store.contributionsVersion("marktplatz", "karte");
      expect(v1).not.toBe(v0);

      const all = await store.listContributions("marktplatz", "karte");
      expect(all.map((c) => [c.id, c.status])).toEqual([[ID(1), "pending"], [ID(2), "pending"]]);
      expect(all[0]).toMatchObject({ point: [6.99998, 50.93998], verified: true, receivedAt: "2027-03-20T09:00:00.000Z", comment: "Mehr Schatten – „Bäume“ statt Parkplätze" });
      expect(all[1]).toMatchObject({ place: "brunnen", description: "Am Brunnen" });
      expect(all[1]!.point).toBeUndefined();

      const rejected = await store.moderateContribution("marktplatz", ID(2), { status: "rejected", reason: "Werbung", at: "2027-03-21T08:00:00.000Z" });
      expect(rejected).toMatchObject({ status: "rejected", reason: "Werbung", moderatedAt: "2027-03-21T08:00:00.000Z" });
      await store.moderateContribution("marktplatz", ID(1), { status: "approved", at: "2027-03-21T08:01:00.000Z" });
      expect(await store.contributionsVersion("marktplatz", "karte")).not.toBe(v1);
      expect((await store.listContributions("marktplatz", "karte", ["approved"])).map((c) => c.id)).toEqual([ID(1)]);
      expect((await store.listContributions("marktplatz", "karte", ["approved", "pending"])).map((c) => c.id)).toEqual([ID(1)]);
      expect(await store.moderateContribution("marktplatz", ID(9), { status: "approved", at: "2027-03-21T08:00:00.000Z" })).toBeUndefined();
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
