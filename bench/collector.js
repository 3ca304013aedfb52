// npm run bench:collector — valid survey submissions through the collector's full path (parse,
// abuse checks, validate, store on SQLite) against a bare Fastify route that inserts the same row
// without validation, in the same run. autocannon: 100 connections, 10 s, no pipelining.
// Then the same full path on PostgreSQL (a throwaway cluster, or BENCH_DATABASE_URL) with one
// collector and with two behind no balancer (the connections split between them), side by side.
// Targets: ≥ 3,000 submissions/s and p99 < 100 ms on the full path, ≥ 0.5 × the bare route;
// afterwards the number of rows equals the number of 2xx responses.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import pg from "pg";
import { startPostgres } from "./postgres.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const work = path.join(root, "bench/.tmp/collector");
const duration = Number(process.env.BENCH_DURATION ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 100);
// One client (this process) sends everything; the per-client limit would stop it after 20.
const RATE_LIMIT = 1_000_000_000;

// A complete answer to campaigns/marktplatz "umfrage", every question type (as test/collector uses).
const answers = {
  bezug: "__other",
  bezug__other: "Ich bin Marktbeschicker aus Köln",
  haeufigkeit: "Mehrmals pro Woche",
  nutzung: ["wochenmarkt", "verweilen", "__other"],
  nutzung__other: "Straßenmusik hören",
  zufriedenheit: 2,
  zufriedenheit_grund: "Zu heiß im Sommer, kaum Schatten – und die Bänke fehlen.",
  prioritaeten: ["gruen", "sitzen", "barrierefrei", "markt", "spielen", "radparken", "autoparken"],
  parkplaetze: "weniger",
  lieblingsort: { point: [7.0, 50.94], description: "Am Brunnen, wo nachmittags Schatten ist" },
  idee: "Mehr Bäume und Trinkbrunnen; „Grün statt Grau“.",
  drei_worte: "grün, ruhig, lebendig",
  gruppe: "ja",
  gruppe_name: "Seniorentreff Altstadt e. V.",
  gruppe_groesse: 12,
  gruppe_termin: "2027-03-24",
  email: "gruppe@beispiel.de",
  einwilligung: true,
};

function start(args, ready, env = process.env) {
  const child = spawn(process.execPath, args, { cwd: root, stdio: ["ignore", "pipe", "inherit"], env });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const url = ready.exec(out)?.[1];
      if (url) resolve({ child, url });
    });
    child.once("exit", (code) => reject(new Error(`${args.join(" ")} exited with ${code}: ${out}`)));
  });
}

async function stop({ child }) {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

/**
 * `amount` requests, sized from the warm-up rate to take `duration` seconds. With a plain duration,
 * autocannon drops the connections at the end and never reads the last answers, although the
 * collector stored those rows and acknowledged them; with an amount every answer is read.
 */
function cannon(url, options) {
  return autocannon({
    url,
    connections,
    pipelining: 1,
    ...options,
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    // A fresh idempotency id per request, as the browser script makes one per submission.
    requests: [{ setupRequest: (request) => ({ ...request, body: JSON.stringify({ _id: randomUUID(), _locale: "de", answers }) }) }],
  });
}

const rows = (file) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare("SELECT count(*) AS n FROM responses").get().n;
  } finally {
    db.close();
  }
};

/** `servers` share the connections; `count()` says how many rows the store holds. */
async function measure(label, servers, path, count) {
  // Warm-up (JIT, connections, page cache), then 2 s whose rate sizes the measured run.
  // On a machine shared with other work the rate drifts, so the run takes about, not exactly, `duration`.
  const share = Math.max(1, Math.round(connections / servers.length));
  const all = (options) => Promise.all(servers.map((server) => cannon(`${server.url}${path}`, { ...options, connections: share })));
  await all({ duration: 3 });
  const calibration = await all({ duration: 2 });
  const amountEach = Math.max(share, Math.round((calibration.reduce((n, r) => n + r["2xx"] / r.duration, 0) * duration) / servers.length));
  await sleep(300);
  const before = await count();
  const results = await all({ amount: amountEach });
  for (const server of servers) await stop(server); // graceful: the store closes after the last commit
  const stored = (await count()) - before;
  const ok = results.reduce((n, r) => n + r["2xx"], 0);
  const seconds = Math.max(...results.map((r) => r.duration));
  const rate = ok / seconds;
  const p50 = Math.max(...results.map((r) => r.latency.p50));
  const p99 = Math.max(...results.map((r) => r.latency.p99));
  const bad = results.reduce((n, r) => n + r.non2xx + r.errors + r.timeouts, 0);
  console.log(`${label.padEnd(38)} ${rate.toFixed(0).padStart(5)} /s   p50 ${String(p50).padStart(3)} ms   p99 ${String(p99).padStart(3)} ms   ${seconds} s, 2xx ${ok}, failed ${bad}; rows ${stored}`);
  return { rate, p99, ok, stored, bad };
}

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const fullDb = path.join(work, "full.sqlite");
const bareDb = path.join(work, "bare.sqlite");

