// node bench/desk-compare.js <other checkout> — the desk's queue of this checkout against another's
// (e.g. a copy of `final` before a change, with its dist/ built), each with 10,000 contributions in
// a server process of its own, measured in turns: rounds of ~3 s with autocannon (10 connections),
// the order alternating, so both meet the same load on a shared machine. p50/p95 over all rounds.
//   cp -a dist bench templates package.json /tmp/before/ && ln -s "$PWD/node_modules" "$PWD/campaigns" /tmp/before/
//   …change, npm run build:ts…   flock /tmp/mitreden-heavy.lock node bench/desk-compare.js /tmp/before
import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";

const here = fileURLToPath(new URL("..", import.meta.url));
const other = process.argv[2];
if (!other) throw new Error("Usage: node bench/desk-compare.js <other checkout with dist/>");
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const SECONDS = Number(process.env.BENCH_DURATION ?? 3);

/** The server half: `node bench/desk-compare.js --serve <root>` seeds, logs in and prints its address. */
if (other === "--serve") {
  const root = path.resolve(process.argv[3]);
  const { startDeskServer } = await import("./desk-server.js");
  const { base, cookie, close } = await startDeskServer(root, { work: path.join(os.tmpdir(), `mitreden-desk-compare-${process.pid}`), count: 10_000 });
  console.log(JSON.stringify({ base, cookie }));
  process.on("SIGTERM", async () => {
    await close();
    process.exit(0);
  });
} else {
  const start = (root) =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [fileURLToPath(import.meta.url), "--serve", root], { stdio: ["ignore", "pipe", "inherit"] });
      child.stdout.once("data", (chunk) => resolve({ child, ...JSON.parse(String(chunk)) }));
      child.once("exit", (code) => reject(new Error(`server for ${root} exited with ${code}`)));
    });
  const servers = { other: await start(path.resolve(other)), this: await start(here) };
  const times = { other: [], this: [] };
  const measure = (name) =>
    autocannon({
      url: `${servers[name].base}/admin/`,
      connections: 10,
      duration: SECONDS,
      headers: { cookie: servers[name].cookie, accept: "text/html" },
      setupClient: (client) => client.on("response", (_s, _b, ms) => times[name].push(ms)),
    });
  const stop = () => Object.values(servers).forEach(({ child }) => child.kill("SIGTERM"));
  process.on("exit", stop);
  console.log(`desk queue, 10,000 contributions, autocannon 10 connections, ${ROUNDS} rounds of ~${SECONDS} s each in turns; ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}`);
  // Warm: templates compiled, statements prepared, before anything is timed.
  for (const name of ["other", "this"]) for (let i = 0; i < 5; i++) await (await fetch(`${servers[name].base}/admin/`, { headers: { cookie: servers[name].cookie } })).text();
  for (let round = 0; round < ROUNDS; round++) for (const name of round % 2 ? ["this", "other"] : ["other", "this"]) await measure(name);
  const p = (list, q) => list[Math.min(list.length - 1, Math.floor(q * list.length))] ?? NaN;
  for (const [name, label] of [["other", `other (${other})`], ["this", "this checkout"]]) {
    const list = times[name].sort((a, b) => a - b);
    console.log(`${label.padEnd(36)} ${String(list.length).padStart(6)} requests   p50 ${p(list, 0.5).toFixed(1).padStart(6)} ms   p95 ${p(list, 0.95).toFixed(1).padStart(6)} ms`);
  }
  console.log(`p95 this / other: ${(p(times.this, 0.95) / p(times.other, 0.95)).toFixed(2)}; load now ${os.loadavg()[0].toFixed(1)}`);
  // The servers' pipes would keep this process (and the heavy lock) alive.
  process.exit(0);
}
