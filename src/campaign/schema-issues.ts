// Turns ajv's errors into one clear issue per mistake. ajv reports every branch it tried: a wrong
// LocalizedText yields three errors (not a string, not an object, matches no anyOf branch), a wrong
// page type two (enum and discriminator). Authors need one message each, at the right spot.
import type { ErrorObject } from "ajv";
import { allowedProperties, campaignSchema, resolveRef, typeMatches, type SchemaNode } from "./schema.js";
import { childPointer, fromPointer } from "./positions.js";
import { didYouMean, quoteList } from "./suggest.js";
import { fieldName, formatMessage, patternMessage, typeMessage } from "./schema-messages.js";

export interface SchemaIssue {
  pointer: string;
  /** Report at the member's key (unknown keys) or at the value. */
  at: "key" | "value";
  message: string;
}

/** Fields whose error lists every choice even when a near spelling is suggested. */
const LIST_EVERY_CHOICE = new Set(["shape"]);

type AjvError = ErrorObject & { parentSchema?: SchemaNode; schema?: unknown; data?: unknown; propertyName?: string };

export function schemaIssues(ajvErrors: readonly ErrorObject[]): SchemaIssue[] {
  const errors = collapseBranches(ajvErrors as AjvError[]);
  const issues: RankedIssue[] = [];
  for (const error of errors) {
    const issue = describe(error, errors);
    if (issue) issues.push({ ...issue, rank: issue.at === "value" ? SHAPE_RANK.indexOf(error.keyword) : -1 });
  }
  return keepOneShapeIssuePerValue(issues);
}

/** Keeps, of each anyOf, only the errors of the branch that fits the value's JSON type. */
function collapseBranches(all: AjvError[]): AjvError[] {
  let errors = [...all];
  const unions = errors.filter((e) => e.keyword === "anyOf").sort((a, b) => a.instancePath.length - b.instancePath.length);
  for (const union of unions) {
    if (!errors.includes(union)) continue;
    const path = union.instancePath;
    const branches = (union.schema as SchemaNode[]) ?? [];
    const chosen = branches.find((b) => typeMatches(resolveRef(b).type, union.data));
    errors = errors.filter((e) => {
      // With no fitting branch, the anyOf's own message ("must be a text or …") says it all.
      if (e === union) return !chosen;
      const inside = e.instancePath === path || e.instancePath.startsWith(path + "/");
      if (!inside) return true;
      if (!chosen) return false;
      // Only the other branches' complaints about this very value are noise ("must be string").
      return !(e.instancePath === path && branches.includes(e.parentSchema as SchemaNode) && e.parentSchema !== chosen);
    });
  }
  return errors;
}

