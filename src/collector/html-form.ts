// The survey form again, filled with what the person typed and with each error next to its field:
// what the collector shows when a submission without JavaScript has problems. Plain accessible HTML
// (fieldset + legend per question, hint and error linked with aria-describedby), self-contained
// because the site's templates are rendered at build time and the collector cannot reuse them.
import MarkdownIt from "markdown-it";
import type { CampaignModel, Locale, QuestionModel, SurveyPageModel } from "../campaign/model.js";
import { CONSENT_VALUE, controlId, FIELD, fieldName, type FormFields, optionControlId, OTHER_VALUE, questionIdOf } from "../forms/fields.js";
import { uiText } from "../forms/messages.js";
import type { ReportedIssue } from "./errors.js";

const markdown = new MarkdownIt({ html: false, linkify: true });

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

export interface FormRender {
  campaign: CampaignModel;
  page: SurveyPageModel;
  locale: Locale;
  action: string;
  fields: FormFields;
  issues: ReportedIssue[];
  /** A fresh form token: the person has now spent time on the form, so the next try counts as verified. */
  token?: string;
}

export function renderSurveyForm(r: FormRender): string {
  // The "other" text shows its own error next to it; everything else about a question sits at its top.
  const errorFor = (questionId: string) =>
    r.issues.filter((i) => questionIdOf(i.field) === questionId && i.field !== fieldName(questionId, "other"));
  const questions = r.page.questions.map((q) => renderQuestion(r, q, errorFor(q.id))).join("\n");
  const submit = r.page.submitLabel?.[r.locale] ?? uiText("submit", r.locale);
  return `<form method="post" action="${escapeHtml(r.action)}" id="survey-form" class="mitreden-survey" accept-charset="utf-8" novalidate>
<input type="hidden" name="${FIELD.id}" value="">
<input type="hidden" name="${FIELD.token}" value="${escapeHtml(r.token ?? "")}">
<input type="hidden" name="${FIELD.locale}" value="${escapeHtml(r.locale)}">
${renderHoneypot(r)}
${questions}
<button type="submit" class="kern-btn kern-btn--primary">${escapeHtml(submit)}</button>
</form>`;
}

function renderHoneypot(r: FormRender): string {
  const issue = r.issues.find((i) => i.field === FIELD.honeypot);
  const value = first(r.fields[FIELD.honeypot]);
  // Shown only when it was filled in (autofill, a person): then they must see it to empty it.
  const attrs = issue ? `class="mitreden-question mitreden-question--error"` : `class="mitreden-honeypot" aria-hidden="true"`;
  return `<div ${attrs}>
<label for="${controlId(FIELD.honeypot)}">${escapeHtml(uiText("honeypotLabel", r.locale))}</label>
${issue ? errorMessage(controlId(FIELD.honeypot), [issue], r.locale) : ""}
<input type="text" id="${controlId(FIELD.honeypot)}" name="${FIELD.honeypot}" value="${escapeHtml(value)}"${issue ? "" : ` tabindex="-1"`} autocomplete="off">
</div>`;
}

