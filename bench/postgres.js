// A PostgreSQL for the collector benchmark: the given URL, or a throwaway cluster (initdb + pg_ctl,
// as test/collector/helpers/postgres.ts makes one) on a free port, removed afterwards.
import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";

export async function startPostgres(url) {
  if (url) return { url, stop: async () => {} };
  const root = "/usr/lib/postgresql";
  const version = existsSync(root) ? readdirSync(root).filter((v) => existsSync(path.join(root, v, "bin", "initdb"))).sort((a, b) => Number(b) - Number(a))[0] : undefined;
  if (!version) throw new Error("PostgreSQL is not installed: sudo apt-get install -y postgresql, or set BENCH_DATABASE_URL.");
  const bin = path.join(root, version, "bin");
  const dir = mkdtempSync(path.join(os.tmpdir(), "mitreden-bench-pg-"));
  const port = await new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
  // PostgreSQL refuses to run as root; as root, run it as the "postgres" system user.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) chownSync(dir, Number(execFileSync("id", ["-u", "postgres"]).toString()), Number(execFileSync("id", ["-g", "postgres"]).toString()));
  const run = (cmd, args) => execFileSync(asRoot ? "runuser" : path.join(bin, cmd), asRoot ? ["-u", "postgres", "--", path.join(bin, cmd), ...args] : args, { stdio: "pipe" });
  const data = path.join(dir, "data");
  run("initdb", ["-D", data, "-U", "mitreden", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
  // max_connections: two collectors with 10 pool connections each, plus the benchmark's own.
  run("pg_ctl", ["-D", data, "-l", path.join(dir, "log"), "-w", "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=50`, "start"]);
  return {
    url: `postgres://mitreden@127.0.0.1:${port}/postgres`,
    stop: async () => {
      try {
        run("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
