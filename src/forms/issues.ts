// What is wrong with a submission, field by field, in words that do not depend on the validator.
// The collector sends these in its 400 bodies; the browser script can map its own ajv errors with
// the same function, so a person reads the same sentence with and without JavaScript.
import type { QuestionModel, SurveyPageModel } from "../campaign/model.js";
import { PART_SEPARATOR, questionIdOf } from "./fields.js";
import { OTHER_RULES_PATH } from "./survey-schema.js";

export type IssueReason =
  // answers
  | "required"
  | "too-long"
  | "option"
  | "number"
  | "integer"
  | "too-small"
  | "too-large"
  | "step"
  | "too-few"
  | "too-many"
  | "ranking-incomplete"
  | "ranking-duplicate"
  | "email"
  | "date"
  | "too-early"
  | "too-late"
  | "hidden"
  | "other-not-chosen"
  | "other-missing"
  | "consent"
  | "location"
  | "outside-area"
  | "invalid"
  | "unknown"
  // the request
  | "honeypot"
  | "too-fast"
  | "pow-missing"
  | "pow-invalid"
  | "pow-expired"
  | "pow-reused"
  | "characters"
  | "cross-site"
  | "id"
  | "id-conflict"
  | "not-open"
  | "closed"
  | "rate-limited"
  | "not-found"
  | "too-large-body"
  | "malformed"
  | "content-type";

export interface FieldIssue {
  /** Answer key or form field name ("bezug", "bezug__other", "_token"); "_form" for the whole form. */
  field: string;
  reason: IssueReason;
  /** The limit broken (max length, minimum, number of options, date), when there is one. */
  limit?: number | string;
}

/** The subset of ajv's ErrorObject this needs (keeps ajv out of the browser bundle's types). */
export interface SchemaError {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  params: Record<string, unknown>;
}

/** ajv errors of surveySchema() → one issue per field, the most useful one first. */
export function issuesFromSchemaErrors(page: SurveyPageModel, errors: readonly SchemaError[]): FieldIssue[] {
  const byField = new Map<string, FieldIssue>();
  for (const error of errors) {
    const issue = toIssue(page, error);
    if (!issue) continue;
    const known = byField.get(issue.field);
    if (!known || rank(issue.reason) < rank(known.reason)) byField.set(issue.field, issue);
  }
  return [...byField.values()].sort((a, b) => order(page, a.field) - order(page, b.field));
}

function toIssue(page: SurveyPageModel, error: SchemaError): FieldIssue | undefined {
  const [, top = "", sub] = error.instancePath.split("/");
  const field = top.replace(/~1/g, "/").replace(/~0/g, "~");
  const question = page.questions.find((q) => q.id === questionIdOf(field || String(error.params.missingProperty ?? "")));
  const limit = error.params.limit as number | string | undefined;
  switch (error.keyword) {
    case "if":
    case "allOf":
      return undefined; // the error inside the branch says what is wrong
    case "required": {
      const missing = String(error.params.missingProperty);
      if (missing.endsWith(`${PART_SEPARATOR}other`)) return { field: missing, reason: "other-missing" };
      return { field: missing, reason: question?.type === "consent" ? "consent" : "required" };
    }
    case "additionalProperties":
      return { field: String(error.params.additionalProperty), reason: "unknown" };
    case "false schema":
      return { field, reason: error.schemaPath.startsWith(OTHER_RULES_PATH) ? "other-not-chosen" : "hidden" };
    case "minLength":
    case "pattern":
      return { field, reason: "required" };
    case "maxLength":
      return { field, reason: "too-long", limit };
    case "type":
      if (question?.type === "number" || question?.type === "scale") return { field, reason: "number" };
      return { field, reason: question?.type === "location" ? "location" : "invalid" };
    case "enum":
      return { field, reason: question?.type === "location" && sub !== "place" ? "location" : "option" };
    case "const":
      return { field, reason: question?.type === "consent" ? "consent" : "option" };
    case "minimum":
    case "maximum":
      if (question?.type === "location") return { field, reason: "outside-area" };
      return { field, reason: error.keyword === "minimum" ? "too-small" : "too-large", limit };
    case "multipleOf":
      return { field, reason: question?.type === "scale" ? "integer" : "step", limit: error.params.multipleOf as number };
    case "minItems":
    case "maxItems":
      if (question?.type === "ranking") return { field, reason: "ranking-incomplete", limit };
      if (question?.type === "location") return { field, reason: "location" };
      return { field, reason: error.keyword === "minItems" ? "too-few" : "too-many", limit };
    case "uniqueItems":
      return { field, reason: question?.type === "ranking" ? "ranking-duplicate" : "option" };
    case "format":
      return { field, reason: question?.type === "email" ? "email" : "date" };
    case "formatMinimum":
      return { field, reason: "too-early", limit };
    case "formatMaximum":
      return { field, reason: "too-late", limit };
    case "minProperties":
      return { field, reason: "required" };
    default:
      return { field: field || "_form", reason: "invalid" };
  }
}

const PRIORITY: IssueReason[] = ["unknown", "hidden", "required", "number", "option", "consent", "ranking-duplicate"];
function rank(reason: IssueReason): number {
  const at = PRIORITY.indexOf(reason);
  return at === -1 ? PRIORITY.length : at;
}

/** Issues in the order of the questions, so the error summary reads like the form. */
function order(page: SurveyPageModel, field: string): number {
  const at = page.questions.findIndex((q) => q.id === questionIdOf(field));
  return at === -1 ? (field.startsWith("_") ? -1 : page.questions.length) : at + (field.includes(PART_SEPARATOR) ? 0.5 : 0);
}

/** The question an issue is about, for its label. */
export function questionOf(page: Pick<SurveyPageModel, "questions">, field: string): QuestionModel | undefined {
  return page.questions.find((q) => q.id === questionIdOf(field));
}

/** A label as plain text, for an error summary: "[Datenschutzhinweise](https://…)" → "Datenschutzhinweise". */
export function plainLabel(markdownText: string): string {
  return markdownText.replace(/\[([^\]]*)\]\([^)]*\)/g, "$1").replace(/[*_`]/g, "");
}

/**
 * A line of the error summary: the question's label, then the message. A label that ends in its
 * own punctuation ("Wo?") is not followed by a colon as well ("Wo?: Bitte …" reads like a typo).
 */
export function summaryLine(label: string, message: string): string {
  if (!label) return message;
  return /[?!:.…]$/.test(label.trim()) ? `${label.trim()} ${message}` : `${label}: ${message}`;
}