function renderQuestion(r: FormRender, q: QuestionModel, issues: ReportedIssue[]): string {
  const label = q.label[r.locale] ?? "";
  const hintId = `${controlId(q.id)}-hint`;
  const hintText = [q.hint?.[r.locale], conditionHint(r, q)].filter(Boolean).join(" ");
  const hint = hintText ? `<div class="mitreden-hint" id="${hintId}">${escapeHtml(hintText)}</div>` : "";
  const error = errorMessage(controlId(q.id), issues, r.locale);
  const describedBy = [hintText ? hintId : "", issues.length ? `${controlId(q.id)}-error` : ""].filter(Boolean).join(" ");
  const described = describedBy ? ` aria-describedby="${describedBy}"` : "";
  // aria-invalid belongs on controls; a fieldset only points to its hint and error.
  const aria = `${described}${issues.length ? ` aria-invalid="true"` : ""}`;
  const optional = q.required ? "" : ` <span class="mitreden-optional">(${escapeHtml(uiText("optional", r.locale))})</span>`;
  const value = first(r.fields[q.id]);
  const wrap = (inner: string) =>
    `<div class="mitreden-question${issues.length ? " mitreden-question--error" : ""}" id="question-${q.id}">\n${inner}\n</div>`;
  const single = (control: string) =>
    wrap(`<label for="${controlId(q.id)}">${escapeHtml(label)}${optional}</label>\n${hint}${error}${control}`);
  const group = (controls: string) =>
    wrap(`<fieldset${described}>\n<legend>${escapeHtml(label)}${optional}</legend>\n${hint}${error}${controls}\n</fieldset>`);
  const input = (type: string, extra = "") =>
    `<input type="${type}" id="${controlId(q.id)}" name="${q.id}" value="${escapeHtml(value)}"${extra}${aria}>`;

  switch (q.type) {
    case "text":
      return single(input("text", ` maxlength="${q.maxLength}"`));
    case "email":
      return single(input("email", ` autocomplete="email" spellcheck="false"`));
    case "date":
      return single(input("date", `${q.min ? ` min="${q.min}"` : ""}${q.max ? ` max="${q.max}"` : ""}`));
    case "number":
      return single(input("text", ` inputmode="decimal"`));
    case "textarea":
      return single(`<textarea id="${controlId(q.id)}" name="${q.id}" rows="5" maxlength="${q.maxLength}"${aria}>${escapeHtml(value)}</textarea>`);
    case "select": {
      const options = q.options.map((o) => option(o.value, o.label[r.locale] ?? o.value, value === o.value)).join("");
      return single(`<select id="${controlId(q.id)}" name="${q.id}"${aria}>${option("", uiText("choose", r.locale), value === "")}${options}</select>`);
    }
    case "single":
    case "multiple": {
      const type = q.type === "single" ? "radio" : "checkbox";
      const chosen = all(r.fields[q.id]);
      const choices = q.options.map((o) => ({ value: o.value, label: o.label[r.locale] ?? o.value }));
      if (q.other) choices.push({ value: OTHER_VALUE, label: uiText("otherLabel", r.locale) });
      const controls = choices.map((c, i) => choice(type, optionControlId(q.id, i), q.id, c.value, c.label, chosen.includes(c.value)));
      if (q.other) controls.push(otherText(r, q.id));
      return group(controls.join("\n"));
    }
    case "scale": {
      const steps = Array.from({ length: q.max - q.min + 1 }, (_, i) => q.min + i);
      const stepLabel = (n: number) =>
        n === q.min && q.minLabel ? `${n} – ${q.minLabel[r.locale]}` : n === q.max && q.maxLabel ? `${n} – ${q.maxLabel[r.locale]}` : String(n);
      return group(steps.map((n, i) => choice("radio", optionControlId(q.id, i), q.id, String(n), stepLabel(n), value === String(n))).join("\n"));
    }
    case "ranking": {
      const positions = q.options.map((_, i) => String(i + 1));
      const selects = q.options.map((o, i) => {
        const name = fieldName(q.id, o.value);
        const current = first(r.fields[name]);
        const choices = option("", "–", current === "") + positions.map((p) => option(p, p, current === p)).join("");
        return `<div class="mitreden-ranking-item"><label for="${optionControlId(q.id, i)}">${escapeHtml(o.label[r.locale] ?? o.value)}</label> <select id="${optionControlId(q.id, i)}" name="${escapeHtml(name)}">${choices}</select></div>`;
      });
      return group(selects.join("\n"));
    }
    case "location":
      return group(locationControls(r, q));
    case "consent": {
      const checked = all(r.fields[q.id]).length > 0;
      return wrap(`${error}<div class="mitreden-choice"><input type="checkbox" id="${controlId(q.id)}" name="${q.id}" value="${CONSENT_VALUE}"${checked ? " checked" : ""}${aria}>
<label for="${controlId(q.id)}">${markdown.renderInline(label)}</label></div>${hint}`);
    }
  }
}

