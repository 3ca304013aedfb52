// The forms' one rendering source: what the survey form and the map's contribution form show,
// decided here from the model, what the person typed and the errors; the Nunjucks components in
// templates/components/ (survey-form, contribution-form, question-*) draw it. The site (at build
// time) and the collector (its no-JavaScript error page, at request time) pass these params to the
// same components in the same page environment (src/pages/environment.ts).
import MarkdownIt from "markdown-it";
import { scaleStepText, type CampaignModel, type Locale, type MapPageModel, type QuestionModel, type SurveyPageModel } from "../campaign/model.js";
import { clientConfig } from "./client-config.js";
import { contributionSurvey } from "./contribution.js";
import { controlId, controlIdForField, FIELD, fieldName, type FormFields, optionControlId, OTHER_VALUE, questionIdOf } from "./fields.js";
import { plainLabel as plain, questionOf, summaryLine } from "./issues.js";
import { quoted, uiFormat, uiText } from "./messages.js";

const markdown = new MarkdownIt({ html: false, linkify: true });
const OTHER_MAX_LENGTH = 200;

export interface FormIssue {
  field: string;
  message: string;
}

interface FormInput {
  campaign: CampaignModel;
  locale: Locale;
  /** Where the form POSTs (collectorUrls(campaign, page).submit). */
  action: string;
  /** What the person typed (error page); empty on the site. */
  fields?: FormFields;
  issues?: FormIssue[];
  /** A form token: on the collector's error page the person has spent time on the form already. */
  token?: string;
  /** The proof-of-work widget (site only, campaigns with `abuse.proofOfWork`): its challenge address and worker script. */
  proofOfWork?: { challenge: string; worker: string };
}

/** The params of components/map-frame for a location question's map (the site gives it; the collector's page has none). */
export type MapFrameParams = Record<string, unknown>;
export type LocationQuestion = Extract<QuestionModel, { type: "location" }>;

export interface SurveyFormInput extends FormInput {
  page: SurveyPageModel;
  /** A map to place a location question's point on, where the page can load the map script. */
  mapFrame?: (question: LocationQuestion) => MapFrameParams | undefined;
  /** Where the browser script goes after a successful submission (site only). */
  thankYou?: string;
  /** Root-relative URL of the page's folder, where form.validate.js lies (site only: the script needs it). */
  validatorUrl?: string;
}

export interface ContributionFormInput extends FormInput {
  page: MapPageModel;
}

/** The params of components/survey-form (documented in its macro.njk). */
export function surveyFormParams(input: SurveyFormInput): Record<string, unknown> {
  const { page, locale } = input;
  return {
    ...formParams(input, page, { markRequired: false, mapFrame: input.mapFrame }),
    requiredNote: uiText("requiredNote", locale),
    draftNote: uiText("draftNote", locale),
    submitText: page.submitLabel?.[locale] ?? uiText("submit", locale),
    // Read by the browser script; a JSON data block runs nothing, so a strict CSP stays possible.
    config: input.thankYou ? JSON.stringify(clientConfig(input)).replace(/</g, "\\u003c") : undefined,
  };
}

/** The params of components/contribution-form (documented in its macro.njk): a map page's form, as a survey of three questions. */
export function contributionFormParams(input: ContributionFormInput): Record<string, unknown> {
  const { page, locale } = input;
  const moderation = page.map.contributions.moderation;
  return {
    ...formParams(input, contributionSurvey(input.campaign, page), { markRequired: true }),
    note: uiText(moderation === "before" ? "contributionModeratedBefore" : "contributionModeratedAfter", locale),
    submitText: uiText("contributionSubmit", locale),
  };
}

/** What both forms have: where they go, the error summary, the hidden fields and honeypot, the questions. */
function formParams(input: FormInput, survey: SurveyPageModel, options: Omit<QuestionContext, "page" | "locale">): Record<string, unknown> {
  const { locale } = input;
  const fields = input.fields ?? {};
  const issues = input.issues ?? [];
  const honeypotIssue = issues.find((i) => i.field === FIELD.honeypot);
  return {
    action: input.action,
    // Rendered (hidden and empty) without issues too: the browser script fills the same element.
    summary: { title: uiText("summaryTitle", locale), items: issues.map((issue) => summaryItem(survey, locale, issue)) },
    hidden: [
      { name: FIELD.id, value: "" },
      { name: FIELD.token, value: input.token ?? "" },
      { name: FIELD.locale, value: locale },
    ],
    honeypot: {
      id: controlId(FIELD.honeypot),
      name: FIELD.honeypot,
      label: uiText("honeypotLabel", locale),
      value: first(fields[FIELD.honeypot]),
      error: honeypotIssue ? errorOf(controlId(FIELD.honeypot), [honeypotIssue], locale) : undefined,
    },
    questions: survey.questions.map((q) => questionParams({ ...options, page: survey, locale }, q, fields, issues)),
    pow: input.proofOfWork && { ...input.proofOfWork, language: locale, label: uiText("powLabel", locale) },
  };
}

