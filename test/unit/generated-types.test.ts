// ADR 001: the campaign's TypeScript types are generated from the schema, never written by hand.
// This fails when someone changed schema/campaign.schema.json without `npm run generate:types`.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

describe("src/campaign/campaign-types.ts", () => {
  it("is what scripts/generate-types.mjs makes from the current schema", async () => {
    const { generateTypes } = (await import(path.join(root, "scripts/generate-types.mjs"))) as { generateTypes(): Promise<string> };
    const committed = await readFile(path.join(root, "src/campaign/campaign-types.ts"), "utf8");
    expect(committed, "the schema changed: run `npm run generate:types` and commit src/campaign/campaign-types.ts").toBe(await generateTypes());
  });
});
