// npm run bench:results — `mitreden results` on 100,000 survey responses beside `mitreden export
// --format json` of the same survey, in the same run: wall time and peak RSS of each process.
// Targets (issue 17): results ≤ 0.5 × the export's time, peak RSS < 200 MB.
// BENCH_RESPONSES=… to change the size; BENCH_STORES=sqlite,postgres to run PostgreSQL too;
// BENCH_RUNS=… runs of each command (default 3, alternating; the median counts).
import { cpSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { median } from "./median.js";
import { clean, helpers, seedPostgres, seedSqlite, timed } from "./seeded-stores.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const work = path.join(root, "bench/.tmp/results");
const size = Number(process.env.BENCH_RESPONSES ?? 100_000);
const stores = (process.env.BENCH_STORES ?? "sqlite").split(",");
const runs = Number(process.env.BENCH_RUNS ?? 3);

/** The median time of some runs of a command, with the highest peak memory among them. */
function typical(measured) {
  return { seconds: median(measured.map((m) => m.seconds)), rssMb: Math.max(...measured.map((m) => m.rssMb)) };
}

clean(work);
const h = await helpers(work);
// `mitreden results` writes into the campaign folder: a copy, not the repository's example.
const campaigns = path.join(work, "campaigns");
cpSync(path.join(root, "campaigns"), campaigns, { recursive: true });
const server = stores.includes("postgres") ? await h.startPostgres() : undefined;
const results = [];
let failed = false;
try {
  const file = path.join(work, "responses.sqlite");
  if (stores.includes("sqlite")) await seedSqlite(file, 0, size, h);
  if (server) await seedPostgres(server.url, server.schema, 0, size, h);
  for (const store of stores) {
    const where = store === "sqlite" ? ["--db", file] : [];
    const env = store === "postgres" ? { DATABASE_URL: `${server.url}?options=${encodeURIComponent(`-c search_path=${server.schema}`)}` } : { DATABASE_URL: "" };
    // Alternating runs, each command's median time and highest peak: on a shared machine one run
    // of each can differ by a fifth from the next.
    const exports = [];
    const counts = [];
    for (let run = 0; run < runs; run++) {
      exports.push(timed(["export", "marktplatz", "--page", "umfrage", "--format", "json", "--out", path.join(work, "export.json"), "--campaigns", campaigns, ...where], env));
      counts.push(timed(["results", "marktplatz", "--campaigns", campaigns, ...where], env));
    }
    const exported = typical(exports);
    const aggregated = typical(counts);
    const ratio = aggregated.seconds / exported.seconds;
    const ok = ratio <= 0.5 && aggregated.rssMb < 200;
    failed ||= !ok;
    results.push(
      { store, command: "export --format json", responses: size, seconds: exported.seconds.toFixed(2), "peak RSS MB": exported.rssMb.toFixed(0), "time vs export": "1.00", target: "" },
      { store, command: "results", responses: size, seconds: aggregated.seconds.toFixed(2), "peak RSS MB": aggregated.rssMb.toFixed(0), "time vs export": ratio.toFixed(2), target: ok ? "met" : "MISSED" },
    );
  }
} finally {
  await server?.stop();
  clean(work);
}
console.table(results);
console.log(`Targets: results ≤ 0.5 × the export's time; its peak RSS < 200 MB (both include starting Node and loading the campaign). Median of ${runs} alternating runs each; peak RSS the highest of them.`);
if (failed) process.exitCode = 1;