console.log(`autocannon: ${connections} connections, ~${duration} s, no pipelining; SQLite WAL synchronous=FULL; ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}.`);
console.log(`The collector's rate limit is raised to ${RATE_LIMIT} per client and 10 minutes for the benchmark (default 20).\n`);

const COLLECT = ["bin/mitreden.js", "collect", "--port", "0", "--now", "2027-03-15T12:00:00+01:00", "--rate-limit", String(RATE_LIMIT)];
const LISTENING = /listening on (http:\/\/\S+\/api)/;
const SURVEY = "/marktplatz/umfrage/responses";
const collector = await start([...COLLECT, "--db", fullDb], LISTENING);
const full = await measure("SQLite, full path (parse, validate, store)", [collector], SURVEY, async () => rows(fullDb));
const bareServer = await start(["bench/collector-bare.js", bareDb], /listening on (http:\/\/\S+)/);
const bare = await measure("SQLite, bare route (store, no validation)", [bareServer], "/bare", async () => rows(bareDb));

// PostgreSQL: one collector, then two on the same database (each run in a fresh schema).
const postgres = await startPostgres(process.env.BENCH_DATABASE_URL);
const onPostgres = async (instances) => {
  const schema = `bench_${instances}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: postgres.url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const env = { ...process.env, DATABASE_URL: `${postgres.url}?options=${encodeURIComponent(`-c search_path=${schema}`)}`, MITREDEN_SECRET: "bench-secret-0123456789abcdef" };
  const servers = [];
  for (let i = 0; i < instances; i++) servers.push(await start(COLLECT, LISTENING, env));
  try {
    const count = async () => Number((await admin.query(`SELECT count(*) AS n FROM ${schema}.responses`)).rows[0].n);
    return await measure(`PostgreSQL, ${instances} ${instances === 1 ? "collector " : "collectors"}, full path`, servers, SURVEY, count);
  } finally {
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
};
const pgOne = await onPostgres(1);
const pgTwo = await onPostgres(2);
await postgres.stop();
console.log(`\nPostgreSQL 2 / 1 collectors: ${(pgTwo.rate / pgOne.rate).toFixed(2)} (on ${os.cpus().length} cores shared by the database, the collectors and the load generator)`);

const ratio = full.rate / bare.rate;
console.log(`\nratio full / bare: ${ratio.toFixed(2)}`);
const checks = [
  [full.rate >= 3000, `full path ≥ 3000 submissions/s (${full.rate.toFixed(0)})`],
  [full.p99 < 100, `full path p99 < 100 ms (${full.p99} ms)`],
  [ratio >= 0.5, `full / bare ≥ 0.5 (${ratio.toFixed(2)})`],
  [full.bad === 0, `no failed requests on the full path (${full.bad})`],
  [full.stored === full.ok, `rows = 2xx responses on the full path (${full.stored} = ${full.ok})`],
  [pgOne.bad === 0 && pgTwo.bad === 0, `no failed requests on PostgreSQL (${pgOne.bad}, ${pgTwo.bad})`],
  [pgOne.stored === pgOne.ok && pgTwo.stored === pgTwo.ok, `rows = 2xx responses on PostgreSQL (${pgOne.stored} = ${pgOne.ok}, ${pgTwo.stored} = ${pgTwo.ok})`],
];
for (const [ok, text] of checks) console.log(`${ok ? "✓" : "✗"} ${text}`);
rmSync(work, { recursive: true, force: true });
process.exitCode = checks.every(([ok]) => ok) ? 0 : 1;
