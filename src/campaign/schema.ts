// The campaign schema, compiled once, and a walk over a campaign guided by it. The walk lets checks
// ask "every LocalizedText", "every Image" or "every date" without a hand-kept list of fields that
// would drift from the schema.
import { readFileSync } from "node:fs";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { packagePath } from "../package-root.js";
import { childPointer } from "./positions.js";

export interface SchemaNode {
  $ref?: string;
  type?: string | string[];
  description?: string;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  required?: string[];
  items?: SchemaNode;
  prefixItems?: SchemaNode[];
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  discriminator?: { propertyName: string };
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
  $defs?: Record<string, SchemaNode>;
  [keyword: string]: unknown;
}


let schema: SchemaNode | undefined;
let validator: ValidateFunction | undefined;

export function campaignSchema(): SchemaNode {
  schema ??= JSON.parse(readFileSync(packagePath("schema", "campaign.schema.json"), "utf8")) as SchemaNode;
  return schema;
}

export function campaignValidator(): ValidateFunction {
  if (!validator) {
    // verbose: errors carry the failing schema and data, which the messages need (lengths, allowed keys).
    const ajv = new Ajv2020({ allErrors: true, discriminator: true, strict: true, strictRequired: false, allowUnionTypes: true, verbose: true });
    // ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
    const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as typeof addFormatsModule.default;
    addFormats(ajv);
    validator = ajv.compile(campaignSchema());
  }
  return validator;
}

/** `#/$defs/Name` → Name. */
export function defName(ref: string): string {
  return ref.replace(/^#\/\$defs\//, "");
}

export function resolveRef(node: SchemaNode): SchemaNode {
  let current = node;
  for (let i = 0; current.$ref && i < 10; i++) current = campaignSchema().$defs?.[defName(current.$ref)] ?? {};
  return current;
}

/** Properties a schema node allows, following $ref (CreditedImage → Image). */
export function allowedProperties(node: SchemaNode): Record<string, SchemaNode> {
  let current: SchemaNode | undefined = node;
  for (let i = 0; current && i < 10; i++) {
    if (current.properties) return current.properties;
    current = current.$ref ? campaignSchema().$defs?.[defName(current.$ref)] : undefined;
  }
  return {};
}

export function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

export function typeMatches(type: string | string[] | undefined, value: unknown): boolean {
  if (type === undefined) return true;
  const actual = jsonType(value);
  const types = Array.isArray(type) ? type : [type];
  return types.includes(actual) || (actual === "integer" && types.includes("number"));
}

export interface SchemaUse {
  /** Name of the $defs entry, e.g. "LocalizedText", "Image". */
  def: string;
  pointer: string;
  value: unknown;
}

/** Every place in `data` where the schema uses a named definition, outermost first. */
export function schemaUses(data: unknown): SchemaUse[] {
  const uses: SchemaUse[] = [];
  walk(campaignSchema(), data, "", uses, 0);
  return uses;
}

function walk(node: SchemaNode, value: unknown, pointer: string, uses: SchemaUse[], depth: number): void {
  if (depth > 64) return;
  if (node.$ref) {
    uses.push({ def: defName(node.$ref), pointer, value });
    walk(campaignSchema().$defs?.[defName(node.$ref)] ?? {}, value, pointer, uses, depth + 1);
  }
  const branch = chooseBranch(node, value);
  if (branch) walk(branch, value, pointer, uses, depth + 1);
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      const itemSchema = node.prefixItems?.[i] ?? node.items;
      if (itemSchema) walk(itemSchema, item, childPointer(pointer, i), uses, depth + 1);
    });
  } else if (typeof value === "object" && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      const childSchema = node.properties?.[key] ?? (typeof node.additionalProperties === "object" ? node.additionalProperties : undefined);
      if (childSchema) walk(childSchema, child, childPointer(pointer, key), uses, depth + 1);
    }
  }
}

/** The branch of an anyOf/oneOf that applies to `value`: by discriminator tag, else by JSON type. */
export function chooseBranch(node: SchemaNode, value: unknown): SchemaNode | undefined {
  const branches = node.oneOf ?? node.anyOf;
  if (!branches) return undefined;
  const tag = node.discriminator?.propertyName;
  if (tag) {
    const tagValue = (value as Record<string, unknown> | null)?.[tag];
    return branches.find((b) => resolveRef(b).properties?.[tag]?.const === tagValue);
  }
  return branches.find((b) => typeMatches(resolveRef(b).type, value));
}
