// Compiles survey schemas with ajv: at runtime for the collector, as standalone code for the browser.
// One set of options for both, so the two validators cannot drift apart.
import { Ajv2020, type Options } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import type { CampaignModel, SurveyPageModel } from "../campaign/model.js";
import { checkAnswers } from "./checks.js";
import type { Answers } from "./fields.js";
import { issuesFromSchemaErrors, type FieldIssue } from "./issues.js";
import { surveySchema } from "./survey-schema.js";

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as typeof addFormatsModule.default;

export function createSurveyAjv(extra: Options = {}): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    strictRequired: false,
    allowUnionTypes: true,
    // 0.1 + 0.2 is not a multiple of 0.1 in binary floating point; ajv rounds to this many digits.
    multipleOfPrecision: 9,
    ...extra,
  });
  addFormats(ajv, { formats: ["email", "date"], keywords: true });
  return ajv;
}

export type ValidateAnswers = (answers: unknown) => { valid: true; answers: Answers } | { valid: false; issues: FieldIssue[] };

/** A validator for one survey: schema first, then the checks a schema cannot express. */
export function compileSurveyValidator(campaign: CampaignModel, page: SurveyPageModel, ajv = createSurveyAjv()): ValidateAnswers {
  const validate = ajv.compile(surveySchema(campaign, page));
  return (answers) => {
    if (!validate(answers)) return { valid: false, issues: issuesFromSchemaErrors(page, validate.errors ?? []) };
    const issues = checkAnswers(page, answers as Answers);
    return issues.length ? { valid: false, issues } : { valid: true, answers: answers as Answers };
  };
}
