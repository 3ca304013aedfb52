// npm run bench:export — `mitreden export` of 10,000, 100,000 and 1,000,000 survey responses, as CSV
// and as JSON, from SQLite and from PostgreSQL: rows/s and peak RSS of the export process.
// Targets (issue 17): ≥ 50,000 rows/s at 1,000,000 and peak RSS < 150 MB at every size.
// BENCH_SIZES=10000,100000 for a shorter run; BENCH_STORES=sqlite to skip PostgreSQL.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { clean, helpers, seedPostgres, seedSqlite, timed } from "./seeded-stores.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const work = path.join(root, "bench/.tmp/export");
const sizes = (process.env.BENCH_SIZES ?? "10000,100000,1000000").split(",").map(Number);
const stores = (process.env.BENCH_STORES ?? "sqlite,postgres").split(",");

clean(work);
const h = await helpers(work);
const results = [];
let failed = false;
const server = stores.includes("postgres") ? await h.startPostgres() : undefined;
try {
  let seeded = 0;
  const file = path.join(work, "responses.sqlite");
  for (const size of sizes) {
    // Each size adds to the rows of the one before: the same answers, the store grows.
    if (stores.includes("sqlite")) await seedSqlite(file, seeded, size, h);
    if (server) await seedPostgres(server.url, server.schema, seeded, size, h);
    seeded = size;
    for (const store of stores) {
      for (const format of ["csv", "json"]) {
        const out = path.join(work, `export.${format}`);
        const args = ["export", "marktplatz", "--page", "umfrage", "--format", format, "--out", out, ...(store === "sqlite" ? ["--db", file] : [])];
        // The store's schema travels in the URL's options, as a city's DATABASE_URL may do.
        const env = store === "postgres" ? { DATABASE_URL: `${server.url}?options=${encodeURIComponent(`-c search_path=${server.schema}`)}` } : { DATABASE_URL: "" };
        const { seconds, rssMb } = timed(args, env);
        const rowsPerSecond = size / seconds;
        const ok = rssMb < 150 && (size < 1_000_000 || rowsPerSecond >= 50_000);
        failed ||= !ok;
        results.push({ store, format, rows: size, seconds: seconds.toFixed(2), "rows/s": Math.round(rowsPerSecond), "peak RSS MB": rssMb.toFixed(0), target: ok ? "met" : "MISSED" });
      }
    }
  }
} finally {
  await server?.stop();
  clean(work);
}
console.table(results);
console.log("Targets: ≥ 50,000 rows/s at 1,000,000 rows; peak RSS < 150 MB at every size (timings include starting Node and loading the campaign).");
if (failed) process.exitCode = 1;
