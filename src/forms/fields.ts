/**
 * The survey form's field names: the contract between the HTML form (templates, browser script)
 * and the collector. The map's contribution form is a survey of three questions on the same
 * contract (contribution.ts). The form helper renders exactly these names; formToAnswers() turns what a
 * plain POST sends into the JSON answers object that surveySchema() describes.
 *
 * Hidden fields (every survey form has them):
 *   _id          idempotency id, a UUID. The browser script fills it with crypto.randomUUID() once per
 *                page view (retries reuse it); left empty without JavaScript, the collector makes one.
 *   _token       form token from GET <collector>/<slug>/<page>/token (see docs/adr/006-abuse-protection.md);
 *                empty without JavaScript.
 *   _locale      the locale of the page the form is on ("de", "en").
 *   _via         only in the script's JSON: the channel of the page's address ("mastodon:endspurt",
 *                from utm_source and utm_content; docs/adr/020-reach-without-cookies.md). A plain
 *                form sends none: the collector reads the channel from its same-origin Referer.
 *   _pow         only for campaigns with `abuse.proofOfWork`: the ALTCHA widget's solution (base64
 *                JSON; docs/adr/025-proof-of-work.md). The widget adds it; a plain form without
 *                JavaScript has none and is stored unverified.
 *   website-url  the honeypot: a text input people never see (off-screen, tabindex="-1",
 *                autocomplete="off", labelled "Leave this field empty"). The hyphen keeps it apart
 *                from question ids, which cannot contain one.
 *
 * Questions (q = question id; "__" joins a question id and a part):
 *   text, textarea, email   q                 the text
 *   date                    q                 YYYY-MM-DD (<input type="date">)
 *   number                  q                 a number; "2,5" is read as 2.5
 *   scale                   q                 radios, value = the number
 *   single                  q                 radios, value = option value
 *   select                  q                 <select>, first option value ""
 *   multiple                q (repeated)      checkboxes, value = option value
 *   "other" (single, multiple)  q = "__other" plus text input q__other
 *   ranking                 q__<value>        one <select> per option with positions "", 1…n
 *                                             (the drag-and-drop script sets the same selects)
 *   location                q__lng, q__lat    hidden inputs the question's map fills (src/client/map)
 *                           q__place          <select> of the map's places, first option ""
 *                           q__description    textarea
 *   consent                 q                 checkbox, value "yes"
 * Empty values count as not answered.
 *
 * JSON answers (POST application/json `{ "answers": {…}, "_id", "_token", "_locale" }`):
 *   text, textarea, email, date, single, select → string; number, scale → number;
 *   multiple → string[]; ranking → string[] of every option value, most important first;
 *   q__other → string; location → { point?: [lng, lat], place?: id, description?: string };
 *   consent → true. Leave out questions that were not answered.
 *
 * The form: <form method="post" action="<collector>/<slug>/<page-id>/responses" accept-charset="utf-8">,
 * urlencoded (no enctype), the submit button without a name. The browser script may POST the JSON
 * above with "Accept: application/json"; errors come back as 4xx JSON
 * { statusCode, error, message, data: { issues: [{ field, reason, message, limit? }] } }, where
 * field is an answer key or hidden field name and message is in the language of _locale;
 * success is 201 (200 for a retry) { id, status: "stored" | "duplicate", thankYou }.
 *
 * Element ids (the error summary links to them): the first control of question q has id="q-<q>";
 * the control of its option n (1-based, n ≥ 2; the "other" choice counts as the last option) is
 * "q-<q>--<n>"; the "other" text "q-<q>--other"; a location's parts "q-<q>--description" etc.
 * (the place select, or the description when there are no places, is "q-<q>"), its point
 * "q-<q>--point" and the button removing it "q-<q>--point-remove", its map "q-<q>--map-…";
 * the honeypot "q-website-url".
 * See controlId(), optionControlId(), controlIdForField().
 *
 * This module runs in the browser too: no Node imports.
 */
