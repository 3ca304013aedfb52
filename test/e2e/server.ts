// The real thing for the end-to-end tests: `mitreden serve` as a child process on a free port
// (site + collector), a headless Chromium, and `mitreden export` to read back what was stored.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { chromium, type Browser } from "playwright-core";
import { startAuditServer } from "../../src/audit/server.js";
import { buildInto, type BuiltSite } from "../unit/site-support.js";

export const root = path.resolve(import.meta.dirname, "../..");
const cli = path.join(root, "bin/mitreden.js");
export const NOW = "2027-03-20T10:00:00+01:00";

export interface RunningSite {
  url: string;
  outDir: string;
  db: string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/**
 * Compiles the CLI (it runs dist/), then starts `mitreden serve --now` and waits until it listens.
 * `campaigns`: another campaigns folder than the examples (a test's altered copy).
 */
export async function startSite(options: { campaigns?: string } = {}): Promise<RunningSite> {
  await promisify(execFile)("npx", ["tsc", "-p", "tsconfig.build.json"], { cwd: root }).catch(() => undefined);
  const dir = await mkdtemp(path.join(os.tmpdir(), "mitreden-e2e-"));
  const port = await freePort();
  const outDir = path.join(dir, "site");
  const db = path.join(dir, "x.sqlite");
  const campaigns = options.campaigns ? ["--campaigns", options.campaigns] : [];
  const child: ChildProcess = spawn("node", [cli, "serve", "--port", String(port), "--now", NOW, "--out", outDir, "--db", db, ...campaigns], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${log}`)), 90_000);
    const read = (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes("Serving on")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", read);
    child.stderr?.on("data", read);
    child.on("exit", (code) => reject(new Error(`serve exited with ${code}:\n${log}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    outDir,
    db,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

/** Runs the CLI (e.g. `moderate`) against a running site's database; returns its output. */
export async function runCli(site: RunningSite, ...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)("node", [cli, ...args, "--db", site.db], { cwd: root });
  return stdout;
}

/** The rows of `mitreden export <slug> --page <id> --format json`: one flat object per response, by column key. */
export async function exportRows(db: string, slug = "marktplatz", page = "umfrage"): Promise<Record<string, unknown>[]> {
  const { stdout } = await promisify(execFile)("node", [cli, "export", slug, "--page", page, "--format", "json", "--db", db], { cwd: root });
  return (JSON.parse(stdout) as { rows: Record<string, unknown>[] }).rows;
}

/** A built site served as static files (the audit's server, no collector) and a Chromium to look at it. */
export interface ServedBuild {
  site: BuiltSite;
  origin: string;
  browser: Browser;
  close(): Promise<void>;
}

/** Builds `campaigns` (as of `now`, default the tests' NOW) into a temporary folder and serves it. */
export async function servedBuild(campaigns: string, options: { now?: Date } = {}): Promise<ServedBuild> {
  const site = await buildInto(campaigns, options);
  const server = await startAuditServer(site.outDir).catch(async (error: unknown) => {
    await site.remove();
    throw error;
  });
  const browser = await launchChromium().catch(async (error: unknown) => {
    await server.close();
    await site.remove();
    throw error;
  });
  return {
    site,
    origin: server.origin,
    browser,
    async close() {
      await browser.close();
      await server.close();
      await site.remove();
    },
  };
}
