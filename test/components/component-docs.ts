// Reading a component's documentation (params.json) and examples (examples.json), and checking
// that they tell the truth: every example uses documented params of the documented type, gives
// every required one, and the documented params are the ones the template reads.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export type ParamType = "string" | "html" | "number" | "boolean" | "object" | "array";
const PARAM_TYPES = new Set<string>(["string", "html", "number", "boolean", "object", "array"]);

export interface ParamDoc {
  name: string;
  /** "html" is a string printed unescaped: only markup made by mitreden, never a visitor's text. */
  type: ParamType;
  required?: boolean;
  description: string;
  /** The fields of an object, or of each item of an array. */
  params?: ParamDoc[];
  /** The object or items may carry more fields than `params` lists (e.g. a question's own component params). */
  additionalParams?: boolean;
}

export interface ComponentDoc {
  description: string;
  /** Where an example goes in its page: "main" (default), "body" (a landmark itself: header, footer) or "head". */
  placement?: "main" | "body" | "head";
  /** Folders under templates/components whose params.json this component shares (question-parts). */
  include?: string[];
  params: ParamDoc[];
}

export interface Component {
  name: string;
  dir: string;
  macro: string;
  doc: ComponentDoc;
  /** Own params and those of the included folders. */
  params: ParamDoc[];
  examples: { name: string; slug: string; params: Record<string, unknown> }[];
}

