// The collector's layout (docs/adr/010-collector-and-forms-layout.md): wings that import the shared
// context, never each other in a circle, and nothing of the static site (DESIGN.md: src/site/ and
// src/collector/ read only the model and the shared modules — src/pages/, src/forms/, src/i18n/ —
// which import neither of them).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SRC = path.resolve("src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

/** Every relative module a file imports: static, type-only, re-exports and dynamic import(). */
function importsOf(file: string): string[] {
  const source = readFileSync(file, "utf8");
  const specifiers = [
    ...source.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s*["']([^"']+)["']/gm),
    ...source.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g),
  ].map((m) => m[1]!);
  return specifiers.filter((s) => s.startsWith(".")).map((s) => path.resolve(path.dirname(file), s.replace(/\.js$/, ".ts")));
}

function findCycle(graph: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, "visiting" | "done">();
  const trail: string[] = [];
  const visit = (file: string): string[] | undefined => {
    if (state.get(file) === "done") return undefined;
    if (state.get(file) === "visiting") return [...trail.slice(trail.indexOf(file)), file];
    state.set(file, "visiting");
    trail.push(file);
    for (const next of graph.get(file) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    trail.pop();
    state.set(file, "done");
    return undefined;
  };
  for (const file of graph.keys()) {
    const cycle = visit(file);
    if (cycle) return cycle;
  }
  return undefined;
}

const relative = (file: string) => path.relative(SRC, file);

describe("src/collector", () => {
  const files = sourceFiles(path.join(SRC, "collector"));

  it("has no import circle, type imports and dynamic imports included", () => {
    const inside = new Set(files);
    const graph = new Map(files.map((file) => [file, importsOf(file).filter((target) => inside.has(target))]));
    expect(findCycle(graph)?.map(relative).join(" → ")).toBeUndefined();
  });

  it("finds a circle when there is one (the check itself works)", () => {
    const graph = new Map([
      ["a", ["b"]],
      ["b", ["c"]],
      ["c", ["a"]],
    ]);
    expect(findCycle(graph)).toEqual(["a", "b", "c", "a"]);
  });

  it("imports nothing of the static site, and the site nothing of it", () => {
    const crossing = [
      ...files.flatMap((file) => importsOf(file).filter((t) => relative(t).startsWith("site/")).map((t) => `${relative(file)} → ${relative(t)}`)),
      ...sourceFiles(path.join(SRC, "site")).flatMap((file) => importsOf(file).filter((t) => relative(t).startsWith("collector/")).map((t) => `${relative(file)} → ${relative(t)}`)),
    ];
    expect(crossing).toEqual([]);
  });
});

describe("the shared modules", () => {
  it("src/pages, src/forms and src/i18n import nothing of the site or the collector", () => {
    const crossing = ["pages", "forms", "i18n"].flatMap((dir) =>
      sourceFiles(path.join(SRC, dir)).flatMap((file) =>
        importsOf(file)
          .filter((t) => /^(site|collector)\//.test(relative(t)) || relative(t) === "serve.ts")
          .map((t) => `${relative(file)} → ${relative(t)}`),
      ),
    );
    expect(crossing).toEqual([]);
  });
});
