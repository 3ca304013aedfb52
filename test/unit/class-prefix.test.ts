// One CSS class prefix for our own classes (mr-), beside KERN's (kern-) and the map renderers'
// (maplibregl-, mapboxgl-). A second prefix makes a reader wonder which rules are whose, and a
// rule written for one prefix silently misses markup written with the other (it happened:
// `.mr-survey [hidden]` never matched a form classed `mitreden-survey`).
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const ALLOWED = /^(mr-|kern-|maplibregl-|mapboxgl-)/;

async function filesUnder(dir: string, extensions: string[]): Promise<string[]> {
  const entries = await readdir(path.join(root, dir), { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && extensions.some((ext) => entry.name.endsWith(ext)))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Class names written literally: in class="…" (outside Nunjucks tags) and in quoted strings inside them. */
function templateClasses(source: string): string[] {
  const names: string[] = [];
  for (const match of source.matchAll(/\bclass="([^"]*)"/g)) {
    const value = match[1]!;
    // Literal strings inside Nunjucks expressions that stand as whole class names:
    // {{ 'kern-x' if … else 'mr-y' }}, not the suffix in kern-btn--{{ 'primary' if … }}.
    for (const expression of value.matchAll(/(^|\s)\{\{([\s\S]*?)\}\}/g)) {
      for (const literal of expression[2]!.matchAll(/'([^']*)'/g)) names.push(...literal[1]!.split(/\s+/));
    }
    const plain = value.replace(/\{[{%][\s\S]*?[}%]\}/g, " ");
    names.push(...plain.split(/\s+/));
  }
  // A name glued to an expression (kern-btn--{{ … }}) is a fragment, not a class of its own.
  return names.filter((name) => /^[a-z][a-z0-9_-]*[a-z0-9]$/.test(name));
}

/** Class names set from scripts: className = "…", classList.add/remove/toggle("…"). */
function scriptClasses(source: string): string[] {
  const names: string[] = [];
  for (const match of source.matchAll(/className\s*=\s*"([^"]*)"/g)) names.push(...match[1]!.split(/\s+/));
  for (const match of source.matchAll(/classList\.(?:add|remove|toggle|contains)\(\s*"([^"]*)"/g)) names.push(match[1]!);
  return names.filter(Boolean);
}

/** Class selectors in our stylesheets (custom properties and file names aside). */
function stylesheetClasses(source: string): string[] {
  const withoutComments = source.replace(/\/\/.*$/gm, "").replace(/\/\*[\s\S]*?\*\//g, "");
  const selectors = withoutComments.replace(/\{[^{}]*\}/g, "{}");
  return [...selectors.matchAll(/(?:^|[\s,>+~(&])\.([a-zA-Z_][a-zA-Z0-9_-]*)/g)].map((match) => match[1]!);
}

describe("CSS class names", () => {
  it("use one prefix of our own (mr-) in templates, client scripts and stylesheets", async () => {
    const offenders: string[] = [];
    const check = (file: string, names: string[]) => {
      for (const name of names) if (!ALLOWED.test(name)) offenders.push(`${path.relative(root, file)}: ${name}`);
    };
    for (const file of await filesUnder("templates", [".njk"])) check(file, templateClasses(await readFile(file, "utf8")));
    for (const file of await filesUnder("src/client", [".ts"])) check(file, scriptClasses(await readFile(file, "utf8")));
    for (const file of await filesUnder("src/site/styles", [".scss", ".css"])) {
      check(file, stylesheetClasses(await readFile(file, "utf8")));
    }
    expect([...new Set(offenders)]).toEqual([]);
  });

  it("would notice a second prefix", () => {
    expect(templateClasses(`<form class="mitreden-survey {{ 'x-y' if a }} mr-stack">`)).toEqual(["x-y", "mitreden-survey", "mr-stack"]);
    expect(templateClasses(`<a class="kern-btn--{{ 'primary' if a }}">`)).toEqual([]);
    expect(scriptClasses(`el.classList.add("mitreden-x")`)).toEqual(["mitreden-x"]);
    expect(stylesheetClasses(".mitreden-honeypot { left: 0 }")).toEqual(["mitreden-honeypot"]);
  });
});