function describe(e: AjvError, all: AjvError[]): SchemaIssue | undefined {
  const pointer = e.instancePath;
  const value = (message: string): SchemaIssue => ({ pointer, at: "value", message });
  const params = e.params as Record<string, unknown>;
  // A property name failing its pattern (a LocalizedText key like "EN") is reported at that key.
  if (e.propertyName !== undefined) {
    return { pointer: childPointer(pointer, e.propertyName), at: "key", message: `"${e.propertyName}": ${keyMessage(e)}` };
  }
  switch (e.keyword) {
    case "required":
      return value(requiredMessage(String(params.missingProperty), e.parentSchema ?? {}, pointer));
    case "additionalProperties": {
      const key = String(params.additionalProperty);
      const allowed = Object.keys(allowedProperties(e.parentSchema ?? {}));
      const hint = didYouMean(key, allowed) || `; allowed here: ${allowed.join(", ")}`;
      return { pointer: childPointer(pointer, key), at: "key", message: `unknown field "${key}"${hint}` };
    }
    case "enum": {
      const allowed = (params.allowedValues as unknown[]).filter((v): v is string => typeof v === "string");
      const field = fieldName(pointer);
      const what = field && !pointer.endsWith(`/${field}`) ? "value" : (field ?? "value");
      const hint = typeof e.data === "string" ? didYouMean(e.data, allowed) : "";
      // A shape is chosen by how it looks, not spelled from memory: whoever writes "star" or
      // "sqare" needs to see every shape there is, next to the nearest spelling.
      if (hint && LIST_EVERY_CHOICE.has(what)) return value(`unknown ${what} ${JSON.stringify(e.data)}${hint} Choices: ${quoteList(allowed)}`);
      return value(`unknown ${what} ${JSON.stringify(e.data)}${hint || ` — use one of ${quoteList(allowed)}`}`);
    }
    case "const":
      if (params.allowedValue === true && pointer.endsWith("/required")) {
        return value('a consent question is always required: write "required": true or leave it out');
      }
      return value(`must be ${JSON.stringify(params.allowedValue)}`);
    case "discriminator":
      // The enum on `type` or the missing `type` already says it, at a better spot.
      if (all.some((o) => o !== e && (o.instancePath === `${pointer}/type` || (o.instancePath === pointer && o.keyword === "required")))) return undefined;
      return value(`"${String(params.tag)}" must be one of the known types`);
    case "propertyNames":
      return undefined;
    case "type":
      return value(typeMessage(String(params.type), e.data));
    case "pattern":
      return value(patternMessage(String(params.pattern), pointer, e.data));
    case "format":
      return value(formatMessage(String(params.format), pointer, e.data));
    case "minLength":
      return value(params.limit === 1 ? "must not be empty" : `must be at least ${String(params.limit)} characters long`);
    case "maxLength": {
      const length = [...String(e.data)].length;
      const limit = Number(params.limit);
      return value(`${subjectOf(e)}too long: ${length} characters, at most ${limit} allowed (${length - limit} too many)`);
    }
    case "minItems":
    case "maxItems":
      return value(itemsMessage(e, pointer));
    case "uniqueItems": {
      const items = e.data as unknown[];
      const i = Number(params.i);
      return { pointer: childPointer(pointer, i), at: "value", message: `${JSON.stringify(items[i])} is listed twice; remove one` };
    }
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum":
      return value(rangeMessage(e));
    case "minProperties":
      if (inDef(e, "ShowIf")) return value('needs "equals": <answer> or "in": [<answers>], the answer that shows this question');
      return value('must not be empty: give the text in at least one language, e.g. { "de": "…" }');
    case "not": {
      const together = (e.parentSchema?.not as SchemaNode | undefined)?.required ?? [];
      const key = /dependentSchemas\/([^/]+)\/not$/.exec(e.schemaPath)?.[1];
      const all = key ? [key, ...together] : together;
      return value(`use only one of ${quoteList(all)}, not both`);
    }
    case "anyOf":
      return value(anyOfMessage(e.schema));
    default:
      return value(e.message ?? "is not valid");
  }
}

/**
 * Whether the failing keyword sits directly in `$defs/<name>` (or in the part `pick` of it). By
 * content, not by object identity: the precompiled validator carries its own copy of the schema.
 */
function inDef(e: AjvError, name: string, pick: (def: SchemaNode) => unknown = (def) => def): boolean {
  const def = campaignSchema().$defs?.[name];
  const expected = def && pick(def);
  return expected !== undefined && (e.parentSchema === expected || JSON.stringify(e.parentSchema) === JSON.stringify(expected));
}

/** "the de text of "title" is " for one language of a length-limited text, else "". */
function subjectOf(e: AjvError): string {
  const segments = fromPointer(e.instancePath);
  const perLanguage = ["Text90", "Text200"].some((name) => inDef(e, name, (def) => def.anyOf?.[1]?.additionalProperties));
  const field = perLanguage ? segments.at(-2) : segments.at(-1);
  if (perLanguage) return `the "${segments.at(-1)}" text of "${field}" is `;
  return field && !/^\d+$/.test(field) ? `"${field}" is ` : "";
}

