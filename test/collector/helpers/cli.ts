// The real command line, as a city runs it: `node bin/mitreden.js …` from the compiled dist/.
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";

const BIN = path.resolve("bin/mitreden.js");

/** Compiles src/ into dist/ when a source file is newer than the compiled CLI (npm test has just done it). */
export function ensureBuilt(): void {
  const newest = (dir: string): number =>
    Math.max(0, ...readdirSync(dir, { withFileTypes: true }).map((e) => (e.isDirectory() ? newest(path.join(dir, e.name)) : statSync(path.join(dir, e.name)).mtimeMs)));
  let built = 0;
  try {
    built = statSync("dist/cli.js").mtimeMs;
  } catch {
    // not built yet
  }
  if (built > newest("src")) return;
  try {
    execFileSync("npx", ["tsc", "-p", "tsconfig.build.json"], { stdio: "pipe" });
  } catch (error) {
    // Type errors elsewhere still emit JavaScript; the collector may run. Show them, go on.
    console.warn(`npm run build:ts reported errors:\n${(error as { stdout?: Buffer }).stdout?.toString()}`);
  }
}

export interface CollectorProcess {
  child: ChildProcess;
  url: string;
}

/** Starts `mitreden collect` on a free port and resolves once it listens. */
export function startCollectorProcess(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<CollectorProcess> {
  const child = spawn(process.execPath, [BIN, "collect", "--port", "0", ...args], { stdio: ["ignore", "pipe", "pipe"], env });
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`mitreden collect did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (http:\/\/\S+\/api)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ child, url });
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`mitreden collect exited with ${code}:\n${output}`));
    });
  });
}

export function runCli(args: string[], env: NodeJS.ProcessEnv = process.env): string {
  return execFileSync(process.execPath, [BIN, ...args], { env, maxBuffer: 64 * 1024 * 1024 }).toString();
}

/** The same, with what the command printed to standard error (its messages beside the data). */
export function runCliWithMessages(args: string[], env: NodeJS.ProcessEnv = process.env): { stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [BIN, ...args], { env, maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`mitreden ${args.join(" ")} exited with ${run.status}: ${run.stderr.toString()}`);
  return { stdout: run.stdout.toString(), stderr: run.stderr.toString() };
}
