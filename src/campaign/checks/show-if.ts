// showIf must point back to an earlier question of the same page and name an answer that question
// can give; otherwise the follow-up question is never shown, and nobody notices until the results.
import { didYouMean, quoteList } from "../suggest.js";
import { asArray, asRecords, isRecord, optionValues, pages, type CheckContext } from "./context.js";

const CHOICE_TYPES = ["single", "multiple", "select"];
const DEPENDABLE = [...CHOICE_TYPES, "scale", "number", "consent"];

export function checkShowIf(ctx: CheckContext): void {
  for (const [page, pagePointer] of pages(ctx)) {
    if (page.type !== "survey") continue;
    const list = asRecords(page.questions);
    list.forEach(([question, index]) => {
      const showIf = question.showIf;
      if (!isRecord(showIf) || typeof showIf.question !== "string") return;
      const pointer = `${pagePointer}/questions/${index}/showIf`;
      const targetId = showIf.question;
      const earlier = list.filter(([, i]) => i < index);
      const target = earlier.find(([q]) => q.id === targetId)?.[0];
      if (!target) {
        ctx.error(`${pointer}/question`, missingTarget(targetId, question.id, list, index));
        return;
      }
      const type = String(target.type);
      if (!DEPENDABLE.includes(type)) {
        ctx.error(`${pointer}/question`, `showIf cannot depend on "${targetId}", a ${type} question; it can depend on ${DEPENDABLE.join(", ")} questions`);
        return;
      }
      const values: [unknown, string][] = "equals" in showIf ? [[showIf.equals, `${pointer}/equals`]] : asArray(showIf.in).map((v, i) => [v, `${pointer}/in/${i}`]);
      for (const [value, at] of values) {
        const problem = answerProblem(target, targetId, value);
        if (problem) ctx.error(at, problem);
      }
    });
  }
}

function missingTarget(targetId: string, ownId: unknown, list: [Record<string, unknown>, number][], index: number): string {
  if (targetId === ownId) return "a question cannot depend on itself; showIf must name an earlier question";
  const later = list.find(([q, i]) => i > index && q.id === targetId);
  if (later) {
    return `"${targetId}" comes after this question (it is question ${later[1] + 1}, this is question ${index + 1}); showIf can only refer to an earlier question of the same page`;
  }
  const earlierIds = list.filter(([, i]) => i < index).map(([q]) => q.id).filter((id): id is string => typeof id === "string");
  const hint = didYouMean(targetId, earlierIds) || (earlierIds.length > 0 ? `; earlier questions: ${quoteList(earlierIds)}` : "; this is the first question of the page");
  return `no earlier question "${targetId}" on this page${hint}`;
}

/** Why `value` is not an answer the question can give, or undefined. */
function answerProblem(target: Record<string, unknown>, targetId: string, value: unknown): string | undefined {
  const type = target.type;
  if (type === "consent") return value === true ? undefined : `a consent question is only ever true when answered; use "equals": true`;
  if (type === "scale" || type === "number") {
    const min = typeof target.min === "number" ? target.min : -Infinity;
    const max = typeof target.max === "number" ? target.max : Infinity;
    const range = type === "scale" ? `the scale ${target.min}–${target.max}` : `${min}–${max}`;
    if (typeof value !== "number") return `must be a number (without quotes) in ${range}, the answers of "${targetId}"`;
    if (value < min || value > max || (type === "scale" && !Number.isInteger(value))) return `${value} is not an answer of "${targetId}" (${range})`;
    return undefined;
  }
  const allowed = optionValues(target, "").map((o) => o.id).filter((v): v is string => typeof v === "string");
  if (target.other === true) allowed.push("other");
  if (typeof value === "string" && allowed.includes(value)) return undefined;
  const hint = (typeof value === "string" && didYouMean(value, allowed)) || `; its answers are ${quoteList(allowed)}`;
  return `${JSON.stringify(value)} is not an answer of "${targetId}"${hint}`;
}