/** Folders with a macro.njk are components; each must have params.json and examples.json. */
export function loadComponents(componentsDir: string): { components: Component[]; problems: string[] } {
  const problems: string[] = [];
  const components: Component[] = [];
  const names = readdirSync(componentsDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  for (const name of names) {
    const dir = path.join(componentsDir, name);
    const where = path.relative(process.cwd(), dir);
    if (!existsSync(path.join(dir, "macro.njk"))) continue; // partials (question-parts) and stylesheets (map-view)
    const missing = ["params.json", "examples.json"].filter((file) => !existsSync(path.join(dir, file)));
    if (missing.length) {
      problems.push(
        `${where}/ has a macro.njk but no ${missing.join(" and no ")}. Add ` +
          (missing.includes("params.json") ? `params.json ({ "description": "…", "params": [{ "name": "…", "type": "string", "required": true, "description": "…" }] }) ` : "") +
          (missing.length === 2 ? "and " : "") +
          (missing.includes("examples.json") ? `examples.json ({ "<example name>": { <params> } }, one entry per state worth seeing) ` : "") +
          `as described in README.md, section "Components".`,
      );
      continue;
    }
    const doc = readJson<ComponentDoc>(path.join(dir, "params.json"), problems);
    const examples = readJson<Record<string, Record<string, unknown>>>(path.join(dir, "examples.json"), problems);
    if (!doc || !examples) continue;
    problems.push(...checkDoc(doc, `${where}/params.json`));
    const macro = /{%-?\s*macro\s+(\w+)\s*\(/.exec(readFileSync(path.join(dir, "macro.njk"), "utf8"))?.[1];
    if (!macro) {
      problems.push(`${where}/macro.njk defines no macro.`);
      continue;
    }
    const included = (doc.include ?? []).flatMap((other) => {
      const file = path.join(componentsDir, other, "params.json");
      const shared = existsSync(file) ? readJson<ComponentDoc>(file, problems) : undefined;
      if (!shared) problems.push(`${where}/params.json includes "${other}", but ${path.relative(process.cwd(), file)} does not exist.`);
      return shared?.params ?? [];
    });
    const entries = Object.entries(examples);
    if (entries.length === 0) problems.push(`${where}/examples.json has no examples: add at least one, named after what it shows.`);
    const slugs = new Set<string>();
    const list = entries.map(([exampleName, params]) => {
      const slug = slugOf(exampleName);
      if (slugs.has(slug)) problems.push(`${where}/examples.json: two examples are both named like "${exampleName}"; name each after what it shows.`);
      slugs.add(slug);
      return { name: exampleName, slug, params };
    });
    components.push({ name, dir, macro, doc, params: [...doc.params, ...included], examples: list });
  }
  return { components, problems };
}

/** Problems of one example against the documented params, as `examples.json "<name>": <where>: <what>`. */
export function checkExample(component: Component, example: Component["examples"][number]): string[] {
  const where = `${path.relative(process.cwd(), component.dir)}/examples.json "${example.name}"`;
  return checkValues(example.params, component.params, false, "").map((problem) => `${where}: ${problem}`);
}

function checkValues(values: unknown, docs: ParamDoc[], additional: boolean, prefix: string): string[] {
  if (typeof values !== "object" || values === null || Array.isArray(values)) return [`${prefix || "params"} must be an object`];
  const problems: string[] = [];
  const byName = new Map(docs.map((d) => [d.name, d]));
  for (const [key, value] of Object.entries(values)) {
    const doc = byName.get(key);
    const at = prefix ? `${prefix}.${key}` : key;
    if (!doc) {
      if (!additional) problems.push(`${at} is not documented in params.json (documented: ${docs.map((d) => d.name).join(", ")})`);
      continue;
    }
    problems.push(...checkValue(value, doc, at));
  }
  for (const doc of docs) if (doc.required && !(doc.name in values)) problems.push(`${prefix ? `${prefix}.` : ""}${doc.name} is required`);
  return problems;
}

function checkValue(value: unknown, doc: ParamDoc, at: string): string[] {
  const actual = Array.isArray(value) ? "array" : value === null ? "null" : typeof value;
  const expected = doc.type === "html" ? "string" : doc.type;
  if (actual !== expected) return [`${at} is ${actual}, params.json says ${doc.type}`];
  if (doc.type === "object" && doc.params) return checkValues(value, doc.params, doc.additionalParams ?? false, at);
  if (doc.type === "array" && doc.params) {
    return (value as unknown[]).flatMap((item, i) => checkValues(item, doc.params!, doc.additionalParams ?? false, `${at}[${i}]`));
  }
  return [];
}

function checkDoc(doc: ComponentDoc, where: string): string[] {
  const problems: string[] = [];
  if (typeof doc.description !== "string" || doc.description.length < 10) problems.push(`${where}: "description" should say in a sentence what the component is for.`);
  if (!Array.isArray(doc.params)) return [...problems, `${where}: "params" must be a list of { name, type, description }.`];
  const walk = (params: ParamDoc[], prefix: string) => {
    for (const param of params) {
      const at = `${where}: ${prefix}${param.name ?? "?"}`;
      if (!param.name) problems.push(`${at}: every param needs a "name".`);
      if (!PARAM_TYPES.has(param.type)) problems.push(`${at}: "type" must be one of ${[...PARAM_TYPES].join(", ")}, not ${JSON.stringify(param.type)}.`);
      if (typeof param.description !== "string" || !param.description) problems.push(`${at}: every param needs a "description".`);
      if (param.params) walk(param.params, `${prefix}${param.name}.`);
    }
  };
  walk(doc.params, "");
  return problems;
}

/**
 * The top-level params a template reads (`params.<name>`), in the component's own templates and
 * the partials it includes from other folders (question-parts).
 */
export function paramsReadBy(component: Component, componentsDir: string): { own: Set<string>; all: Set<string> } {
  const read = (files: string[]) => new Set(files.flatMap((file) => [...readFileSync(file, "utf8").matchAll(/\bparams\.(\w+)/g)].map((m) => m[1]!)));
  const ownFiles = readdirSync(component.dir).filter((f) => f.endsWith(".njk") && f !== "macro.njk").map((f) => path.join(component.dir, f));
  const partials = (component.doc.include ?? []).flatMap((other) =>
    readdirSync(path.join(componentsDir, other)).filter((f) => f.endsWith(".njk")).map((f) => path.join(componentsDir, other, f)),
  );
  return { own: read(ownFiles), all: read([...ownFiles, ...partials]) };
}

export function slugOf(name: string): string {
  return name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ß/g, "ss")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function readJson<T>(file: string, problems: string[]): T | undefined {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch (error) {
    problems.push(`${path.relative(process.cwd(), file)}: ${(error as Error).message}`);
    return undefined;
  }
}
