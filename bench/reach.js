// npm run bench:reach — short-link redirects through the collector's full path (lookup of the code,
// preview check, counting, security headers) against a bare Fastify redirect, in the same run.
// autocannon: 100 connections, ~10 s, no pipelining, a phone's user agent (a person, so a click).
// Targets (issue 11): ≥ 5,000 redirects/s and p99 < 50 ms on the full path, ≥ 0.7 × the bare
// redirect; after the collector's shutdown flush, the counted clicks equal the 3xx responses.
import { spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import Database from "better-sqlite3";

const root = fileURLToPath(new URL("..", import.meta.url));
const work = path.join(root, "bench/.tmp/reach");
const duration = Number(process.env.BENCH_DURATION ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 100);
const PHONE = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36";
// Warm-up on one code, the measured run on another: the measured code's count is the run's alone.
const WARM_UP = "marktplatz-start-masto";
const MEASURED = "marktplatz-endspurt-masto";

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

/** `amount` requests sized from the warm-up rate (so every answer is read), or a duration. */
const cannon = (url, options) => autocannon({ url, connections, pipelining: 1, method: "GET", headers: { "user-agent": PHONE }, ...options });

async function measure(label, server, origin) {
  await cannon(`${origin}/l/${WARM_UP}`, { duration: 3 });
  const calibration = await cannon(`${origin}/l/${WARM_UP}`, { duration: 2 });
  const amount = Math.max(connections, Math.round((calibration["3xx"] / calibration.duration) * duration));
  await sleep(300);
  const result = await cannon(`${origin}/l/${MEASURED}`, { amount });
  await stop(server); // graceful: the counter writes its last counts before the store closes
  const redirects = result["3xx"];
  const rate = redirects / result.duration;
  const other = result["1xx"] + result["2xx"] + result["4xx"] + result["5xx"];
  console.log(
    `${label.padEnd(40)} ${rate.toFixed(0).padStart(6)} /s   p50 ${String(result.latency.p50).padStart(3)} ms   p99 ${String(result.latency.p99).padStart(3)} ms   ` +
      `${result.duration} s, 3xx ${redirects}, other ${other}, errors ${result.errors}, timeouts ${result.timeouts}`,
  );
  return { rate, p99: result.latency.p99, redirects, bad: other + result.errors + result.timeouts };
}

function countedClicks(file) {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare("SELECT coalesce(sum(clicks), 0) AS n FROM reach_counts WHERE source = 'mastodon' AND content = 'endspurt'").get().n;
  } finally {
    db.close();
  }
}

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const db = path.join(work, "reach.sqlite");

console.log(`autocannon: ${connections} connections, ~${duration} s, no pipelining; ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}.\n`);
const collector = await start(["bin/mitreden.js", "collect", "--port", "0", "--db", db, "--now", "2027-03-15T12:00:00+01:00"], /listening on (http:\/\/\S+)\/api/);
const full = await measure("full path (lookup, preview check, count)", collector, collector.url);
const clicks = countedClicks(db);
const bareServer = await start(["bench/reach-bare.js"], /listening on (http:\/\/\S+)/);
const bare = await measure("bare Fastify redirect", bareServer, bareServer.url);

const ratio = full.rate / bare.rate;
console.log(`\nratio full / bare: ${ratio.toFixed(2)}`);
const checks = [
  [full.rate >= 5000, `full path ≥ 5000 redirects/s (${full.rate.toFixed(0)})`],
  [full.p99 < 50, `full path p99 < 50 ms (${full.p99} ms)`],
  [ratio >= 0.7, `full / bare ≥ 0.7 (${ratio.toFixed(2)})`],
  [full.bad === 0, `no failed requests on the full path (${full.bad})`],
  [clicks === full.redirects, `counted clicks = 3xx responses after the flush (${clicks} = ${full.redirects})`],
];
for (const [ok, text] of checks) console.log(`${ok ? "✓" : "✗"} ${text}`);
rmSync(work, { recursive: true, force: true });
process.exitCode = checks.every(([ok]) => ok) ? 0 : 1;
