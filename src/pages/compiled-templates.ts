// Nunjucks turns each template's text into JavaScript when the template is first loaded: about 3 ms
// a template, some 0.13 s for the templates a site's pages use, in every build and again in the
// collector after each start. That JavaScript depends only on the text, the template's path (named
// in its error messages), Nunjucks' version and the environment's parsing options, so it is kept by
// those: in this process, and for builds in the build cache. A text that does not compile is left
// to Nunjucks, which reports the error at its place, as without this.
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import nunjucks from "nunjucks";
import writeFileAtomic from "write-file-atomic";
import { buildCacheDir, hashOf } from "../build-cache.js";

const NUNJUCKS_VERSION = (JSON.parse(readFileSync(createRequire(import.meta.url).resolve("nunjucks/package.json"), "utf8")) as { version: string }).version;

type Compile = (src: string, asyncFilters: string[], extensions: unknown[], name: string, opts: object) => string;
const compile = (nunjucks as unknown as { compiler: { compile: Compile } }).compiler.compile;

interface EnvironmentInside {
  opts: object;
  asyncFilters: string[];
  extensionsList: { __name?: string }[];
  loaders: nunjucks.ILoader[];
}

/** Compiled JavaScript by key; a process renders with few distinct texts. */
const compiled = new Map<string, string>();

/**
 * Makes `env`'s file loaders hand over compiled templates. `onDisk`: also keep them in the build
 * cache, for the next build (the collector keeps them in memory: it writes nothing beside its store).
 */
export function loadCompiledTemplates(env: nunjucks.Environment, options: { onDisk: boolean }): void {
  const inside = env as unknown as EnvironmentInside;
  for (const loader of inside.loaders) {
    if (!(loader instanceof nunjucks.FileSystemLoader)) continue;
    const getSource = loader.getSource.bind(loader);
    loader.getSource = (name) => {
      const source = getSource(name);
      if (!source) return source;
      const props = templateProps(source.src, source.path, inside, options.onDisk);
      // Nunjucks' own form for a precompiled template (what its PrecompiledLoader hands over).
      return props === undefined ? source : ({ ...source, src: { type: "code", obj: props } } as unknown as nunjucks.LoaderSource);
    };
  }
}

/**
 * The compiled template's parts (what its code returns), or undefined when the text does not
 * compile. Kept code that is empty or does not run (a full disk, an edited cache file) is
 * compiled again from the text and replaced.
 */
function templateProps(text: string, file: string, env: EnvironmentInside, onDisk: boolean): object | undefined {
  const shape = JSON.stringify([env.opts, env.asyncFilters, env.extensionsList.map((e) => e.__name ?? String(e))]);
  const key = hashOf(NUNJUCKS_VERSION, shape, file, text);
  const cached = path.join(buildCacheDir(), `template-${key}.js`);
  const kept = compiled.get(key) ?? (onDisk ? readKept(cached) : undefined);
  const keptProps = kept === undefined ? undefined : run(kept);
  if (kept !== undefined && keptProps !== undefined) {
    compiled.set(key, kept);
    return keptProps;
  }
  let code: string;
  try {
    code = compile(text, env.asyncFilters, env.extensionsList, file, env.opts);
  } catch {
    return undefined;
  }
  if (onDisk) {
    try {
      mkdirSync(path.dirname(cached), { recursive: true });
      writeFileAtomic.sync(cached, code);
    } catch {
      // A cache that cannot be written costs the next build time, nothing else.
    }
  }
  compiled.set(key, code);
  return run(code);
}

function readKept(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined; // not compiled yet
  }
}

/** What compiled code returns (Nunjucks' root render function and blocks), or undefined if it does not run. */
function run(code: string): object | undefined {
  try {
    return (new Function(code) as () => object | undefined)();
  } catch {
    return undefined;
  }
}
