// submitResponse: one use case, one write. Order of checks: the survey exists and is open, the
// client is within its rate limit, the hidden fields are sound (admission.ts), the answers fit the
// survey's schema; only then one row is written, and the caller acknowledges only after it is committed.
import { isRecord } from "../../campaign/checks/context.js";
import { formToAnswers, type FormFields } from "../../forms/fields.js";
import { admit, type Submission } from "../admission.js";
import type { CollectorContext } from "../context.js";
import type { Accepted } from "../http.js";

export async function submitResponse(ctx: CollectorContext, submission: Submission): Promise<Accepted> {
  const survey = ctx.campaigns.survey(submission.slug, submission.pageId);
  const { campaign, page } = survey;
  const admission = await admit(ctx, submission, campaign, page);
  const { body, issues } = admission;

  let answers: unknown;
  if (submission.channel === "form") {
    const converted = formToAnswers(page, body as FormFields);
    answers = converted.answers;
    issues.push(...converted.issues);
  } else {
    answers = body.answers;
    if (!isRecord(answers)) issues.push({ field: "answers", reason: "malformed" });
  }
  if (isRecord(answers)) {
    const result = survey.validate(answers);
    // A field the form conversion already complained about needs no second message.
    if (!result.valid) issues.push(...result.issues.filter((i) => !issues.some((known) => known.field === i.field)));
  }
  const { verified, timing } = await admission.accept(issues);

  const outcome = await ctx.store.insertResponse({
    id: admission.id,
    campaign: campaign.slug,
    page: page.id,
    locale: admission.locale,
    answers: answers as Record<string, never>,
    receivedAt: admission.now.toISOString(),
    channel: submission.channel,
    verified,
    timing,
    ...(admission.referral ? { referral: admission.referral } : {}),
  });
  return { ...admission.stored(outcome), campaign, page, locale: admission.locale };
}