/**
 * The params of components/error-summary for issues of a form that is not on the page (a closed
 * survey, a body too large to read): the same sentences, without links to fields.
 */
export function errorSummaryParams(page: SurveyPageModel | MapPageModel | undefined, campaign: CampaignModel | undefined, locale: Locale, issues: FormIssue[]): { title: string; items: { text: string }[] } {
  const survey = page?.type === "map" && campaign ? contributionSurvey(campaign, page) : page?.type === "survey" ? page : undefined;
  return { title: uiText("summaryTitle", locale), items: issues.map((issue) => ({ text: summaryItem(survey, locale, issue).text })) };
}

function summaryItem(page: SurveyPageModel | undefined, locale: Locale, issue: FormIssue): { text: string; href?: string } {
  const question = page && questionOf(page, issue.field);
  // A consent label is a long sentence; its message says what is missing on its own.
  const label = question?.type === "consent" ? undefined : question?.label[locale];
  const href = controlIdForField(issue.field);
  return { text: summaryLine(label ? plain(label) : "", issue.message), href: href ? `#${href}` : undefined };
}

/** What a question's params depend on besides the question. */
interface QuestionContext {
  page: SurveyPageModel;
  locale: Locale;
  /** "(Pflichtangabe)" at required questions (the map's form, where every question is); else "(freiwillig)" at optional ones. */
  markRequired: boolean;
  mapFrame?: SurveyFormInput["mapFrame"];
}

type Params = Record<string, unknown>;

function questionParams(input: QuestionContext, q: QuestionModel, fields: FormFields, issues: FormIssue[]): Params {
  const { locale } = input;
  const id = controlId(q.id);
  // The "other" text shows its own error next to it; everything else about a question sits with the question.
  const own = issues.filter((i) => questionIdOf(i.field) === q.id && i.field !== fieldName(q.id, "other"));
  const label = q.label[locale] ?? q.id;
  const optional = !q.required && !label.toLowerCase().includes(uiText("optional", locale).toLowerCase());
  const hint = q.hint?.[locale];
  const condition = conditionHint(input, q);
  const maxLength = q.type === "text" || q.type === "textarea" ? q.maxLength : undefined;
  const error = errorOf(id, own, locale);
  const describedBy = [hint ? `${id}-hint` : "", condition ? `${id}-condition` : "", maxLength ? `${id}-count` : "", error ? error.id : ""]
    .filter(Boolean)
    .join(" ");
  const value = first(fields[q.id]);
  const base: Params = {
    kind: kindOf(q),
    type: q.type,
    questionId: q.id,
    id,
    name: q.id,
    label,
    optionalText: optional && !input.markRequired ? uiText("optional", locale) : undefined,
    requiredText: q.required && input.markRequired ? uiText("requiredMark", locale) : undefined,
    // Told to assistive technology too (radio groups: aria-required, question-choices).
    required: q.required || undefined,
    hint: hint ? { id: `${id}-hint`, text: hint } : undefined,
    condition: condition ? { id: `${id}-condition`, text: condition } : undefined,
    showIf: q.showIf ? JSON.stringify(q.showIf) : undefined,
    error,
    describedBy: describedBy || undefined,
    value,
  };
  switch (q.type) {
    case "text":
    case "textarea":
      return { ...base, maxLength, count: { id: `${id}-count`, text: uiFormat("charactersLimit", locale, { limit: q.maxLength }) } };
    case "email":
      return { ...base, inputType: "email", autocomplete: "email", spellcheck: false };
    case "date":
      return { ...base, inputType: "date", min: q.min, max: q.max };
    case "number":
      // type=text with inputmode: type=number drops what it cannot parse, and "2,5" must reach the validator.
      return { ...base, inputType: "text", inputmode: q.step !== undefined && Number.isInteger(q.step) ? "numeric" : "decimal", width: "--width-4" };
    case "select":
      return { ...base, items: [{ value: "", text: uiText("choose", locale), selected: value === "" }, ...q.options.map((o) => ({ value: o.value, text: o.label[locale] ?? o.value, selected: value === o.value }))] };
    case "single":
    case "multiple":
    case "scale":
      return { ...base, ...choiceParams(input, q, fields, issues) };
    case "ranking":
      return {
        ...base,
        rankingHint: uiFormat("rankingHint", locale, { count: q.options.length }),
        moveUp: uiText("moveUp", locale),
        moveDown: uiText("moveDown", locale),
        items: q.options.map((o, i) => {
          const current = first(fields[fieldName(q.id, o.value)]);
          return {
            id: optionControlId(q.id, i),
            name: fieldName(q.id, o.value),
            value: o.value,
            text: o.label[locale] ?? o.value,
            positions: [{ value: "", text: "–", selected: current === "" }, ...q.options.map((_, n) => ({ value: String(n + 1), text: String(n + 1), selected: current === String(n + 1) }))],
          };
        }),
      };
    case "location": {
      const place = first(fields[fieldName(q.id, "place")]);
      const hasPlaces = q.map.places.length > 0;
      const [lng, lat] = [first(fields[fieldName(q.id, "lng")]), first(fields[fieldName(q.id, "lat")])];
      return {
        ...base,
        // A point set on the map travels on unchanged (hidden fields) and is shown when there is one;
        // the map script shows where it is (or that there is none yet) and lets it be removed.
        map: input.mapFrame?.(q),
        point: {
          inputs: ["lng", "lat"].map((axis) => ({ name: fieldName(q.id, axis), id: controlId(q.id, axis), value: first(fields[fieldName(q.id, axis)]) })),
          id: controlId(q.id, "point"),
          label: uiText("mapPoint", locale),
          text: lng && lat ? `${lat}, ${lng}` : "",
          remove: { id: controlId(q.id, "point-remove"), text: uiText("mapRemovePoint", locale) },
        },
        place: hasPlaces
          ? {
              id,
              name: fieldName(q.id, "place"),
              label: uiText("locationPlace", locale),
              items: [{ value: "", text: uiText("choose", locale), selected: place === "" }, ...q.map.places.map((p) => ({ value: p.id, text: p.label[locale] ?? p.id, selected: place === p.id }))],
            }
          : undefined,
        description: {
          id: hasPlaces ? controlId(q.id, "description") : id,
          name: fieldName(q.id, "description"),
          label: uiText("locationDescription", locale),
          value: first(fields[fieldName(q.id, "description")]),
          maxLength: q.map.contributions.maxLength,
        },
      };
    }
    case "consent":
      // The label is Markdown with the link to the privacy notice.
      return { ...base, labelHtml: markdown.renderInline(label), checkValue: "yes", checked: all(fields[q.id]).length > 0, requiredText: uiText("requiredMark", locale) };
  }
}

