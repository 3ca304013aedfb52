// `mitreden init` (and the first `mitreden new`): what a city's own repository needs around its
// campaigns: CI for GitLab and GitHub that validates, builds and audits on every push, a puppeteer
// setting that keeps `npm install` from downloading a browser, and .gitignore lines for what
// mitreden writes. Files that exist are left alone; the result says which were kept.
import { readFile, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { MitredenError } from "./errors.js";
import { packagePath } from "./package-root.js";

export interface InitResult {
  /** Files created (paths relative to the folder). */
  written: string[];
  /** Files that existed and were left as they are. */
  kept: string[];
  /** Files that existed and got lines or fields added. */
  updated: string[];
}

/** Template in templates/scaffold/repository → where it goes in the city's folder. */
const FILES: [template: string, target: string][] = [
  ["gitlab-ci.yml", ".gitlab-ci.yml"],
  ["github-workflow.yml", ".github/workflows/mitreden.yml"],
  ["puppeteerrc.cjs", ".puppeteerrc.cjs"],
];

/**
 * Install scripts mitreden and its dependencies need (building mitreden when installed from git,
 * native SQLite, image and bundler binaries) and those they must not run (puppeteer's browser
 * download, a file watcher built from source). npm 11 only reports unreviewed scripts; npm 12 runs
 * only those allowed here.
 */
const ALLOW_SCRIPTS = { mitreden: true, "better-sqlite3": true, esbuild: true, sharp: true, puppeteer: false, "@parcel/watcher": false };

export async function initCityRepository(dir: string): Promise<InitResult> {
  const result: InitResult = { written: [], kept: [], updated: [] };
  for (const [template, target] of FILES) {
    const file = path.join(dir, target);
    await mkdir(path.dirname(file), { recursive: true });
    try {
      await writeFile(file, await readFile(packagePath("templates", "scaffold", "repository", template)), { flag: "wx" });
      result.written.push(target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      result.kept.push(target);
    }
  }
  await addGitignoreLines(dir, result);
  await addAllowScripts(dir, result);
  return result;
}

async function addGitignoreLines(dir: string, result: InitResult): Promise<void> {
  const file = path.join(dir, ".gitignore");
  const wanted = (await readFile(packagePath("templates", "scaffold", "repository", "gitignore"), "utf8")).split("\n").filter(Boolean);
  const existing = await readFile(file, "utf8").catch(() => undefined);
  const have = new Set((existing ?? "").split(/\r?\n/).map((line) => line.trim().replace(/^\//, "")));
  const missing = wanted.filter((line) => !have.has(line) && !have.has(line.replace(/\/$/, "")));
  if (missing.length === 0) {
    result.kept.push(".gitignore");
    return;
  }
  const text = existing === undefined ? missing.join("\n") + "\n" : `${existing}${existing.endsWith("\n") || existing === "" ? "" : "\n"}# mitreden\n${missing.join("\n")}\n`;
  await writeFile(file, text);
  (existing === undefined ? result.written : result.updated).push(".gitignore");
}

async function addAllowScripts(dir: string, result: InitResult): Promise<void> {
  const file = path.join(dir, "package.json");
  const text = await readFile(file, "utf8").catch(() => undefined);
  if (text === undefined) return;
  let manifest: { allowScripts?: Record<string, unknown>; overrides?: Record<string, unknown> };
  try {
    manifest = JSON.parse(text) as typeof manifest;
  } catch (error) {
    throw new MitredenError(`${file} is not valid JSON (${(error as Error).message}); fix it, then run mitreden init again.`, { cause: error });
  }
  let changed = false;
  const allow = manifest.allowScripts ?? {};
  const missing = Object.entries(ALLOW_SCRIPTS).filter(([name]) => !(name in allow));
  if (missing.length) {
    manifest.allowScripts = { ...allow, ...Object.fromEntries(missing) };
    changed = true;
  }
  // nunjucks names chokidar 3 as an optional peer; mitreden uses chokidar 4 (and so does nunjucks
  // here, which never watches). Without this, npm installs a second, older file watcher with five
  // more packages. mitreden's own package.json has the same override, which npm applies only there.
  const overrides = manifest.overrides ?? {};
  if (!("nunjucks" in overrides)) {
    const own = JSON.parse(await readFile(packagePath("package.json"), "utf8")) as { dependencies: Record<string, string> };
    manifest.overrides = { ...overrides, nunjucks: { chokidar: own.dependencies.chokidar } };
    changed = true;
  }
  if (!changed) return;
  await writeFile(file, JSON.stringify(manifest, null, 2) + "\n");
  result.updated.push("package.json");
}