function locationControls(r: FormRender, q: Extract<QuestionModel, { type: "location" }>): string {
  const place = first(r.fields[fieldName(q.id, "place")]);
  const description = first(r.fields[fieldName(q.id, "description")]);
  const parts: string[] = [];
  // A point set on the map travels on unchanged; the map itself needs the browser script.
  for (const axis of ["lng", "lat"]) {
    const v = first(r.fields[fieldName(q.id, axis)]);
    if (v) parts.push(`<input type="hidden" name="${fieldName(q.id, axis)}" value="${escapeHtml(v)}">`);
  }
  const descriptionId = q.map.places.length ? controlId(q.id, "description") : controlId(q.id);
  if (q.map.places.length) {
    const options = q.map.places.map((p) => option(p.id, p.label[r.locale] ?? p.id, place === p.id)).join("");
    parts.push(`<label for="${controlId(q.id)}">${escapeHtml(uiText("locationPlace", r.locale))}</label>
<select id="${controlId(q.id)}" name="${fieldName(q.id, "place")}">${option("", uiText("choose", r.locale), place === "")}${options}</select>`);
  }
  parts.push(`<label for="${descriptionId}">${escapeHtml(uiText("locationDescription", r.locale))}</label>
<textarea id="${descriptionId}" name="${fieldName(q.id, "description")}" rows="3" maxlength="${q.map.contributions.maxLength}">${escapeHtml(description)}</textarea>`);
  return parts.join("\n");
}

function otherText(r: FormRender, questionId: string): string {
  const name = fieldName(questionId, "other");
  const issues = r.issues.filter((i) => i.field === name);
  const id = controlId(questionId, "other");
  return `<div class="mitreden-other"><label for="${id}">${escapeHtml(uiText("otherLabel", r.locale))}</label>
${errorMessage(id, issues, r.locale)}<input type="text" id="${id}" name="${name}" value="${escapeHtml(first(r.fields[name]))}" maxlength="200"${issues.length ? ` aria-invalid="true" aria-describedby="${id}-error"` : ""}></div>`;
}

/** Without JavaScript every question is shown; say when a follow-up question applies. */
function conditionHint(r: FormRender, q: QuestionModel): string {
  if (!q.showIf) return "";
  const trigger = r.page.questions.find((t) => t.id === q.showIf!.question);
  if (!trigger) return "";
  const labelOf = (v: string | number | boolean) =>
    ("options" in trigger ? trigger.options.find((o) => o.value === v)?.label[r.locale] : undefined) ?? String(v);
  const values = q.showIf.values.map((v) => `„${labelOf(v)}“`).join(r.locale.startsWith("de") ? " oder " : " or ");
  const question = trigger.label[r.locale] ?? trigger.id;
  return r.locale.startsWith("de")
    ? `Nur beantworten, wenn Sie bei „${question}“ ${values} gewählt haben.`
    : `Answer only if you chose ${values} for “${question}”.`;
}

/** The error text above a control; its id is `<control id>-error`, which aria-describedby names. */
function errorMessage(controlElementId: string, issues: ReportedIssue[], locale: Locale): string {
  if (!issues.length) return "";
  const id = `${controlElementId}-error`;
  const prefix = `<span class="mitreden-visually-hidden">${escapeHtml(uiText("errorTitlePrefix", locale))}:</span> `;
  return `<p class="mitreden-error-message" id="${id}">${prefix}${issues.map((i) => escapeHtml(i.message)).join(" ")}</p>\n`;
}

function choice(type: string, id: string, name: string, value: string, label: string, checked: boolean): string {
  return `<div class="mitreden-choice"><input type="${type}" id="${id}" name="${escapeHtml(name)}" value="${escapeHtml(value)}"${checked ? " checked" : ""}><label for="${id}">${escapeHtml(label)}</label></div>`;
}

function option(value: string, label: string, selected: boolean): string {
  return `<option value="${escapeHtml(value)}"${selected ? " selected" : ""}>${escapeHtml(label)}</option>`;
}

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

function all(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}
