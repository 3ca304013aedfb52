// The site's own stylesheet before fonts and colours: KERN's SCSS and our partials compiled by
// Sass (main.scss), then only the rules the pages can use (purge.ts, used-classes.ts).
//
// Sass and the purge take ~3 s of CPU; their result depends on the mitreden version alone. So
// `npm run build:ts` (and `prepare` on install) writes it into dist/site/styles/, with a hash of
// everything that went in, and a build with the package's own templates takes it from there: a
// city's first build (empty .cache/) never loads Sass. Any difference in the inputs (an edited
// partial, a fork's templates) makes the build compute it, and cache it in .cache/mitreden.
import { readFileSync } from "node:fs";
import { readFile, readdir, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type * as Sass from "sass";
import { MissingPrerequisiteError } from "../../errors.js";
import { packagePath } from "../../package-root.js";
import { cachedBytes, hashFolder, hashOf } from "../../build-cache.js";
import { writeFileAtomically } from "../../atomic-file.js";
import { StylesError } from "./errors.js";
import { BROWSER_TARGETS } from "./minify.js";
import { keepUsedRules } from "./purge.js";
import { classSources, classUsage, sourceFiles } from "./used-classes.js";

const require = createRequire(import.meta.url);

/** The installed Sass, PurgeCSS and lightningcss and the browser targets: they decide the output, so they are part of every key. */
export const LIBRARY_VERSIONS = [installedVersion("sass"), installedVersion("purgecss"), installedVersion("lightningcss"), JSON.stringify(BROWSER_TARGETS)].join(" ");

const STYLES_DIR = packagePath("src", "site", "styles");
const COMPILED_DIR = packagePath("dist", "site", "styles");
const PRECOMPILED = packagePath("dist", "site", "styles", "main.used.css");
const PRECOMPILED_INPUTS = packagePath("dist", "site", "styles", "main.used.json");

/**
 * KERN and our partials, only the rules the pages rendered from `templatesDir` can use; readable
 * CSS (minified later with the fonts and colours). Looked up in .cache/mitreden by the sizes and
 * times of its inputs (cheap), then in the precompiled copy (by their content), else computed.
 */
export async function usedMainCss(templatesDir: string): Promise<string> {
  const key = `main-used-${hashOf(LIBRARY_VERSIONS, await kernVersion(), await hashFolder(STYLES_DIR), await sourcesStamp(templatesDir))}.css`;
  const css = await cachedBytes(key, async () => Buffer.from((await precompiledMainCss(templatesDir)) ?? (await computeMainCss(templatesDir)).css));
  return css.toString("utf8");
}

/** KERN and our partials with every rule, unpurged: for tests that compare the two, and for debugging. */
export async function fullMainCss(): Promise<string> {
  return compileMain();
}

/** Writes the precompiled stylesheet into dist/ unless the one there is current. For scripts/precompile-styles.mjs. */
export async function writePrecompiledMainCss(): Promise<{ written: boolean; bytes: number; rejected: number }> {
  const templatesDir = packagePath("templates");
  const current = await precompiledMainCss(templatesDir);
  if (current !== undefined) return { written: false, bytes: Buffer.byteLength(current), rejected: 0 };
  const inputs = await inputsHash(templatesDir);
  const { css, rejected } = await computeMainCss(templatesDir);
  for (const [file, content] of [
    [PRECOMPILED, css],
    [PRECOMPILED_INPUTS, JSON.stringify({ inputs }) + "\n"],
  ] as const) {
    await writeFileAtomically(file, content);
  }
  return { written: true, bytes: Buffer.byteLength(css), rejected: rejected.length };
}

async function computeMainCss(templatesDir: string): Promise<{ css: string; rejected: string[] }> {
  const [main, usage] = await Promise.all([compileMain(), classUsage(templatesDir)]);
  const result = await keepUsedRules(main, usage);
  if (/\bmitreden\b/.test(process.env.DEBUG ?? "")) console.error(`mitreden: stylesheet: ${result.rejected.length} selectors no template or script uses were left out`);
  return result;
}

/** The precompiled copy, if it was made from exactly these inputs. */
async function precompiledMainCss(templatesDir: string): Promise<string | undefined> {
  if (path.resolve(templatesDir) !== packagePath("templates")) return undefined;
  const recorded = await readFile(PRECOMPILED_INPUTS, "utf8").then((text) => (JSON.parse(text) as { inputs?: string }).inputs, () => undefined);
  if (!recorded || recorded !== (await inputsHash(templatesDir))) return undefined;
  return readFile(PRECOMPILED, "utf8").catch(() => undefined);
}

/**
 * Everything the purged stylesheet is made from, by content: the same in a checkout and in an
 * installed package. That is the SCSS, the files that name classes, and the code that reads
 * them and purges (compiled, in dist/site/styles).
 */
async function inputsHash(templatesDir: string): Promise<string> {
  const own = [...(await namesIn(STYLES_DIR, ".scss")), ...(await namesIn(COMPILED_DIR, ".js"))];
  const ownTexts = await Promise.all(own.map((file) => readFile(file)));
  const sources = await classSources(templatesDir);
  return hashOf(LIBRARY_VERSIONS, await kernVersion(), ...own.flatMap((file, i) => [path.basename(file), ownTexts[i]!]), ...sources.flatMap((s) => [s.name, s.text]));
}

async function namesIn(dir: string, extension: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.filter((name) => name.endsWith(extension)).sort().map((name) => path.join(dir, name));
}

/** Size and modification time of every file inputsHash() reads besides the SCSS: cheap to get, and changes when they do. */
async function sourcesStamp(templatesDir: string): Promise<string> {
  const sources = (await Promise.all([templatesDir, packagePath("src", "client"), packagePath("dist")].map((root) => sourceFiles(root)))).flat();
  const files = [...sources, ...(await namesIn(COMPILED_DIR, ".js"))];
  const infos = await Promise.all(files.map((file) => stat(file).catch(() => undefined)));
  return [path.resolve(templatesDir), ...files.map((file, i) => `${file}:${infos[i]?.size}:${infos[i]?.mtimeMs}`)].join("\n");
}

async function compileMain(): Promise<string> {
  const entry = path.join(STYLES_DIR, "main.scss");
  try {
    // Sass takes half a second to load; only a build whose stylesheet is neither cached nor precompiled needs it.
    const sass: typeof Sass = await import("sass");
    const result = await sass.compileAsync(entry, { loadPaths: [kernLoadPath()], style: "expanded", charset: false, quietDeps: true });
    return result.css;
  } catch (error) {
    if (error instanceof MissingPrerequisiteError) throw error;
    throw new StylesError(`Could not compile the stylesheet ${entry}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

async function kernVersion(): Promise<string> {
  const manifest = await readFile(path.join(kernLoadPath(), "@kern-ux", "native", "package.json"), "utf8").catch(() => "{}");
  return String((JSON.parse(manifest) as { version?: string }).version ?? "");
}

/**
 * The folder that contains `@kern-ux/native`, so main.scss can say
 * `@use "@kern-ux/native/src/scss/…"` wherever npm put the package.
 */
function kernLoadPath(): string {
  try {
    // …/node_modules/@kern-ux/native/package.json → …/node_modules
    return path.resolve(path.dirname(require.resolve("@kern-ux/native/package.json")), "..", "..");
  } catch (error) {
    throw new MissingPrerequisiteError("Cannot find @kern-ux/native, which provides the KERN styles. Run `npm install`.", { cause: error });
  }
}

/** `name@version` of an installed package; some (sass, lightningcss) do not export their package.json, so it is found beside the entry point. */
function installedVersion(name: string): string {
  let dir = path.dirname(require.resolve(name));
  for (let i = 0; i < 4; i++, dir = path.dirname(dir)) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { name?: string; version?: string };
      if (manifest.name === name) return `${name}@${manifest.version}`;
    } catch {
      // not here; one folder up
    }
  }
  return name;
}