function keyMessage(e: AjvError): string {
  if (e.keyword === "pattern") return patternMessage(String((e.params as { pattern: string }).pattern), "", e.propertyName);
  return e.message ?? "is not a valid key";
}

function requiredMessage(missing: string, parent: SchemaNode, pointer: string): string {
  const property = allowedProperties(parent)[missing];
  const resolved = property ? resolveRef(property) : undefined;
  let hint = "";
  if (resolved?.enum) hint = ` — one of ${quoteList(resolved.enum)}`;
  else if (property?.description ?? resolved?.description) hint = ` — ${property?.description ?? resolved?.description}`;
  const shared = pointer === "" && ["organization", "site", "theme"].includes(missing) ? " Put it in campaign.json or in site.json, which all campaigns share." : "";
  return `missing required field "${missing}"${hint}${shared}`;
}

function itemsMessage(e: AjvError, pointer: string): string {
  const limit = Number((e.params as { limit: number }).limit);
  const count = Array.isArray(e.data) ? e.data.length : 0;
  if (inDef(e, "LngLat")) return `must be [longitude, latitude]: two numbers, not ${count}`;
  const field = fieldName(pointer) ?? "list";
  return e.keyword === "minItems"
    ? `"${field}" needs at least ${limit} ${limit === 1 ? "entry" : "entries"}, has ${count}`
    : `"${field}" has ${count} entries, at most ${limit} allowed`;
}

function rangeMessage(e: AjvError): string {
  const { comparison, limit } = e.params as { comparison: string; limit: number };
  const words: Record<string, string> = { "<=": "at most", ">=": "at least", "<": "less than", ">": "greater than" };
  const description = e.parentSchema?.description;
  const subject = description && /^\w+\.?$/.test(description) ? description.replace(/\.$/, "") : "must be";
  const bound = `${words[comparison] ?? comparison} ${limit}, is ${String(e.data)}`;
  if (subject === "Longitude" || subject === "Latitude") return `${subject} must be ${bound} — coordinates are written [longitude, latitude]`;
  return subject === "must be" ? `must be ${bound}` : `${subject} must be ${bound}`;
}

function anyOfMessage(branches: unknown): string {
  const defs = campaignSchema().$defs ?? {};
  // By content: the precompiled validator's errors point into its own copy of the schema.
  const wanted = JSON.stringify(branches);
  const is = (name: string) => defs[name]?.anyOf !== undefined && JSON.stringify(defs[name]?.anyOf) === wanted;
  if (is("LocalizedText") || is("Text90") || is("Text200")) {
    return 'must be a text, or an object with one text per language, e.g. { "de": "…", "en": "…" }';
  }
  if (is("Option")) return 'must be a text (used as value and label) or { "value": "…", "label": "…" }';
  if (is("GeoJSONSource")) return 'must be the path of a GeoJSON file, e.g. "media/gebiet.geojson", or inline GeoJSON { "type": "Polygon", … }';
  const types = (Array.isArray(branches) ? (branches as SchemaNode[]) : []).map((b) => resolveRef(b).type).filter(Boolean);
  return `must be ${types.join(" or ")}`;
}

// ajv may find a value both of the wrong format and the wrong pattern ("mitreden.de" for a URL);
// one message about what the value should look like is enough.
const SHAPE_RANK = ["type", "pattern", "format", "minLength", "maxLength"];

type RankedIssue = SchemaIssue & { rank: number };

function keepOneShapeIssuePerValue(issues: RankedIssue[]): SchemaIssue[] {
  const best = new Map<string, RankedIssue>();
  for (const issue of issues) {
    if (issue.rank < 0) continue;
    const current = best.get(issue.pointer);
    if (!current || issue.rank < current.rank) best.set(issue.pointer, issue);
  }
  return issues.filter((issue) => issue.rank < 0 || best.get(issue.pointer) === issue).map(({ rank: _rank, ...issue }) => issue);
}
