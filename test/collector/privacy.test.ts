// The data-protection duties (issue 12, docs/adr/019-trust.md): purge after the retention period,
// requests to see or delete what is stored with an address, and a backup that can be restored.
import { randomUUID } from "node:crypto";
import { copyFileSync, cpSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Writable } from "node:stream";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { backupStore } from "../../src/collector/backup.js";
import { exportPage } from "../../src/collector/commands.js";
import { deletePersonalData, findPersonalData, purgePersonalData } from "../../src/collector/privacy.js";
import { openStore, type NewResponse, type Store } from "../../src/collector/store/index.js";
import { UsageError } from "../../src/errors.js";
import { CAMPAIGNS_DIR, fullMarktplatzAnswers } from "./helpers/campaigns.js";
import { tempDir } from "./helpers/collector.js";

let dir: string;
let campaignsDir: string;
let db: string;

const response = (answers: Record<string, unknown>, page = "umfrage"): NewResponse => ({
  id: randomUUID(),
  campaign: "marktplatz",
  page,
  locale: "de",
  answers: answers as NewResponse["answers"],
  receivedAt: "2027-03-15T11:00:00.000Z",
  channel: "script",
  verified: true,
});

beforeAll(async () => {
  dir = tempDir("privacy");
  campaignsDir = path.join(dir, "campaigns");
  cpSync(CAMPAIGNS_DIR, campaignsDir, { recursive: true });
  const file = path.join(campaignsDir, "marktplatz", "campaign.json");
  const campaign = JSON.parse(readFileSync(file, "utf8"));
  writeFileSync(file, JSON.stringify({ ...campaign, retention: { personalDataDays: 30 } }, null, 2));
  db = path.join(dir, "mitreden.sqlite");
  const store = await openStore({ file: db });
  await store.insertResponse(response(fullMarktplatzAnswers()));
  await store.insertResponse(response({ ...fullMarktplatzAnswers(), email: "Anna.Beispiel@example.org" }));
  await store.insertResponse(response({ ...fullMarktplatzAnswers(), email: undefined, idee: "Schreiben Sie mir: anna.beispiel@example.org" }));
  await store.insertContribution({ id: randomUUID(), campaign: "marktplatz", page: "karte", locale: "de", category: "idee", comment: "Kontakt anna.beispiel@example.org", point: [6.99998, 50.93998], receivedAt: "2027-03-20T09:00:00.000Z", channel: "script", verified: true });
  await store.close();
});

const audit = () => new Database(db, { readonly: true }).prepare("SELECT actor, action, target, details FROM audit_log ORDER BY seq").all() as { actor: string; action: string; target: string; details: string }[];

describe("mitreden purge", () => {
  test("before the retention date nothing goes, and it says when", async () => {
    const result = await purgePersonalData({ campaignsDir, slug: "marktplatz", db, now: new Date("2027-05-01T00:00:00Z") });
    expect(result).toMatchObject({ isDue: false, pages: [{ page: "umfrage", fields: ["email"], responses: 2 }] });
    expect(result.due.toISOString()).toBe(new Date(new Date("2027-04-15T23:59:59+02:00").getTime() + 30 * 86_400_000).toISOString());
    expect(await emails()).toHaveLength(2);
  });

  test("--dry-run says what would go and deletes nothing", async () => {
    const result = await purgePersonalData({ campaignsDir, slug: "marktplatz", db, now: new Date("2027-06-01T00:00:00Z"), dryRun: true });
    expect(result).toMatchObject({ isDue: true, dryRun: true, pages: [{ page: "umfrage", fields: ["email"], responses: 2 }] });
    expect(await emails()).toHaveLength(2);
  });

  test("after the date, e-mail answers go, every other answer stays, and the audit log says so", async () => {
    const before = await listed();
    await purgePersonalData({ campaignsDir, slug: "marktplatz", db, now: new Date("2027-06-01T00:00:00Z") });
    const after = await listed();
    expect(await emails()).toEqual([]);
    expect(after.map((r) => r.id)).toEqual(before.map((r) => r.id));
    expect(after.map((r) => ({ ...r.answers, email: undefined }))).toEqual(before.map((r) => ({ ...r.answers, email: undefined })));
    expect(audit()).toContainEqual(expect.objectContaining({ action: "purge", target: "page:marktplatz/umfrage", actor: expect.stringMatching(/^cli/) }));
    expect(JSON.stringify(audit())).not.toContain("@");
  });

  test("a campaign without retention is told how to add it", async () => {
    await expect(purgePersonalData({ campaignsDir, slug: "radverkehr", db })).rejects.toThrow(UsageError);
    await expect(purgePersonalData({ campaignsDir, slug: "radverkehr", db })).rejects.toThrow(/"retention": \{ "personalDataDays": 90 \}/);
  });
});

