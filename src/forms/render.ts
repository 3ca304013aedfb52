// The survey form's one rendering source. The site (survey page, at build time) and the collector
// (its no-JavaScript error page, at request time) both call renderSurveyForm(): this file turns the
// model, what the person typed and the errors into the params of the Nunjucks components in
// templates/components/ (survey-form, question-*), which print them. Decisions live here, markup there.
import MarkdownIt from "markdown-it";
import nunjucks from "nunjucks";
import type { CampaignModel, Locale, QuestionModel, SurveyPageModel } from "../campaign/model.js";
import { packagePath } from "../package-root.js";
import { controlId, controlIdForField, FIELD, fieldName, type FormFields, optionControlId, OTHER_VALUE, questionIdOf } from "./fields.js";
import { questionOf } from "./issues.js";
import { quoted, uiFormat, uiText } from "./messages.js";
import { clientConfig } from "./client-config.js";

const markdown = new MarkdownIt({ html: false, linkify: true });
const OTHER_MAX_LENGTH = 200;

export interface FormIssue {
  field: string;
  message: string;
}

export interface SurveyFormInput {
  campaign: CampaignModel;
  page: SurveyPageModel;
  locale: Locale;
  /** Where the form POSTs: <collector>/<slug>/<page>/responses. */
  action: string;
  /** What the person typed (error page); empty on the site. */
  fields?: FormFields;
  issues?: FormIssue[];
  token?: string;
  /** Where the browser script goes after a successful submission (site only). */
  thankYou?: string;
  /** Root-relative URL of the page's folder, where form.validate.js lies (site only: the script needs it). */
  validatorUrl?: string;
}

const environments = new Map<string, nunjucks.Environment>();

/** One Environment per templates folder; only the components' own filters, nothing of the site's. */
function environment(templatesDir: string): nunjucks.Environment {
  let env = environments.get(templatesDir);
  if (!env) {
    env = new nunjucks.Environment(new nunjucks.FileSystemLoader(templatesDir, { noCache: false }), {
      autoescape: true,
      trimBlocks: true,
      lstripBlocks: true,
      throwOnUndefined: false,
    });
    environments.set(templatesDir, env);
  }
  return env;
}

/** The whole <form> (with its error summary when there are issues) as HTML. */
export function renderSurveyForm(input: SurveyFormInput, templatesDir = packagePath("templates")): string {
  const params = surveyFormParams(input);
  return environment(templatesDir).renderString('{% from "components/survey-form/macro.njk" import mrSurveyForm %}{{ mrSurveyForm(params) }}', {
    params,
  });
}

/** The params of components/survey-form (documented in its macro.njk). */
export function surveyFormParams(input: SurveyFormInput): Record<string, unknown> {
  const { page, locale } = input;
  const fields = input.fields ?? {};
  const issues = input.issues ?? [];
  const honeypotIssue = issues.find((i) => i.field === FIELD.honeypot);
  return {
    action: input.action,
    lang: locale,
    summary: issues.length
      ? { title: uiText("summaryTitle", locale), items: issues.map((issue) => summaryItem(input, issue)) }
      : { title: uiText("summaryTitle", locale), items: [] },
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
    requiredNote: uiText("requiredNote", locale),
    draftNote: uiText("draftNote", locale),
    questions: page.questions.map((q) => questionParams(input, q, fields, issues)),
    submitText: page.submitLabel?.[locale] ?? uiText("submit", locale),
    // Read by the browser script; a JSON data block runs nothing, so a strict CSP stays possible.
    config: input.thankYou ? JSON.stringify(clientConfig(input)).replace(/</g, "\\u003c") : undefined,
  };
}

function summaryItem(input: SurveyFormInput, issue: FormIssue): { text: string; href?: string } {
  const question = questionOf(input.page, issue.field);
  // A consent label is a long sentence; its message says what is missing on its own.
  const label = question?.type === "consent" ? undefined : question?.label[input.locale];
  const href = controlIdForField(issue.field);
  return { text: label ? `${plain(label)}: ${issue.message}` : issue.message, href: href ? `#${href}` : undefined };
}

type Params = Record<string, unknown>;

function questionParams(input: SurveyFormInput, q: QuestionModel, fields: FormFields, issues: FormIssue[]): Params {
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
    optionalText: optional ? uiText("optional", locale) : undefined,
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
      return {
        ...base,
        // A point set on the map travels on unchanged; the map itself needs the browser script.
        point: ["lng", "lat"].map((axis) => ({ name: fieldName(q.id, axis), id: controlId(q.id, axis), value: first(fields[fieldName(q.id, axis)]) })),
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

function choiceParams(input: SurveyFormInput, q: Extract<QuestionModel, { type: "single" | "multiple" | "scale" }>, fields: FormFields, issues: FormIssue[]): Params {
  const { locale } = input;
  const chosen = all(fields[q.id]);
  let choices: { value: string; text: string }[];
  if (q.type === "scale") {
    const label = (n: number) =>
      n === q.min && q.minLabel ? `${n} – ${q.minLabel[locale]}` : n === q.max && q.maxLabel ? `${n} – ${q.maxLabel[locale]}` : String(n);
    choices = Array.from({ length: q.max - q.min + 1 }, (_, i) => ({ value: String(q.min + i), text: label(q.min + i) }));
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
export function conditionHint(input: Pick<SurveyFormInput, "page" | "locale">, q: QuestionModel): string {
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

/** "[Datenschutzhinweise](https://…)" → "Datenschutzhinweise". */
export function plain(markdownText: string): string {
  return markdownText.replace(/\[([^\]]*)\]\([^)]*\)/g, "$1").replace(/[*_`]/g, "");
}

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

function all(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}
