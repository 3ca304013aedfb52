// Stores filled with many marktplatz responses for bench:export and bench:results: a SQLite file, and
// a throwaway PostgreSQL cluster (or DATABASE_URL). The answers and the cluster come from the test
// helpers (test/collector/helpers/seed.ts, postgres.ts), bundled here with esbuild, not copied.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import pg from "pg";

const root = fileURLToPath(new URL("..", import.meta.url));

export async function helpers(work) {
  mkdirSync(work, { recursive: true });
  const out = path.join(work, "helpers.mjs");
  const entry = path.join(work, "helpers-entry.ts");
  const { writeFileSync } = await import("node:fs");
  writeFileSync(entry, `export * from ${JSON.stringify(path.join(root, "test/collector/helpers/seed.ts"))};\nexport { startPostgres } from ${JSON.stringify(path.join(root, "test/collector/helpers/postgres.ts"))};\n`);
  execFileSync(path.join(root, "node_modules/.bin/esbuild"), [entry, "--bundle", "--platform=node", "--format=esm", "--packages=external", `--outfile=${out}`, "--log-level=warning"]);
  return import(out);
}

/** Adds responses number `from` … `to - 1` to a SQLite store (made and migrated by openStore). */
export async function seedSqlite(file, from, to, h) {
  const { openStore } = await import(path.join(root, "dist/collector/store/index.js"));
  await (await openStore({ file })).close();
  const db = new Database(file);
  const insert = db.prepare("INSERT INTO responses (id, campaign, page, locale, answers, received_at, channel, verified) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  db.transaction(() => {
    for (let i = from; i < to; i++) {
      const r = h.marktplatzResponse(i);
      insert.run(r.id, r.campaign, r.page, r.locale, JSON.stringify(r.answers), r.receivedAt, r.channel, r.verified ? 1 : 0);
    }
  })();
  db.close();
}

/** The same in PostgreSQL, 5,000 rows per INSERT. */
export async function seedPostgres(url, schema, from, to, h) {
  const { openStore } = await import(path.join(root, "dist/collector/store/index.js"));
  await (await openStore({ databaseUrl: url, schema })).close();
  const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    for (let start = from; start < to; start += 5000) {
      const rows = [];
      for (let i = start; i < Math.min(to, start + 5000); i++) rows.push(h.marktplatzResponse(i));
      await client.query(
        "INSERT INTO responses (id, campaign, page, locale, answers, received_at, channel, verified) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::timestamptz[], $7::text[], $8::boolean[])",
        [rows.map((r) => r.id), rows.map((r) => r.campaign), rows.map((r) => r.page), rows.map((r) => r.locale), rows.map((r) => JSON.stringify(r.answers)), rows.map((r) => r.receivedAt), rows.map((r) => r.channel), rows.map((r) => r.verified)],
      );
    }
    // Settled, as a database is that has run for a while: without this, autovacuum and the
    // checkpoint of the new rows run during the exports measured next, on the same cores.
    await client.query("VACUUM ANALYZE responses");
    await client.query("CHECKPOINT").catch(() => undefined); // needs a superuser; a city's DATABASE_URL may not be one
  } finally {
    await client.end();
  }
}

/** Runs the CLI in a child process; wall time (s) and peak resident memory (MB) from /usr/bin/time. */
export function timed(args, env = {}) {
  const started = process.hrtime.bigint();
  const run = spawnSync("/usr/bin/time", ["-f", "%M", process.execPath, path.join(root, "bin/mitreden.js"), ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"] });
  const stderr = run.stderr.toString();
  if (run.status !== 0) throw new Error(`mitreden ${args.join(" ")} failed:\n${stderr}`);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const kb = Number(stderr.trim().split("\n").at(-1));
  return { seconds, rssMb: kb / 1024 };
}

export function clean(dir) {
  rmSync(dir, { recursive: true, force: true });
}
