// The campaign schema ships compiled ahead of time (scripts/precompile-schema.mjs, run by
// `npm run build:ts`). It must judge every campaign exactly as the schema compiled at run time.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { ErrorObject, ValidateFunction } from "ajv";
import { describe, expect, it } from "vitest";
import { campaignAjv, campaignSchema, campaignSchemaHash, campaignValidator, PRECOMPILED_VALIDATOR } from "../../src/campaign/schema.js";

const campaigns = ["campaigns", "test/fixtures"].flatMap((root) =>
  readdirSync(root, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith("campaign.json"))
    .map((f) => path.join(root, f)),
);
const parsed = campaigns.flatMap((file) => {
  try {
    return [{ file, data: JSON.parse(readFileSync(file, "utf8")) as unknown }];
  } catch {
    return []; // the syntax-error fixtures never reach the schema
  }
});
const summary = (errors: ErrorObject[] | null | undefined) => (errors ?? []).map((e) => ({ at: e.instancePath, keyword: e.keyword, params: e.params, message: e.message, schema: JSON.stringify(e.parentSchema) }));

describe("the precompiled campaign validator", () => {
  it("exists for this schema (npm run build:ts makes it) and is the one used", () => {
    expect(existsSync(PRECOMPILED_VALIDATOR), "run npm run build:ts").toBe(true);
    const compiled = createRequire(import.meta.url)(PRECOMPILED_VALIDATOR) as { schemaHash: string; validate: ValidateFunction };
    expect(compiled.schemaHash).toBe(campaignSchemaHash());
    expect(campaignValidator()).toBe(compiled.validate);
  });

  it("reports the same errors as the schema compiled at run time, for every example and fixture", () => {
    expect(parsed.length).toBeGreaterThan(20);
    const runtime = campaignAjv().compile(campaignSchema());
    const precompiled = campaignValidator();
    let invalid = 0;
    for (const { file, data } of parsed) {
      const ok = runtime(data);
      expect(precompiled(data), file).toBe(ok);
      if (!ok) invalid++;
      expect(summary(precompiled.errors), file).toEqual(summary(runtime.errors));
    }
    expect(invalid).toBeGreaterThan(5);
  });
});
