// What a survey tells people, checked against what it asks. Warnings, not errors: the campaign
// still builds, but a city would regret publishing it this way.
// - Free text and contact data are personal data waiting to happen: people need to learn what
//   happens with them (a consent question, or the privacy notice linked in the intro or a hint).
// - The form says itself which questions may be skipped (each optional one is marked, with a
//   sentence above the questions); an intro that says it by hand goes stale when a question
//   changes, as the Marktplatz example's "Nur die erste Frage ist verpflichtend" did.
import { asArray, isRecord, pages, texts, type Check, type CheckContext } from "./context.js";

/** Question types whose answer is free text or contact data. */
const FREE_TEXT = new Set(["text", "textarea", "email", "location"]);

export const checkSurveyTexts: Check = (ctx) => {
  for (const [page, pointer] of pages(ctx)) {
    if (page.type !== "survey") continue;
    const questions = asArray(page.questions).filter(isRecord);
    checkPrivacyNote(ctx, page, pointer, questions);
    checkRequiredClaims(ctx, page, pointer, questions);
  }
};

function checkPrivacyNote(ctx: CheckContext, page: Record<string, unknown>, pointer: string, questions: Record<string, unknown>[]): void {
  const free = questions.filter((q) => FREE_TEXT.has(String(q.type)) || q.other === true).map((q) => String(q.id));
  if (free.length === 0) return;
  if (questions.some((q) => q.type === "consent")) return;
  const privacy = isRecord(ctx.data.organization) && typeof ctx.data.organization.privacy === "string" ? ctx.data.organization.privacy : undefined;
  const written = [page.intro, ...questions.map((q) => q.hint)].flatMap((t) => texts(t, ctx.locale).map(([, text]) => text));
  if (privacy && written.some((text) => text.includes(privacy))) return;
  ctx.warning(
    `${pointer}/questions`,
    `this survey asks for free text or contact data (${free.join(", ")}) but does not say what happens with it: ` +
      `add a "consent" question whose label links the privacy notice, or link it in the intro${privacy ? ` (${privacy})` : ""}`,
    "key",
  );
}

/** Sentences about which questions must be answered, and what they claim where mitreden can tell. */
const CLAIMS: { pattern: RegExp; required: "first" | "none" }[] = [
  { pattern: /\b(nur|lediglich|allein) die erste Frage\b/i, required: "first" },
  { pattern: /\bonly the first question\b/i, required: "first" },
  { pattern: /\balle Fragen\b[^.!?]*\b(freiwillig|optional|überspringen)/i, required: "none" },
  { pattern: /\bkeine Pflicht(frage|angabe)n?\b/i, required: "none" },
  { pattern: /\ball (the )?questions are optional\b|\bno (question is|questions are) required\b/i, required: "none" },
];
const ABOUT_REQUIRED = /\b(verpflichtend|Pflicht\w*|freiwillig|überspringen|required|mandatory|optional|skip)\b/i;

function checkRequiredClaims(ctx: CheckContext, page: Record<string, unknown>, pointer: string, questions: Record<string, unknown>[]): void {
  // Consent questions are always required (campaign format), whatever `required` says.
  const required = questions.filter((q) => q.required === true || q.type === "consent").map((q) => String(q.id));
  for (const [locale, intro] of texts(page.intro, ctx.locale)) {
    const sentence = intro.split(/(?<=[.!?])\s+/).find((s) => ABOUT_REQUIRED.test(s));
    if (!sentence) continue;
    const at = ctx.locales.length > 1 && isRecord(page.intro) ? `${pointer}/intro/${locale}` : `${pointer}/intro`;
    const claim = CLAIMS.find((c) => c.pattern.test(sentence));
    const firstId = questions[0] ? String(questions[0].id) : undefined;
    const shown = `the form itself marks every question that may be skipped and says so above the questions; remove the sentence, so the two cannot disagree`;
    const actually = required.length ? `${required.length} ${required.length === 1 ? "question is" : "questions are"} required (${required.join(", ")})` : "no question is required";
    if (claim) {
      const holds = claim.required === "none" ? required.length === 0 : required.length === 1 && required[0] === firstId;
      if (holds) continue;
      ctx.warning(at, `the intro says "${sentence.trim()}", but ${actually}: ${shown}`);
    } else {
      ctx.warning(at, `the intro says which questions must be answered ("${sentence.trim()}"), which mitreden cannot check: here ${actually}; ${shown}`);
    }
  }
}