function choiceParams(input: QuestionContext, q: Extract<QuestionModel, { type: "single" | "multiple" | "scale" }>, fields: FormFields, issues: FormIssue[]): Params {
  const { locale } = input;
  const chosen = all(fields[q.id]);
  let choices: { value: string; text: string }[];
  if (q.type === "scale") {
    choices = Array.from({ length: q.max - q.min + 1 }, (_, i) => ({ value: String(q.min + i), text: scaleStepText(q, q.min + i, locale) }));
  } else {
    choices = q.options.map((o) => ({ value: o.value, text: o.label[locale] ?? o.value }));
    if (q.other) choices.push({ value: OTHER_VALUE, text: uiText("otherLabel", locale) });
  }
  const otherName = fieldName(q.id, "other");
  const otherId = controlId(q.id, "other");
  const otherIssues = issues.filter((i) => i.field === otherName);
  const otherError = errorOf(otherId, otherIssues, locale);
  return {
    inputType: q.type === "multiple" ? "checkbox" : "radio",
    // A scale's steps sit side by side: they read as one line of numbers.
    horizontal: q.type === "scale",
    items: choices.map((c, i) => ({ id: optionControlId(q.id, i), value: c.value, text: c.text, checked: chosen.includes(c.value), other: c.value === OTHER_VALUE })),
    other:
      "other" in q && q.other
        ? { id: otherId, name: otherName, label: uiText("otherLabel", locale), value: first(fields[otherName]), maxLength: OTHER_MAX_LENGTH, error: otherError }
        : undefined,
  };
}

function kindOf(q: QuestionModel): string {
  switch (q.type) {
    case "text":
    case "email":
    case "date":
    case "number":
      return "input";
    case "single":
    case "multiple":
    case "scale":
      return "choices";
    default:
      return q.type;
  }
}

/** Without JavaScript every question is shown; say when a follow-up question applies. */
export function conditionHint(input: Pick<QuestionContext, "page" | "locale">, q: QuestionModel): string {
  if (!q.showIf) return "";
  const trigger = input.page.questions.find((t) => t.id === q.showIf!.question);
  if (!trigger) return "";
  const labelOf = (v: string | number | boolean) =>
    ("options" in trigger ? trigger.options.find((o) => o.value === v)?.label[input.locale] : undefined) ?? String(v);
  const quote = (text: string) => quoted(text, input.locale);
  const values = q.showIf.values.map((v) => quote(labelOf(v))).join(uiText("conditionOr", input.locale));
  return uiFormat("conditionHint", input.locale, { question: plain(trigger.label[input.locale] ?? trigger.id), values });
}

/** The error under a control; its id is `<control id>-error`, which aria-describedby names. */
function errorOf(controlElementId: string, issues: FormIssue[], locale: Locale): { id: string; prefix: string; text: string } | undefined {
  if (!issues.length) return undefined;
  return { id: `${controlElementId}-error`, prefix: `${uiText("errorTitlePrefix", locale)}:`, text: issues.map((i) => i.message).join(" ") };
}


function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

function all(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}
