// npm run bench:collector — valid survey submissions through the collector's full path (parse,
// abuse checks, validate, store on SQLite) against a bare Fastify route that inserts the same row
// without validation, in the same run. autocannon: 100 connections, 10 s, no pipelining.
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

function start(args, ready) {
  const child = spawn(process.execPath, args, { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
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

async function measure(label, server, url, file) {
  // Warm-up (JIT, connections, SQLite page cache), then 2 s whose rate sizes the measured run.
  // On a machine shared with other work the rate drifts, so the run takes about, not exactly, `duration`.
  await cannon(url, { duration: 3 });
  const calibration = await cannon(url, { duration: 2 });
  const amount = Math.max(connections, Math.round((calibration["2xx"] / calibration.duration) * duration));
  await sleep(300);
  const before = rows(file);
  const result = await cannon(url, { amount });
  await stop(server); // graceful: the store closes after the last commit
  const stored = rows(file) - before;
  const ok = result["2xx"];
  const rate = ok / result.duration;
  console.log(
    `${label.padEnd(34)} ${rate.toFixed(0).padStart(5)} /s   p50 ${String(result.latency.p50).padStart(3)} ms   p99 ${String(result.latency.p99).padStart(3)} ms   ` +
      `${result.duration} s, 2xx ${ok}, other ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts}; rows ${stored}`,
  );
  return { rate, p99: result.latency.p99, ok, stored, bad: result.non2xx + result.errors + result.timeouts };
}

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const fullDb = path.join(work, "full.sqlite");
const bareDb = path.join(work, "bare.sqlite");

console.log(`autocannon: ${connections} connections, ~${duration} s, no pipelining; SQLite WAL synchronous=FULL; ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}.`);
console.log(`The collector's rate limit is raised to ${RATE_LIMIT} per client and 10 minutes for the benchmark (default 20).\n`);

const collector = await start(
  ["bin/mitreden.js", "collect", "--port", "0", "--db", fullDb, "--now", "2027-03-15T12:00:00+01:00", "--rate-limit", String(RATE_LIMIT)],
  /listening on (http:\/\/\S+\/api)/,
);
const full = await measure("full path (parse, validate, store)", collector, `${collector.url}/marktplatz/umfrage/responses`, fullDb);
const bareServer = await start(["bench/collector-bare.js", bareDb], /listening on (http:\/\/\S+)/);
const bare = await measure("bare route (store, no validation)", bareServer, `${bareServer.url}/bare`, bareDb);

const ratio = full.rate / bare.rate;
console.log(`\nratio full / bare: ${ratio.toFixed(2)}`);
const checks = [
  [full.rate >= 3000, `full path ≥ 3000 submissions/s (${full.rate.toFixed(0)})`],
  [full.p99 < 100, `full path p99 < 100 ms (${full.p99} ms)`],
  [ratio >= 0.5, `full / bare ≥ 0.5 (${ratio.toFixed(2)})`],
  [full.bad === 0, `no failed requests on the full path (${full.bad})`],
  [full.stored === full.ok, `rows = 2xx responses on the full path (${full.stored} = ${full.ok})`],
];
for (const [ok, text] of checks) console.log(`${ok ? "✓" : "✗"} ${text}`);
rmSync(work, { recursive: true, force: true });
process.exitCode = checks.every(([ok]) => ok) ? 0 : 1;
