// Derives src/campaign/campaign-types.ts from schema/campaign.schema.json, so the types are never written twice.
// Run `npm run generate:types` after changing the schema; a unit test fails when the file is out of date.
import { compile } from "json-schema-to-typescript";
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

export async function generateTypes() {
  const schema = forTypes(JSON.parse(await readFile(root + "schema/campaign.schema.json", "utf8")));
  return compile(schema, "Campaign", {
    bannerComment:
      "/* Generated from schema/campaign.schema.json by scripts/generate-types.mjs. Do not edit: change the schema and run `npm run generate:types`. */",
    additionalProperties: false,
    unreachableDefinitions: true,
    // A list of 2 to 10 options types as [Option, Option, ...Option[]]: the minimum the code may rely on,
    // not a union of nine tuples (the maximum is the schema's to check, with its own error message).
    maxItems: 0,
    style: { singleQuote: false, printWidth: 120 },
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await writeFile(root + "src/campaign/campaign-types.ts", await generateTypes());
  console.log("wrote src/campaign/campaign-types.ts");
}

// The schema speaks to editors and ajv; the type generator needs a plainer dialect of the same facts.
function forTypes(node, key) {
  if (Array.isArray(node)) return node.map((n) => forTypes(n));
  if (!node || typeof node !== "object") return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) out[k] = forTypes(v, k);
  // A description next to a $ref documents the use site only; kept, it makes the generator emit a copy of the type.
  if (out.$ref && key !== "$defs" && Object.keys(out).every((k) => k === "$ref" || k === "description")) delete out.description;
  // Tuples: draft 2020-12 prefixItems, which the generator reads as draft-07 items arrays.
  if (out.prefixItems) {
    out.items = out.prefixItems;
    out.additionalItems = false;
    delete out.prefixItems;
  }
  // Discriminated unions: the shared `type` enum is for ajv's error messages; the union is the oneOf.
  if (out.discriminator && out.oneOf) return { description: out.description, oneOf: out.oneOf };
  return out;
}
