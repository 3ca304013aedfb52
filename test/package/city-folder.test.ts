// Issue 16, §3b: mitreden installed the way a city installs it, into a repository of its own. The
// packed tarball goes into an empty folder (npm resolves its dependencies against a registry on
// 127.0.0.1 that serves this machine's npm cache: see ./registry.ts), then the team's first day
// runs there: init, new, validate, the GitLab CI file's own script lines (npm ci, validate, build,
// audit, build), and serve. A file missing from package.json's "files" breaks one of these.
import { execFile, spawn } from "node:child_process";
import { access, mkdir, mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { freePort } from "../e2e/server.js";
import { startLocalRegistry, type LocalRegistry } from "./registry.js";

const root = path.resolve(import.meta.dirname, "../..");
const TIMEOUT = 15 * 60_000;

let work: string;
let city: string;
let tarball: string;
let registry: LocalRegistry;
let env: NodeJS.ProcessEnv;

/** Runs a command in the city's folder; on failure the error names the command and shows its output. */
async function sh(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<{ stdout: string; stderr: string }> {
  try {
    return await promisify(execFile)(command, args, { cwd: options.cwd ?? city, env: options.env ?? env, maxBuffer: 64 << 20 });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    const missing = registry?.missing.length ? `\nAsked for and not available offline (optional peers are asked for too): ${[...new Set(registry.missing)].join(", ")}` : "";
    throw new Error(`${command} ${args.join(" ")} failed in ${options.cwd ?? city}:\n${e.stdout ?? ""}\n${e.stderr ?? e.message}${missing}`);
  }
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), "mitreden-package-"));
  city = path.join(work, "beteiligung");
  await mkdir(city);
  registry = await startLocalRegistry(root);
  env = {
    ...process.env,
    ...registry.env,
    // Its own npm cache: the city's install must come through the registry, like a fresh machine's.
    npm_config_cache: path.join(work, "npm-cache"),
    npm_config_audit: "false",
    npm_config_fund: "false",
    npm_config_update_notifier: "false",
    CHROMIUM_PATH: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  };
  delete env.PUPPETEER_SKIP_DOWNLOAD;
  // `npm pack` runs `prepare` (compiles src/ into dist/), as `npm publish` does.
  const { stdout } = await sh("npm", ["pack", "--pack-destination", work, "--json"], { cwd: root, env: { ...process.env, npm_config_update_notifier: "false" } });
  tarball = path.join(work, (JSON.parse(stdout) as { filename: string }[])[0]!.filename);
  // What the README says a city does: a package.json, `mitreden init` (here from this checkout,
  // as the tarball is not installed yet; it writes .puppeteerrc.cjs and package.json's allowScripts
  // and overrides), then the install.
  await sh("npm", ["init", "-y"]);
  await sh("node", [path.join(root, "bin/mitreden.js"), "init"]);
  await sh("npm", ["install", tarball]);
}, TIMEOUT);

