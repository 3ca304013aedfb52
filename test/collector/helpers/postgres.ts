// A real PostgreSQL for the store suite: DATABASE_URL when set (each run in a schema of its own),
// otherwise a throwaway cluster (initdb + pg_ctl) in a temp folder on a free port. Missing
// PostgreSQL fails the suite with the command that installs it — it never skips silently.
import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";

export const INSTALL_HINT = "sudo apt-get install -y postgresql   (Debian/Ubuntu; .ci/run does this)";

export interface TestPostgres {
  url: string;
  /** A fresh schema name for one suite, so runs against a shared DATABASE_URL do not collide. */
  schema: string;
  stop(): Promise<void>;
}

export async function startPostgres(): Promise<TestPostgres> {
  const schema = `mitreden_test_${process.pid}_${Date.now().toString(36)}`;
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, schema, stop: async () => dropSchema(process.env.DATABASE_URL!, schema) };

  const bin = postgresBinDir();
  const dir = mkdtempSync(path.join(os.tmpdir(), "mitreden-pg-"));
  const port = await freePort();
  // PostgreSQL refuses to run as root; as root, run it as the "postgres" system user.
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) =>
    execFileSync(asRoot ? "runuser" : path.join(bin, cmd), asRoot ? ["-u", "postgres", "--", path.join(bin, cmd), ...args] : args, { stdio: "pipe" });
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    chownSync(dir, uid, gid);
  }
  const data = path.join(dir, "data");
  try {
    run("initdb", ["-D", data, "-U", "mitreden", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
    run("pg_ctl", ["-D", data, "-l", path.join(dir, "log"), "-w", "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, "start"]);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? "";
    throw new Error(`Could not start a throwaway PostgreSQL with ${bin}: ${stderr || (error as Error).message}`);
  }
  return {
    url: `postgres://mitreden@127.0.0.1:${port}/postgres`,
    schema,
    stop: async () => {
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

function postgresBinDir(): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(path.join(root, v, "bin", "initdb"))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (newest) return path.join(root, newest, "bin");
  try {
    const bin = execFileSync("pg_config", ["--bindir"], { stdio: "pipe" }).toString().trim();
    if (existsSync(path.join(bin, "initdb"))) return bin;
  } catch {
    // no pg_config either
  }
  throw new Error(`PostgreSQL is not installed, and DATABASE_URL is not set: the store suite must run against a real server.\nInstall it with:\n  ${INSTALL_HINT}\nor point DATABASE_URL at a server you may create schemas in.`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

async function dropSchema(url: string, schema: string): Promise<void> {
  const pg = (await import("pg")).default;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}
