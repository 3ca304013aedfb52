// Two `mitreden collect` processes on one PostgreSQL, as a city runs them behind a load balancer
// (docs/adr/019-trust.md): submissions alternate between them; a token used on one is a replay on
// the other, the rate limit holds across both, no id is stored twice, and the counts add up.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, expect, test } from "vitest";
import { fullMarktplatzAnswers } from "./helpers/campaigns.js";
import { ensureBuilt, startCollectorProcess, type CollectorProcess } from "./helpers/cli.js";
import { startPostgres, type TestPostgres } from "./helpers/postgres.js";

let server: TestPostgres;
let db: pg.Client;
const collectors: CollectorProcess[] = [];

beforeAll(async () => {
  ensureBuilt();
  server = await startPostgres();
  db = new pg.Client({ connectionString: server.url });
  await db.connect();
  await db.query(`CREATE SCHEMA ${server.schema}`);
  // Both collectors in the test's schema, through the connection string as a city could set it.
  const url = `${server.url}?options=${encodeURIComponent(`-c search_path=${server.schema}`)}`;
  const env = { ...process.env, DATABASE_URL: url, MITREDEN_SECRET: "instances-test-secret-0123456789", MITREDEN_TRUST_PROXY: "loopback" };
  const args = ["--campaigns", "campaigns", "--now", "2027-03-15T12:00:00+01:00", "--rate-limit", "6"];
  collectors.push(await startCollectorProcess(args, env), await startCollectorProcess(args, env));
}, 120_000);

afterAll(async () => {
  for (const { child } of collectors) child.kill("SIGTERM");
  await db?.end();
  await server?.stop();
});

const SURVEY = "/marktplatz/umfrage/responses";
const post = (n: number, body: object, client = "198.51.100.1") =>
  fetch(`${collectors[n % 2]!.url}${SURVEY}`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", "x-forwarded-for": client },
    body: JSON.stringify(body),
  });

test("a token used on one instance is a replay on the other", async () => {
  const { token } = (await (await fetch(`${collectors[0]!.url}/marktplatz/umfrage/token`)).json()) as { token: string };
  await new Promise((resolve) => setTimeout(resolve, 3100));
  const [first, second] = [randomUUID(), randomUUID()];
  expect((await post(0, { _id: first, _token: token, answers: fullMarktplatzAnswers() }, "192.0.2.10")).status).toBe(201);
  expect((await post(1, { _id: second, _token: token, answers: fullMarktplatzAnswers() }, "192.0.2.10")).status).toBe(201);
  const rows = await db.query(`SELECT id, verified, timing FROM ${server.schema}.responses WHERE id = ANY($1) ORDER BY seq`, [[first, second]]);
  expect(rows.rows).toEqual([
    { id: first, verified: true, timing: "valid" },
    { id: second, verified: false, timing: "reused" },
  ]);
}, 30_000);

test("the rate limit holds across both instances", async () => {
  // 6 per client and window; without a token an answer costs 2: three fit in all, wherever they land.
  const codes: number[] = [];
  for (let i = 0; i < 5; i++) codes.push((await post(i, { _id: randomUUID(), answers: fullMarktplatzAnswers() }, "192.0.2.20")).status);
  expect(codes).toEqual([201, 201, 201, 429, 429]);
});

test("submissions alternating between the instances: every one stored once, the same id never twice, counts add up", async () => {
  const before = Number((await db.query(`SELECT count(*) AS n FROM ${server.schema}.responses`)).rows[0].n);
  const ids = Array.from({ length: 60 }, () => randomUUID());
  const answers = await Promise.all(ids.map((id, i) => post(i, { _id: id, answers: fullMarktplatzAnswers() }, `203.0.113.${i}`)));
  expect(answers.map((r) => r.status)).toEqual(ids.map(() => 201));
  // Retries of ten of them, to the other instance: recognised, not stored again.
  const retries = await Promise.all(ids.slice(0, 10).map((id, i) => post(i + 1, { _id: id, answers: fullMarktplatzAnswers() }, `203.0.113.${i}`)));
  expect(retries.map((r) => r.status)).toEqual(ids.slice(0, 10).map(() => 200));
  const stored = await db.query(`SELECT count(*) AS n, count(DISTINCT id) AS ids, count(DISTINCT seq) AS seqs FROM ${server.schema}.responses`);
  expect(stored.rows[0]).toEqual({ n: String(before + 60), ids: String(before + 60), seqs: String(before + 60) });
}, 30_000);