import type { QuestionModel, SurveyPageModel } from "../campaign/model.js";
import type { FieldIssue } from "./issues.js";

export const FIELD = { id: "_id", token: "_token", locale: "_locale", honeypot: "website-url", via: "_via", pow: "_pow" } as const;
/** Value of the "other" radio or checkbox; the double underscore keeps it clear of option values. */
export const OTHER_VALUE = "__other";
export const PART_SEPARATOR = "__";

export interface LocationAnswer {
  point?: [number, number];
  place?: string;
  description?: string;
}
export type AnswerValue = string | number | boolean | string[] | LocationAnswer;
export type Answers = Record<string, AnswerValue>;
/** What a urlencoded POST carries: a name once (string) or repeated (string[]). */
export type FormFields = Record<string, string | string[]>;

/** The part after "q__" in a field name: "other", an option value (ranking), "lng", … */
export function fieldName(questionId: string, part?: string): string {
  return part === undefined ? questionId : `${questionId}${PART_SEPARATOR}${part}`;
}

/** The question a field or answer key belongs to: "nutzung__other" → "nutzung". */
export function questionIdOf(field: string): string {
  const at = field.indexOf(PART_SEPARATOR);
  return at > 0 ? field.slice(0, at) : field;
}

/** HTML id of a question's control: controlId("bezug") = "q-bezug", controlId("bezug", "other") = "q-bezug--other". */
export function controlId(questionId: string, part?: string | number): string {
  return part === undefined ? `q-${questionId}` : `q-${questionId}--${part}`;
}

/** HTML id of the control for option `index` (0-based) of a question: the first is controlId(questionId). */
export function optionControlId(questionId: string, index: number): string {
  return index === 0 ? controlId(questionId) : controlId(questionId, index + 1);
}

/**
 * The element an error on `field` (an answer key or form field name, as in the collector's issues)
 * links to; undefined for errors about the whole form ("_form", "_body", "_token", "_id").
 */
export function controlIdForField(field: string): string | undefined {
  if (field === FIELD.honeypot) return controlId(FIELD.honeypot);
  if (field.startsWith("_")) return undefined;
  const questionId = questionIdOf(field);
  return field === fieldName(questionId, "other") ? controlId(questionId, "other") : controlId(questionId);
}

export interface FormMeta {
  id?: string;
  token?: string;
  locale?: string;
  honeypot?: string;
  via?: string;
  pow?: string;
}

/** The hidden fields of a form POST (or of a JSON body, which uses the same names). */
export function readMeta(fields: Record<string, unknown>): FormMeta {
  const one = (name: string) => {
    const value = fields[name];
    const text = Array.isArray(value) ? value[0] : value;
    return typeof text === "string" && text !== "" ? text : undefined;
  };
  return { id: one(FIELD.id), token: one(FIELD.token), locale: one(FIELD.locale), honeypot: one(FIELD.honeypot), via: one(FIELD.via), pow: one(FIELD.pow) };
}

const META_FIELDS = new Set<string>(Object.values(FIELD));

/**
 * A urlencoded form POST → the JSON answers of surveySchema(). Problems the schema cannot see
 * (a ranking with a position twice, a map point without latitude, a field no question has) come back
 * as issues; everything else is left for the schema, so the browser and the collector word it alike.
 */
export function formToAnswers(page: SurveyPageModel, fields: FormFields): { answers: Answers; issues: FieldIssue[] } {
  const answers: Answers = {};
  const issues: FieldIssue[] = [];
  const used = new Set<string>(META_FIELDS);
  for (const question of page.questions) {
    const read = (part?: string) => {
      const name = fieldName(question.id, part);
      used.add(name);
      return values(fields[name]);
    };
    convertQuestion(question, { read, answers, issues, fields, used });
  }
  for (const name of Object.keys(fields)) {
    if (!used.has(name) && values(fields[name]).length > 0) issues.push({ field: name, reason: "unknown" });
  }
  return { answers, issues };
}

