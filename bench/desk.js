// npm run bench:desk — the desk's moderation queue with 10,000 contributions, logged in, against
// the public GeoJSON endpoint of the same map, in the same run: autocannon, 10 connections, ~10 s
// each, no pipelining; p95 from every response's time (autocannon's own table has no p95).
// Target: queue p95 < 100 ms. The queue page is the first of 25 items with counts per state.
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { startDeskServer } from "./desk-server.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const work = path.join(root, "bench/.tmp/desk");
const COUNT = Number(process.env.BENCH_DESK_COUNT ?? 10_000);
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = 10;
const { base, cookie, close } = await startDeskServer(root, { work, count: COUNT });
const check = await fetch(`${base}/admin/`, { headers: { cookie } });
const html = await check.text();
if (check.status !== 200 || !html.includes(`Offen: ${Math.ceil(COUNT / 3)}`)) throw new Error(`The queue page is not what it should be: ${check.status}`);

async function measure(label, url, headers) {
  const times = [];
  const result = await autocannon({
    url: `${base}${url}`,
    connections: CONNECTIONS,
    duration: DURATION,
    headers,
    setupClient: (client) => client.on("response", (_status, _bytes, responseTime) => times.push(responseTime)),
  });
  times.sort((a, b) => a - b);
  const p = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  const row = { label, requests: times.length, rps: result.requests.average, p50: p(0.5), p95: p(0.95), p99: p(0.99), bad: result.non2xx + result.errors + result.timeouts };
  console.log(`${label.padEnd(28)} ${String(row.requests).padStart(6)} requests  ${row.rps.toFixed(0).padStart(5)} /s   p50 ${row.p50.toFixed(1).padStart(6)} ms   p95 ${row.p95.toFixed(1).padStart(6)} ms   p99 ${row.p99.toFixed(1).padStart(6)} ms   non-2xx/errors ${row.bad}`);
  return row;
}

console.log(`${COUNT} contributions; autocannon ${CONNECTIONS} connections, ~${DURATION} s each, no pipelining; SQLite; ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}.`);
const queue = await measure("desk queue (logged in)", "/admin/", { cookie, accept: "text/html" });
const geojson = await measure("public GeoJSON", "/api/marktplatz/karte/contributions.geojson", { "accept-encoding": "br" });
console.log(`queue p95 / GeoJSON p95: ${(queue.p95 / geojson.p95).toFixed(2)}`);
// As in the first hours: contributions arrive (waiting for moderation) while people load the map.
// Each used to make the next request build the map's GeoJSON again (a fifth of a second here).
let arrived = 0;
const arriving = setInterval(() => {
  arrived++;
  void fetch(`${base}/api/marktplatz/karte/contributions`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ contribution: { category: "idee", comment: `Neu im Lauf des Benchmarks, Nr. ${arrived}`, point: [7.0, 50.94] }, _id: crypto.randomUUID(), _locale: "de" }),
  }).then((r) => {
    if (r.status !== 201) throw new Error(`A contribution was refused: ${r.status}`);
  });
}, 500);
const busy = await measure("public GeoJSON, arrivals", "/api/marktplatz/karte/contributions.geojson", { "accept-encoding": "br" });
clearInterval(arriving);
console.log(`${arrived} contributions arrived during it; p95 with arrivals / without: ${(busy.p95 / geojson.p95).toFixed(2)}`);
await close();
const ok = queue.p95 < 100 && queue.bad === 0;
console.log(ok ? `OK: queue p95 ${queue.p95.toFixed(1)} ms < 100 ms` : `FAILED: queue p95 ${queue.p95.toFixed(1)} ms (target < 100 ms), ${queue.bad} bad answers`);
process.exitCode = ok ? 0 : 1;
