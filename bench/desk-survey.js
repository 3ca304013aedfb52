// npm run bench:desk-survey — the desk's page of a survey with 100,000 responses (BENCH_RESPONSES),
// logged in: the first view counts every response; then, as during a campaign, a response arrives
// before each further view. The desk keeps its counts and counts only what arrived since
// (src/collector/desk/survey-counts.ts); before, each of these views counted all responses again,
// as long as the first one. Also: a view with nothing new, and how long a citizen's submission
// waits while the first view counts. SQLite; times are medians of BENCH_RUNS views.
// Target: a view after a new response ≤ 0.2 × the first view's time, measured in the same run.
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { median } from "./median.js";
import { startDeskServer } from "./desk-server.js";
import { helpers, seedSqlite } from "./seeded-stores.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const work = path.join(root, "bench/.tmp/desk-survey");
const size = Number(process.env.BENCH_RESPONSES ?? 100_000);
const runs = Number(process.env.BENCH_RUNS ?? 7);

const h = await helpers(path.join(root, "bench/.tmp/desk-survey-helpers"));
const { base, cookie, close } = await startDeskServer(root, { work, count: 0, seed: (file) => seedSqlite(file, 0, size, h) });
const PAGE = "/admin/surveys/marktplatz/umfrage";

async function view() {
  const started = performance.now();
  const response = await fetch(`${base}${PAGE}`, { headers: { cookie, accept: "text/html" } });
  const html = await response.text();
  const ms = performance.now() - started;
  const total = /<p class="kern-body kern-body--large">([^<]*)<\/p>/.exec(html)?.[1];
  if (response.status !== 200 || !total) throw new Error(`The survey's desk page is not what it should be: ${response.status}`);
  return { ms, total };
}

let sent = 0;
async function submit() {
  const started = performance.now();
  const response = await fetch(`${base}/api/marktplatz/umfrage/responses`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ answers: { einwilligung: true, bezug: "arbeit", zufriedenheit: 1 + (sent % 5), idee: `Vorschlag ${sent}` }, _id: crypto.randomUUID(), _locale: "de" }),
  });
  sent++;
  if (response.status !== 201) throw new Error(`A submission was refused: ${response.status} ${await response.text()}`);
  return performance.now() - started;
}

try {
  console.log(`${size} survey responses; SQLite; ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}.`);
  // The first view, with submissions arriving while it counts: how long they wait.
  const waits = [];
  let counting = true;
  const first = view().finally(() => (counting = false));
  while (counting) {
    waits.push(await submit());
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const { ms: firstMs } = await first;
  const afterNew = [];
  const unchanged = [];
  for (let r = 0; r < runs; r++) {
    await submit();
    const seen = await view();
    afterNew.push(seen.ms);
    if (!seen.total.replace(/\D/g, "").startsWith(String(size + sent))) throw new Error(`The desk shows "${seen.total}", not ${size + sent} responses`);
    unchanged.push((await view()).ms);
  }
  const ratio = median(afterNew) / firstMs;
  console.log(`first view (counts all)          ${firstMs.toFixed(0).padStart(6)} ms`);
  console.log(`view after a new response        ${median(afterNew).toFixed(0).padStart(6)} ms   (${ratio.toFixed(2)} × the first; runs: ${afterNew.map((t) => t.toFixed(0)).join(", ")})`);
  console.log(`view with nothing new            ${median(unchanged).toFixed(0).padStart(6)} ms`);
  console.log(`submissions during the first view: ${waits.length}, slowest ${Math.max(...waits).toFixed(0)} ms, median ${median(waits).toFixed(0)} ms`);
  const ok = ratio <= 0.2;
  console.log(ok ? `OK: a view after a new response takes ${ratio.toFixed(2)} × the full count (target ≤ 0.2)` : `FAILED: ${ratio.toFixed(2)} × the full count (target ≤ 0.2)`);
  process.exitCode = ok ? 0 : 1;
} finally {
  await close();
}
