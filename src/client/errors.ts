// Showing problems the way the collector's error page does (GOV.UK pattern), for the survey form
// and the map's contribution form alike: a summary at the top that takes focus and links to each
// field, the message next to the field, tied to it with aria-describedby, aria-invalid on its
// controls, and "Fehler:" in front of the page title. Markup as in
// templates/components/error-summary and question-parts/error.njk.
import { controlIdForField, questionIdOf } from "../forms/fields.js";
import { type FieldIssue, summaryLine } from "../forms/issues.js";

export interface ShownIssue extends FieldIssue {
  message: string;
}

// `prefix` is the word "Fehler" in the page's language: the caller has its catalogue (the survey
// script) or the page's texts (the map script), so this module brings none of its own.
const titlePrefix = (prefix: string) => `${prefix}: `;

export function clearErrors(root: HTMLElement, prefix: string): void {
  root.querySelectorAll("[data-field] > .kern-error").forEach((p) => p.remove());
  root.querySelectorAll(".kern-form-input--error, .kern-fieldset--error").forEach((e) => e.classList.remove("kern-form-input--error", "kern-fieldset--error"));
  root.querySelectorAll('[aria-invalid="true"]').forEach((e) => e.removeAttribute("aria-invalid"));
  root.querySelectorAll("[aria-describedby]").forEach((e) => {
    const ids = (e.getAttribute("aria-describedby") ?? "").split(/\s+/).filter((id) => id && !id.endsWith("-error"));
    if (ids.length) e.setAttribute("aria-describedby", ids.join(" "));
    else e.removeAttribute("aria-describedby");
  });
  const summary = root.querySelector<HTMLElement>("[data-error-summary]");
  if (summary) summary.hidden = true;
  if (document.title.startsWith(titlePrefix(prefix))) document.title = document.title.slice(titlePrefix(prefix).length);
}

/**
 * Marks every field with its issue, fills the summary and moves focus to it. `root` holds the
 * form's error summary; `labelOf` gives a question's label for the summary ("" for none); `prefix`
 * is "Fehler" in the page's language (read out before each message, and put before the title).
 */
export function showErrors(root: HTMLElement, form: HTMLFormElement, issues: ShownIssue[], labelOf: (questionId: string) => string, prefix: string): void {
  clearErrors(root, prefix);
  const summary = root.querySelector<HTMLElement>("[data-error-summary]");
  const list = summary?.querySelector("ul");
  list?.replaceChildren();
  for (const issue of inFormOrder(form, issues)) {
    const target = controlIdForField(issue.field);
    const field = target ? markField(form, issue, target, prefix) : false;
    const label = labelOf(questionIdOf(issue.field));
    const item = document.createElement("li");
    const text = summaryLine(label, issue.message);
    if (field && target) {
      const link = document.createElement("a");
      link.className = "mr-error-summary__link";
      link.href = `#${target}`;
      link.textContent = text;
      link.addEventListener("click", (event) => {
        // Focus the field itself (an in-page link only scrolls), with its label or legend in view.
        event.preventDefault();
        const control = document.getElementById(target);
        (control?.closest("fieldset")?.querySelector("legend") ?? control?.closest("[data-field]"))?.scrollIntoView();
        control?.focus({ preventScroll: true });
      });
      item.append(link);
    } else item.textContent = text;
    list?.append(item);
  }
  if (!summary) return;
  summary.hidden = false;
  // "Fehler: " in the title too, as GOV.UK does: it is the first thing a screen reader says of the page.
  document.title = titlePrefix(prefix) + document.title;
  summary.focus();
}

/**
 * The issues in the order their fields come in the form, as the person meets them; an issue
 * without a field on the page (a hidden question, the form as a whole) comes first.
 */
function inFormOrder(form: HTMLFormElement, issues: ShownIssue[]): ShownIssue[] {
  const position = (issue: ShownIssue): Node | null => {
    const target = controlIdForField(issue.field);
    return (target && document.getElementById(target)) || questionElement(form, questionIdOf(issue.field));
  };
  return issues
    .map((issue, index) => ({ issue, index, node: position(issue) }))
    .sort((a, b) => {
      if (!a.node || !b.node) return a.node ? 1 : b.node ? -1 : a.index - b.index;
      if (a.node === b.node) return a.index - b.index;
      return a.node.compareDocumentPosition(b.node) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    })
    .map((entry) => entry.issue);
}

/** A question's box in the form (templates/components/form-parts/questions.njk). */
export function questionElement(form: HTMLFormElement, questionId: string): HTMLElement | null {
  return form.querySelector<HTMLElement>(`[data-question="${CSS.escape(questionId)}"]`);
}

function markField(form: HTMLFormElement, issue: ShownIssue, target: string, prefix: string): boolean {
  const question = questionElement(form, questionIdOf(issue.field));
  if (!question || question.hidden) return false;
  const field = question.querySelector<HTMLElement>(`[data-field="${CSS.escape(issue.field)}"]`) ?? question.querySelector<HTMLElement>("[data-field]");
  if (!field) return false;
  const errorId = `${target}-error`;
  const before = field.querySelector(":scope > [data-error-before]");
  const existing = document.getElementById(errorId);
  const p = existing ?? document.createElement("p");
  p.className = "kern-error";
  p.id = errorId;
  const icon = document.createElement("span");
  icon.className = "kern-icon kern-icon--danger";
  icon.setAttribute("aria-hidden", "true");
  const body = document.createElement("span");
  body.className = "kern-body";
  const hidden = document.createElement("span");
  hidden.className = "kern-sr-only";
  hidden.textContent = `${prefix}:`;
  body.append(hidden, ` ${issue.message}`);
  p.replaceChildren(icon, body);
  if (!existing) field.insertBefore(p, before);
  field.classList.add(field.tagName === "FIELDSET" ? "kern-fieldset--error" : "kern-form-input--error");
  // A fieldset is described as a whole; a single control carries the description itself.
  const described = field.tagName === "FIELDSET" ? field : document.getElementById(target);
  if (described) described.setAttribute("aria-describedby", [described.getAttribute("aria-describedby"), errorId].filter(Boolean).join(" "));
  field.querySelectorAll("input:not([type=hidden]), select, textarea").forEach((control) => control.setAttribute("aria-invalid", "true"));
  return true;
}
