// Reading the form: its fields as a urlencoded POST would send them, without the questions the
// person cannot see (a hidden showIf answer is never sent), turned into JSON answers by the same
// formToAnswers() the collector uses for plain POSTs.
import type { QuestionModel, SurveyPageModel } from "../../campaign/model.js";
import { FIELD, type FormFields, formToAnswers, questionIdOf } from "../../forms/fields.js";
import { questionElement } from "../errors.js";

const META = new Set<string>(Object.values(FIELD));

/** Every named field of the form, repeated names as arrays; hidden questions left out. */
export function readFields(form: HTMLFormElement, options: { withHidden?: boolean } = {}): FormFields {
  const fields: FormFields = {};
  for (const [name, raw] of new FormData(form)) {
    if (META.has(name) || typeof raw !== "string") continue;
    if (!options.withHidden && isHiddenQuestion(form, questionIdOf(name))) continue;
    const known = fields[name];
    fields[name] = known === undefined ? raw : Array.isArray(known) ? [...known, raw] : [known, raw];
  }
  return fields;
}

export function readAnswers(form: HTMLFormElement, page: Pick<SurveyPageModel, "questions">) {
  return formToAnswers(page as SurveyPageModel, readFields(form));
}

function isHiddenQuestion(form: HTMLFormElement, questionId: string): boolean {
  return questionElement(form, questionId)?.hidden === true;
}

/**
 * Shows each showIf question only while its trigger has one of the values; runs in question order,
 * so a question whose trigger is itself hidden stays hidden.
 */
export function applyShowIf(form: HTMLFormElement, questions: readonly QuestionModel[]): void {
  const fields = readFields(form, { withHidden: true });
  const hidden = new Set<string>();
  for (const question of questions) {
    if (!question.showIf) continue;
    const trigger = question.showIf.question;
    const given = fields[trigger];
    const chosen = given === undefined ? [] : Array.isArray(given) ? given : [given];
    const wanted = question.showIf.values.map((v) => (v === true ? "yes" : String(v)));
    const show = !hidden.has(trigger) && chosen.some((value) => wanted.includes(value));
    if (!show) hidden.add(question.id);
    const element = questionElement(form, question.id);
    if (element && (element.hidden === true) === show) element.hidden = !show;
  }
}
