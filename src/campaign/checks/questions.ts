// Survey questions: what the form renders and the collector accepts must make sense together —
// a scale with one step, "choose at most 5" out of 4, or an e-mail field without consent would
// reach citizens as a broken or unlawful form.
import { asArray, asRecords, optionValues, pages, questions, reportDuplicates, type Check, type CheckContext } from "./context.js";
import { checkShowIf } from "./show-if.js";

export const MIN_SCALE_STEPS = 2;
export const MAX_SCALE_STEPS = 11;

export const checkQuestions: Check = (ctx) => {
  for (const [page, pointer] of pages(ctx)) {
    if (page.type !== "survey") continue;
    const list = asRecords(page.questions);
    reportDuplicates(ctx, list.map(([q, i]) => ({ id: q.id, pointer: `${pointer}/questions/${i}/id` })), "question id");
    const hasConsent = list.some(([q]) => q.type === "consent");
    for (const [q, i] of list) {
      // "__" joins a question id and a part in the form's field names (q__other, q__lng).
      if (typeof q.id === "string" && q.id.includes("__")) {
        ctx.error(`${pointer}/questions/${i}/id`, `question id "${q.id}" must not contain "__" (the form uses it for a question's parts); use one underscore, e.g. "${q.id.replace(/_{2,}/g, "_")}"`);
      }
      if (q.type === "email" && !hasConsent) {
        ctx.error(
          `${pointer}/questions/${i}`,
          'an e-mail question needs a consent question in the same survey ({ "type": "consent", "label": "… [Datenschutzhinweise](…) …" }), so people agree to being contacted',
        );
      }
    }
  }
  for (const { question, pointer } of questions(ctx)) {
    reportDuplicates(ctx, optionValues(question, pointer), "option value");
    checkRanges(ctx, question, pointer);
  }
  checkShowIf(ctx);
};

function checkRanges(ctx: CheckContext, q: Record<string, unknown>, pointer: string): void {
  const { min, max } = q;
  if (q.type === "scale" && typeof min === "number" && typeof max === "number") {
    const steps = max - min + 1;
    if (max <= min) ctx.error(`${pointer}/max`, `"max" (${max}) must be greater than "min" (${min})`);
    else if (steps < MIN_SCALE_STEPS || steps > MAX_SCALE_STEPS) {
      ctx.error(`${pointer}/max`, `a scale needs ${MIN_SCALE_STEPS}–${MAX_SCALE_STEPS} steps; ${min} to ${max} has ${steps}`);
    }
  }
  if (q.type === "number" && typeof min === "number" && typeof max === "number" && max <= min) {
    ctx.error(`${pointer}/max`, `"max" (${max}) must be greater than "min" (${min})`);
  }
  if (q.type === "date" && typeof min === "string" && typeof max === "string" && max <= min) {
    ctx.error(`${pointer}/max`, `"max" (${max}) must be after "min" (${min})`);
  }
  if (q.type === "multiple") {
    const choices = asArray(q.options).length + (q.other === true ? 1 : 0);
    const { minSelected, maxSelected } = q;
    const of = `there ${choices === 1 ? "is" : "are"} only ${choices} option${choices === 1 ? "" : "s"}${q.other === true ? ' (counting "other")' : ""}`;
    if (typeof minSelected === "number" && minSelected > choices) ctx.error(`${pointer}/minSelected`, `"minSelected" is ${minSelected}, but ${of}`);
    if (typeof maxSelected === "number" && maxSelected > choices) ctx.error(`${pointer}/maxSelected`, `"maxSelected" is ${maxSelected}, but ${of}`);
    if (typeof minSelected === "number" && typeof maxSelected === "number" && minSelected > maxSelected) {
      ctx.error(`${pointer}/minSelected`, `"minSelected" (${minSelected}) is more than "maxSelected" (${maxSelected})`);
    }
  }
}
