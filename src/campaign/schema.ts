// The campaign schema, compiled once, and a walk over a campaign guided by it. The walk lets checks
// ask "every LocalizedText", "every Image" or "every date" without a hand-kept list of fields that
// would drift from the schema.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Ajv2020, Options, ValidateFunction } from "ajv/dist/2020.js";
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
let schemaText: string | undefined;
let validator: ValidateFunction | undefined;

export function campaignSchema(): SchemaNode {
  schemaText ??= readFileSync(packagePath("schema", "campaign.schema.json"), "utf8");
  schema ??= JSON.parse(schemaText) as SchemaNode;
  return schema;
}

/** Where `npm run build:ts` writes the validator compiled ahead of time (scripts/precompile-schema.mjs). */
export const PRECOMPILED_VALIDATOR = packagePath("dist", "campaign", "campaign-validator.cjs");

/** Hash of the schema the precompiled validator was made from: an edited schema is compiled afresh. */
export function campaignSchemaHash(): string {
  campaignSchema();
  return createHash("sha256").update(schemaText!).digest("hex");
}

/** ajv as the campaign schema needs it; `code` is for the ahead-of-time compilation. */
export function campaignAjv(code?: Options["code"]): Ajv2020 {
  // Required here, not imported at the top: with the precompiled validator a build never needs ajv.
  const require = createRequire(import.meta.url);
  const { Ajv2020 } = require("ajv/dist/2020") as typeof import("ajv/dist/2020.js");
  const addFormatsModule = require("ajv-formats") as typeof import("ajv-formats");
  // verbose: errors carry the failing schema and data, which the messages need (lengths, allowed keys).
  const ajv = new Ajv2020({ allErrors: true, discriminator: true, strict: true, strictRequired: false, allowUnionTypes: true, verbose: true, ...(code ? { code } : {}) });
  // ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
  const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as typeof addFormatsModule.default;
  addFormats(ajv);
  return ajv;
}

export function campaignValidator(): ValidateFunction {
  // Compiling the schema takes ~0.2 s a build; the package ships it compiled, for this very schema.
  validator ??= precompiledValidator() ?? campaignAjv().compile(campaignSchema());
  return validator;
}

function precompiledValidator(): ValidateFunction | undefined {
  if (!existsSync(PRECOMPILED_VALIDATOR)) return undefined;
  const compiled = createRequire(import.meta.url)(PRECOMPILED_VALIDATOR) as { schemaHash?: string; validate?: ValidateFunction };
  return compiled.schemaHash === campaignSchemaHash() ? compiled.validate : undefined;
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
