// The build's per-survey files: the schema, and a validator the browser can import without ajv.
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, expect, test } from "vitest";
import { emitSurveySchemas } from "../../src/forms/emit.js";
import { surveySchema } from "../../src/forms/survey-schema.js";
import { exampleCampaign, exampleSite, fullMarktplatzAnswers, surveyPage } from "./helpers/campaigns.js";
import { tempDir } from "./helpers/collector.js";

const out = tempDir("emit");
afterAll(() => rmSync(out, { recursive: true, force: true }));

test("writes form.schema.json and a standalone form.validate.js next to every survey", async () => {
  const emitted = await emitSurveySchemas(exampleSite(), out);
  expect(emitted.map((e) => `${e.slug}/${e.pageId}`)).toEqual(["marktplatz/umfrage", "radverkehr/umfrage"]);
  expect(emitted[0]!.files).toEqual(["marktplatz/umfrage/form.schema.json", "marktplatz/umfrage/form.validate.js"]);

  const marktplatz = exampleCampaign("marktplatz");
  const schema = JSON.parse(readFileSync(path.join(out, "marktplatz/umfrage/form.schema.json"), "utf8"));
  expect(schema).toEqual(surveySchema(marktplatz, surveyPage(marktplatz)));
  expect(schema.$id).toBe("https://mitreden.musterstadt.de/marktplatz/umfrage/form.schema.json");

  const file = path.join(out, "marktplatz/umfrage/form.validate.js");
  const source = readFileSync(file, "utf8");
  // Runs under a strict Content-Security-Policy and without a bundler: no eval, no imports. (ajv leaves
  // a require(…) inside a string for its own code generation; importing it below proves it is never called.)
  expect(source).not.toMatch(/\beval\(|new Function|^import /m);
  const { default: validate } = (await import(pathToFileURL(file).href)) as { default: ((data: unknown) => boolean) & { errors?: unknown[] } };
  expect(validate(fullMarktplatzAnswers())).toBe(true);
  expect(validate({ ...fullMarktplatzAnswers(), zufriedenheit: 4 })).toBe(false);
  expect(validate.errors).toContainEqual(expect.objectContaining({ instancePath: "/zufriedenheit_grund", keyword: "false schema" }));
  expect(validate({ ...fullMarktplatzAnswers(), gruppe_termin: "2027-05-01" })).toBe(false);
  expect(validate({ ...fullMarktplatzAnswers(), drei_worte: "ä".repeat(60) })).toBe(true);
});
