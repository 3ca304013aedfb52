// Compiled templates are kept (src/pages/compiled-templates.ts): a build takes them from the build
// cache instead of compiling every template's text again, renders exactly what the text says, and
// a broken template is reported as Nunjucks reports it.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import nunjucks from "nunjucks";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const root = mkdtempSync(path.join(os.tmpdir(), "mitreden-compiled-templates-"));
const cacheDir = path.join(root, "cache");
let templates: string;

/** A fresh copy of the module (its memory empty), as in a new process. */
async function freshModule(): Promise<typeof import("../../src/pages/compiled-templates.js")> {
  vi.resetModules();
  return import("../../src/pages/compiled-templates.js");
}

function environment(load?: (env: nunjucks.Environment) => void): nunjucks.Environment {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(templates), { autoescape: true, trimBlocks: true, lstripBlocks: true });
  load?.(env);
  return env;
}

const cached = () => readdirSync(path.join(cacheDir, "build")).filter((f) => f.startsWith("template-"));

beforeEach(() => {
  vi.stubEnv("MITREDEN_CACHE_DIR", cacheDir);
  templates = mkdtempSync(path.join(root, "templates-"));
  writeFileSync(path.join(templates, "page.njk"), '<main>{% include "part.njk" %}</main>\n');
  writeFileSync(path.join(templates, "part.njk"), "{% if name %}Hallo {{ name }}{% endif %}\n");
});
afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(cacheDir, { recursive: true, force: true });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("compiled templates", () => {
  it("render what their text says, and a new process takes them from the build cache", async () => {
    const plain = environment().render("page.njk", { name: "<Köln>" });
    expect(plain).toBe("<main>Hallo &lt;Köln&gt;</main>\n");
    const first = await freshModule();
    expect(environment((env) => first.loadCompiledTemplates(env, { onDisk: true })).render("page.njk", { name: "<Köln>" })).toBe(plain);
    expect(cached()).toHaveLength(2);
    // Proof that the next process reads the cache rather than the text: an entry changed by hand shows.
    const entry = cached().map((f) => path.join(cacheDir, "build", f)).find((f) => readFileSync(f, "utf8").includes("Hallo "))!;
    writeFileSync(entry, readFileSync(entry, "utf8").replace("Hallo ", "Servus "));
    const next = await freshModule();
    expect(environment((env) => next.loadCompiledTemplates(env, { onDisk: true })).render("page.njk", { name: "Ada" })).toBe("<main>Servus Ada</main>\n");
  });

  it("are compiled again when a cache entry is empty or broken, and the entry is mended", async () => {
    const first = await freshModule();
    environment((env) => first.loadCompiledTemplates(env, { onDisk: true })).render("page.njk", { name: "Ada" });
    const [one, two] = cached().map((f) => path.join(cacheDir, "build", f));
    writeFileSync(one!, "");
    writeFileSync(two!, "this is not JavaScript {");
    const next = await freshModule();
    expect(environment((env) => next.loadCompiledTemplates(env, { onDisk: true })).render("page.njk", { name: "Ada" })).toBe("<main>Hallo Ada</main>\n");
    for (const entry of [one!, two!]) expect(readFileSync(entry, "utf8")).toContain("root");
  });

  it("compile a changed text anew, in the same process too", async () => {
    const { loadCompiledTemplates } = await freshModule();
    expect(environment((env) => loadCompiledTemplates(env, { onDisk: true })).render("page.njk", { name: "Ada" })).toBe("<main>Hallo Ada</main>\n");
    writeFileSync(path.join(templates, "part.njk"), "Guten Tag, {{ name }}\n");
    expect(environment((env) => loadCompiledTemplates(env, { onDisk: true })).render("page.njk", { name: "Ada" })).toBe("<main>Guten Tag, Ada\n</main>\n");
  });

  it("leave a broken template to Nunjucks, which names the file and the line", async () => {
    writeFileSync(path.join(templates, "part.njk"), "Hallo\n{{ name }} {% endif %}\n");
    const { loadCompiledTemplates } = await freshModule();
    const failure = (env: nunjucks.Environment) => {
      try {
        // Rendered itself: an included template's compile error is lost in plain Nunjucks
        // (mozilla/nunjucks#1120); the page environment compiles includes on load for that.
        env.render("part.njk", { name: "Ada" });
      } catch (error) {
        return (error as Error).message;
      }
      return "rendered";
    };
    const expected = failure(environment());
    expect(expected).toContain(path.join(templates, "part.njk"));
    expect(expected).toMatch(/Line 2/);
    expect(failure(environment((env) => loadCompiledTemplates(env, { onDisk: true })))).toBe(expected);
  });

  it("stay in memory only for the collector: it writes nothing beside its store", async () => {
    mkdirSync(path.join(cacheDir, "build"), { recursive: true });
    const { loadCompiledTemplates } = await freshModule();
    expect(environment((env) => loadCompiledTemplates(env, { onDisk: false })).render("page.njk", { name: "Ada" })).toBe("<main>Hallo Ada</main>\n");
    expect(cached()).toEqual([]);
  });
});
