// submitContribution: one use case, one write, with the survey's order of checks: the map page
// exists and the campaign is open, the rate limit, the hidden fields (admission.ts), then the
// contribution itself (src/forms/contribution.ts); then one row, "pending".
import { isRecord } from "../../campaign/checks/context.js";
import { contributionFromJson, contributionIssues, formToContribution, type ContributionInput } from "../../forms/contribution.js";
import type { FormFields } from "../../forms/fields.js";
import { admit, type Submission } from "../admission.js";
import type { CollectorContext } from "../context.js";
import type { Accepted } from "../http.js";

export async function submitContribution(ctx: CollectorContext, submission: Submission): Promise<Accepted> {
  const { campaign, page } = ctx.campaigns.map(submission.slug, submission.pageId);
  const admission = await admit(ctx, submission, campaign, page);
  const { body, issues } = admission;
  let input: ContributionInput = {};
  if (submission.channel === "form") {
    const converted = formToContribution(campaign, page, body as FormFields);
    input = converted.input;
    issues.push(...converted.issues);
  } else if (!isRecord(body.contribution)) {
    issues.push({ field: "contribution", reason: "malformed" });
  } else {
    const converted = contributionFromJson(body.contribution);
    input = converted.input;
    issues.push(...converted.issues);
  }
  const known = new Set(issues.map((i) => i.field));
  issues.push(...contributionIssues(page.map, input).filter((i) => !known.has(i.field)));
  const { verified, timing } = await admission.accept(issues);

  // A named place without a point is shown at the place's coordinates.
  const point = input.point ?? page.map.places.find((p) => p.id === input.place)?.coordinates;
  const outcome = await ctx.store.insertContribution({
    id: admission.id,
    campaign: campaign.slug,
    page: page.id,
    locale: admission.locale,
    category: input.category!,
    comment: input.comment!.trim(),
    ...(point ? { point: [point[0], point[1]] as [number, number] } : {}),
    ...(input.place !== undefined ? { place: input.place } : {}),
    ...(input.description?.trim() ? { description: input.description.trim() } : {}),
    receivedAt: admission.now.toISOString(),
    channel: submission.channel,
    verified,
    timing,
    ...(admission.referral ? { referral: admission.referral } : {}),
  });
  // The script tells the person when their contribution will be public.
  return { ...admission.stored(outcome), campaign, page, locale: admission.locale, extra: { moderation: page.map.contributions.moderation } };
}