afterAll(async () => {
  await registry?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe("mitreden in a city's own repository, installed from the packed tarball", () => {
  it("installed without downloading a browser (.puppeteerrc.cjs) and without anything beyond mitreden's lockfile", async () => {
    expect([...new Set(registry.missing)].filter((m) => !m.includes("no such package"))).toEqual([]);
    const manifest = JSON.parse(await readFile(path.join(city, "package.json"), "utf8"));
    expect(manifest.dependencies.mitreden).toMatch(/^file:.*mitreden-\d+\.\d+\.\d+\.tgz$/);
    await expect(access(path.join(os.homedir(), ".cache", "puppeteer", "chrome"))).rejects.toThrow();
  });

  it("scaffolds, validates, builds and audits with the GitLab CI file's own script lines, then serves", async () => {
    expect((await sh("npx", ["mitreden", "new", "neue-mitte"])).stdout).toContain("Kept .gitlab-ci.yml");
    expect((await sh("npx", ["mitreden", "validate"])).stdout).toBe("1 campaign valid.\n");

    // The job as GitLab runs it: its variables, then before_script and script, each line in a shell.
    const ci = parseYaml(await readFile(path.join(city, ".gitlab-ci.yml"), "utf8"));
    const job = ci.mitreden as { before_script: string[]; script: string[] };
    const jobEnv = { ...env, CI_PROJECT_DIR: city, ...Object.fromEntries(Object.entries(ci.variables as Record<string, string>).map(([k, v]) => [k, v.replace("$CI_PROJECT_DIR", city)])) };
    const log: string[] = [];
    for (const line of [...job.before_script, ...job.script]) {
      const { stdout } = await sh("bash", ["-eo", "pipefail", "-c", line], { env: jobEnv });
      log.push(`$ ${line}\n${stdout}`);
    }
    const output = log.join("\n");
    expect(output).toMatch(/Auditing \d+ pages/);
    // The survey's and the map's error pages (forms sent without JavaScript) are among them.
    expect(output).toContain("/api/neue-mitte/umfrage/responses (form on /neue-mitte/umfrage/");
    expect(output).toContain("/api/neue-mitte/karte/contributions (form on /neue-mitte/karte/");
    const report = JSON.parse(await readFile(path.join(city, "audit-report/report.json"), "utf8"));
    expect(report.errors).toBe(0);
    expect(await readFile(path.join(city, "audit-report/junit.xml"), "utf8")).toMatch(/^<\?xml[\s\S]*<testsuites /);
    // The second build names the audit in the accessibility statement: partial, since no person has tested it yet.
    const statement = await readFile(path.join(city, "_site/neue-mitte/accessibility/index.html"), "utf8");
    expect(statement).toContain("teilweise vereinbar");
    expect(statement).toContain(`pa11y ${report.tools.pa11y}`);
    // CI artifacts are where the CI file says.
    for (const artifact of (ci.mitreden.artifacts.paths as string[])) await expect(readdir(path.join(city, artifact))).resolves.not.toEqual([]);

    const port = await freePort();
    const serve = spawn("npx", ["mitreden", "serve", "--port", String(port)], { cwd: city, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    try {
      await new Promise<void>((resolve, reject) => {
        let out = "";
        const timer = setTimeout(() => reject(new Error(`serve did not start:\n${out}`)), 120_000);
        const onData = (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes("Serving on")) {
            clearTimeout(timer);
            resolve();
          }
        };
        serve.stdout.on("data", onData);
        serve.stderr.on("data", onData);
        serve.on("exit", (code) => reject(new Error(`serve exited with ${code}:\n${out}`)));
      });
      const landing = await fetch(`http://127.0.0.1:${port}/neue-mitte/`);
      expect(landing.status).toBe(200);
      expect(await landing.text()).toContain("Titel Ihrer Beteiligung");
      // The survey is open today (the scaffold starts today): an empty submission gets the error page, not "closed".
      const sent = await fetch(`http://127.0.0.1:${port}/api/neue-mitte/umfrage/responses`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", accept: "text/html" },
        body: "_locale=de",
        redirect: "manual",
      });
      expect(sent.status).toBe(400);
      expect(await sent.text()).toContain("Bitte beantworten Sie diese Frage.");
    } finally {
      // npx starts node as its child: end the whole group this test started.
      if (serve.pid) process.kill(-serve.pid, "SIGTERM");
    }
  }, TIMEOUT);

  it("ships what a city needs and nothing of the project's own", async () => {
    const { stdout } = await sh("tar", ["tzf", tarball]);
    const files = stdout.split("\n").filter(Boolean).map((f) => f.replace(/^package\//, ""));
    for (const needed of ["bin/mitreden.js", "dist/cli.js", "schema/campaign.schema.json", "templates/scaffold/campaign.json", "templates/scaffold/repository/gitlab-ci.yml", "templates/audit/report.njk", "templates/audit/report.css", "README.md", "CHANGELOG.md", "LICENSE"]) {
      expect(files).toContain(needed);
    }
    expect(files.filter((f) => /^(test|campaigns|bench|docs|\.ci)\//.test(f) || f.endsWith(".test.ts"))).toEqual([]);
  });
});