/** What converting one question works with: its fields' values, the answers and issues so far, the names read. */
interface Conversion {
  read: (part?: string) => string[];
  answers: Answers;
  issues: FieldIssue[];
  fields: FormFields;
  used: Set<string>;
}

function convertQuestion(question: QuestionModel, conversion: Conversion): void {
  const { read, answers } = conversion;
  const id = question.id;
  const first = (part?: string): string | string[] | undefined => {
    const found = read(part);
    return found.length === 0 ? undefined : found.length === 1 ? found[0] : found;
  };
  switch (question.type) {
    case "multiple": {
      const chosen = read();
      if (chosen.length) answers[id] = chosen;
      break;
    }
    case "number":
    case "scale": {
      const raw = first();
      if (raw !== undefined) answers[id] = typeof raw === "string" ? toNumber(raw) : raw;
      break;
    }
    case "consent": {
      // A checkbox sends its value only when ticked, whatever the value is.
      if (read().length) answers[id] = true;
      break;
    }
    case "ranking":
      convertRanking(question, conversion);
      return;
    case "location":
      convertLocation(id, conversion);
      return;
    default: {
      const raw = first();
      if (raw !== undefined) answers[id] = raw;
    }
  }
  if ("other" in question && question.other) {
    const text = first("other");
    if (text !== undefined) answers[fieldName(id, "other")] = text;
  }
}

function convertRanking(question: Extract<QuestionModel, { type: "ranking" }>, { read, answers, issues, fields, used }: Conversion): void {
  const positions = question.options.map((option) => ({ value: option.value, position: read(option.value)[0] }));
  // A stale page may send a rank for an option that no longer exists: name it, do not drop it silently.
  for (const name of Object.keys(fields)) {
    if (name.startsWith(fieldName(question.id, "")) && !used.has(name)) {
      used.add(name);
      issues.push({ field: question.id, reason: "option" });
    }
  }
  const given = positions.filter((p) => p.position !== undefined);
  if (given.length === 0) return;
  const count = question.options.length;
  // Positions are plain digits: Number() would also read "0x7", "1e0" or " 7 " as a place.
  const numbers = given.map((p) => (/^\d{1,3}$/.test(p.position!.trim()) ? Number(p.position!.trim()) : NaN));
  if (given.length < count || numbers.some((n) => !Number.isInteger(n) || n < 1 || n > count)) {
    issues.push({ field: question.id, reason: "ranking-incomplete", limit: count });
    return;
  }
  if (new Set(numbers).size !== numbers.length) {
    issues.push({ field: question.id, reason: "ranking-duplicate" });
    return;
  }
  answers[question.id] = positions.sort((a, b) => Number(a.position) - Number(b.position)).map((p) => p.value);
}

function convertLocation(id: string, { read, answers, issues }: Conversion): void {
  const parts = ["lng", "lat", "place", "description"].map((part) => read(part));
  // Each part once: a repeated field is refused, never "the first one wins".
  if (parts.some((values) => values.length > 1)) {
    issues.push({ field: id, reason: "location" });
    return;
  }
  const [[lng], [lat], [place], [description]] = parts as [string[], string[], string[], string[]];
  const answer: LocationAnswer = {};
  if (lng !== undefined || lat !== undefined) {
    const point = [toNumber(lng ?? ""), toNumber(lat ?? "")];
    if (typeof point[0] !== "number" || typeof point[1] !== "number") {
      issues.push({ field: id, reason: "location" });
      return;
    }
    answer.point = point as [number, number];
  }
  if (place !== undefined) answer.place = place;
  if (description !== undefined) answer.description = description;
  if (Object.keys(answer).length) answers[id] = answer;
}

/** "2,5" and "2.5" → 2.5; anything else stays text, so the schema reports it as "not a number". */
function toNumber(raw: string): number | string {
  const text = raw.trim();
  if (!/^[-+]?(\d+([.,]\d*)?|[.,]\d+)$/.test(text)) return raw;
  return Number(text.replace(",", "."));
}

function values(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).filter((v) => v.trim() !== "");
}
