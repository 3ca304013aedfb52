// `mitreden init` (and the first `mitreden new`): what a city's own repository needs around its
// campaigns: CI for GitLab and GitHub that validates, builds and audits on every push, a puppeteer
// setting that keeps `npm install` from downloading a browser, and .gitignore lines for what
// mitreden writes. Files that exist are left alone; the result says which were kept.
import { readFile, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
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
 * Install scripts mitreden's dependencies need (native SQLite, image and bundler binaries) and the
 * one they must not run (puppeteer's browser download). npm 11 only reports unreviewed scripts;
 * npm 12 runs only those allowed here.
 */
const ALLOW_SCRIPTS = { "better-sqlite3": true, esbuild: true, sharp: true, puppeteer: false };

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
  const manifest = JSON.parse(text) as { allowScripts?: Record<string, unknown> };
  const allow = manifest.allowScripts ?? {};
  const missing = Object.entries(ALLOW_SCRIPTS).filter(([name]) => !(name in allow));
  if (missing.length === 0) return;
  manifest.allowScripts = { ...allow, ...Object.fromEntries(missing) };
  await writeFile(file, JSON.stringify(manifest, null, 2) + "\n");
  result.updated.push("package.json");
}
