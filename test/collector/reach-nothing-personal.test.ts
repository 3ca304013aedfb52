// Nothing personal in what reach counting stores (issue 11): the schema has no column that could
// hold an address, a user agent, an identifier or a time finer than the day, and after a visit
// through short links, a form opened and answers sent, no row holds any of what the requests carried.
import { randomUUID } from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, expect, test } from "vitest";
import { openStore } from "../../src/collector/store/index.js";
import { fullMarktplatzAnswers } from "./helpers/campaigns.js";
import { JSON_HEADERS, tempDir, testCollector } from "./helpers/collector.js";

const IP = "203.0.113.77";
const AGENT = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 Safari/604.1 Unverwechselbar/1.0";
const dir = tempDir("reach-personal");
const file = path.join(dir, "reach.sqlite");
let rows: Record<string, Record<string, unknown>[]>;
let columns: Record<string, string[]>;

beforeAll(async () => {
  const store = await openStore({ file });
  const c = await testCollector({ store });
  const headers = { "user-agent": AGENT, "x-forwarded-for": IP, cookie: "tracking=abc" };
  for (const code of ["marktplatz-endspurt-masto", "marktplatz-endspurt-ig", "marktplatz-umfrage-qr"]) {
    await c.app.inject({ method: "GET", url: `/l/${code}`, headers, remoteAddress: IP });
  }
  await c.app.inject({ method: "GET", url: "/l/marktplatz-endspurt-masto", headers: { "user-agent": "facebookexternalhit/1.1" }, remoteAddress: IP });
  await c.app.inject({ method: "GET", url: "/api/marktplatz/umfrage/token?via=mastodon:endspurt", headers, remoteAddress: IP });
  await c.app.inject({ method: "POST", url: "/api/marktplatz/umfrage/responses", headers: { ...JSON_HEADERS, ...headers }, remoteAddress: IP, payload: { _id: randomUUID(), _via: "mastodon:endspurt", answers: fullMarktplatzAnswers() } });
  await c.close();
  await store.close();
  const db = new Database(file, { readonly: true });
  try {
    const tables = ["reach_counts", "reach_post_metrics", "responses"];
    columns = Object.fromEntries(tables.map((t) => [t, (db.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]).map((c) => c.name)]));
    rows = Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2, 3`).all() as Record<string, unknown>[]]));
  } finally {
    db.close();
  }
});
afterAll(async () => {
  const { rmSync } = await import("node:fs");
  rmSync(dir, { recursive: true, force: true });
});

test("the counts' table has the campaign, the channel, the day and three numbers, nothing else", () => {
  expect(columns.reach_counts).toEqual(["campaign", "source", "content", "day", "clicks", "previews", "opened"]);
  expect(columns.reach_post_metrics).toEqual(["campaign", "post", "platform", "impressions", "reactions", "comments", "shares"]);
  // Submissions gain one column, the coarse label (beside the desk's version and trust's time check).
  expect(columns.responses!.filter((c) => !["seq", "id", "campaign", "page", "locale", "answers", "received_at", "channel", "verified", "version", "timing"].includes(c))).toEqual(["referral"]);
});

test("the rows hold the visit as counts by day, and nothing the requests carried about the person", () => {
  expect(rows.reach_counts).toEqual([
    { campaign: "marktplatz", source: "instagram", content: "endspurt", day: "2027-03-15", clicks: 1, previews: 0, opened: 0 },
    { campaign: "marktplatz", source: "mastodon", content: "endspurt", day: "2027-03-15", clicks: 1, previews: 1, opened: 1 },
    { campaign: "marktplatz", source: "qr", content: "umfrage", day: "2027-03-15", clicks: 1, previews: 0, opened: 0 },
  ]);
  expect(rows.responses!.map((r) => r.referral)).toEqual(["mastodon:endspurt"]);
  const everything = JSON.stringify(rows);
  for (const personal of [IP, "Unverwechselbar", "iPhone", "facebookexternalhit", "tracking=abc"]) expect(everything).not.toContain(personal);
  // No time of day in the counts.
  for (const row of rows.reach_counts!) expect(String(row.day)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
});
