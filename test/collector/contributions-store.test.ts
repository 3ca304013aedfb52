// The contributions table behaves the same on SQLite and PostgreSQL: insert (idempotent), list by
// status, moderate, and a version that changes with every arrival and decision.
import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NewContribution } from "../../src/collector/contributions/types.js";
import { openStore, type ResponseStore } from "../../src/collector/store/index.js";
import { tempDir } from "./helpers/collector.js";
import { startPostgres, type TestPostgres } from "./helpers/postgres.js";

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

for (const kind of ["sqlite", "postgres"] as const) {
  describe(`contributions on ${kind}`, () => {
    let store: ResponseStore;
    let pg: TestPostgres | undefined;
    let dir: string | undefined;
    beforeAll(async () => {
      if (kind === "postgres") {
        pg = await startPostgres();
        store = await openStore({ databaseUrl: pg.url, schema: pg.schema });
      } else {
        dir = tempDir("contributions-store");
        store = await openStore({ file: path.join(dir, "c.sqlite") });
      }
    });
    afterAll(async () => {
      await store?.close();
      await pg?.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it("inserts once, lists by status, moderates, and versions every change", async () => {
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
  });
}