describe("mitreden privacy", () => {
  test("find lists every item that holds the address, in any case; delete removes them and logs ids, not the address", async () => {
    const found = await findPersonalData({ campaignsDir, db, email: "ANNA.beispiel@example.org" });
    expect(found.responses).toHaveLength(1); // the e-mail answer was purged above; the free text still holds it
    expect(found.contributions).toHaveLength(1);
    expect((await findPersonalData({ campaignsDir, db, email: "nobody@example.org" })).responses).toEqual([]);
    const deleted = await deletePersonalData({ campaignsDir, db, email: "anna.beispiel@example.org" });
    expect(deleted.deleted).toBe(2);
    const again = await findPersonalData({ campaignsDir, db, email: "anna.beispiel@example.org" });
    expect([...again.responses, ...again.contributions]).toEqual([]);
    const entry = audit().find((e) => e.action === "privacy.delete")!;
    expect(JSON.parse(entry.details)).toMatchObject({ deleted: 2, responses: [found.responses[0]!.id], contributions: [found.contributions[0]!.id] });
    expect(entry.details).not.toContain("@");
    await expect(findPersonalData({ campaignsDir, db, email: "keine-adresse" })).rejects.toThrow(UsageError);
  });
});

describe("mitreden backup", () => {
  let store: Store;
  afterAll(async () => store?.close());

  test("a backup taken under load is consistent, owner-only, restores, and exports what the store held", async () => {
    const file = path.join(dir, "live.sqlite");
    store = await openStore({ file });
    for (let i = 0; i < 300; i++) await store.insertResponse(response(fullMarktplatzAnswers()));
    // Submissions keep arriving while the backup runs.
    let running = true;
    const load = (async () => {
      while (running) await Promise.all(Array.from({ length: 20 }, () => store.insertResponse(response(fullMarktplatzAnswers()))));
    })();
    const target = path.join(dir, "backups", "copy.sqlite");
    const { mkdirSync } = await import("node:fs");
    mkdirSync(path.dirname(target), { recursive: true });
    const result = await backupStore({ db: file, to: target });
    running = false;
    await load;
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(result.responses).toBeGreaterThanOrEqual(300);
    // Restore as the README says: the copy in place of the database (the collector stopped), then start.
    const restored = path.join(dir, "restored", "mitreden.sqlite");
    mkdirSync(path.dirname(restored), { recursive: true });
    copyFileSync(target, restored);
    const back = await openStore({ file: restored });
    const live = await store.listResponses("marktplatz", "umfrage");
    const copy = await back.listResponses("marktplatz", "umfrage");
    await back.close();
    expect(copy.length).toBe(result.responses);
    // A snapshot: exactly the first rows, in order, as they were.
    expect(copy).toEqual(live.slice(0, copy.length));
    // Quiet now: a second backup exports exactly what the live store exports.
    const quiet = path.join(dir, "backups", "quiet.sqlite");
    await backupStore({ db: file, to: quiet });
    const [fromLive, fromBackup] = [
      await exportText({ campaignsDir: CAMPAIGNS_DIR, slug: "marktplatz", pageId: "umfrage", db: file, format: "csv" }),
      await exportText({ campaignsDir: CAMPAIGNS_DIR, slug: "marktplatz", pageId: "umfrage", db: quiet, format: "csv" }),
    ];
    expect(fromBackup).toBe(fromLive);
  });

  test("PostgreSQL is pointed to pg_dump", async () => {
    await expect(backupStore({ databaseUrl: "postgres://x@127.0.0.1/y", to: path.join(dir, "pg.sqlite") })).rejects.toThrow(/pg_dump/);
  });
});

async function listed() {
  const store = await openStore({ file: db });
  try {
    return await store.listResponses("marktplatz", "umfrage");
  } finally {
    await store.close();
  }
}

async function emails(): Promise<string[]> {
  return (await listed()).map((r) => r.answers.email as string | undefined).filter((e): e is string => e !== undefined);
}

/** What `mitreden export` writes, as one text. */
async function exportText(options: Parameters<typeof exportPage>[0]): Promise<string> {
  let text = "";
  await exportPage(options, new Writable({ write: (chunk, _encoding, done) => void ((text += String(chunk)), done()) }));
  return text;
}
