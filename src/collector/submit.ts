// submitResponse: one use case, one write. Order of checks: the survey exists and is open, the
// client is within its rate limit, the hidden fields are sound, the answers fit the survey's schema;
// only then one row is written, and the caller acknowledges only after it is committed.
import { randomUUID } from "node:crypto";
import type { Locale } from "../campaign/model.js";
import { formToAnswers, type FormFields, FIELD } from "../forms/fields.js";
import { issueMessage } from "../forms/messages.js";
import type { AbuseGuard } from "./abuse.js";
import { admit, isRecord } from "./admission.js";
import { HttpError } from "./errors.js";
import type { ResponseStore } from "./store/index.js";
import type { Survey, SurveyRegistry } from "./surveys.js";

export interface CollectorContext {
  surveys: SurveyRegistry;
  store: ResponseStore;
  guard: AbuseGuard;
  /** The collector's clock for the open period (tests and rehearsals move it). */
  now: () => Date;
}

export interface Submission {
  slug: string;
  pageId: string;
  /** "script": JSON `{ answers, _id, _token, _locale }`; "form": urlencoded fields (fields.ts). */
  channel: "script" | "form";
  body: unknown;
  /** Only for the rate limit's keyed hash; never stored. */
  ip: string;
}

export interface Accepted {
  id: string;
  duplicate: boolean;
  survey: Survey;
  locale: Locale;
}

export async function submitResponse(ctx: CollectorContext, submission: Submission): Promise<Accepted> {
  const survey = findSurvey(ctx, submission.slug, submission.pageId);
  const { campaign, page } = survey;
  const { body, meta, locale, verified, issues, fail, now } = admit(ctx, {
    campaign,
    pageId: page.id,
    body: submission.body,
    ip: submission.ip,
    opens: page.opens,
    closes: page.closes,
    what: "survey",
    channel: submission.channel,
    payload: "answers",
  });

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
  if (issues.length) throw fail(400, `${issues.length} ${issues.length === 1 ? "field needs" : "fields need"} attention.`, issues);

  const id = (meta.id ?? randomUUID()).toLowerCase();
  const outcome = await ctx.store.insertResponse({
    id,
    campaign: campaign.slug,
    page: page.id,
    locale,
    answers: answers as Record<string, never>,
    receivedAt: now.toISOString(),
    channel: submission.channel,
    verified,
  });
  if (outcome.status === "conflict") throw fail(409, "This id belongs to a submission to another survey.", [{ field: FIELD.id, reason: "id-conflict" }]);
  return { id, duplicate: outcome.status === "duplicate", survey, locale };
}

export function findSurvey(ctx: Pick<CollectorContext, "surveys">, slug: string, pageId: string): Survey {
  const survey = ctx.surveys.get(slug, pageId);
  if (survey) return survey;
  const campaign = ctx.surveys.campaign(slug);
  const field = campaign ? "page" : "campaign";
  const locale = campaign?.locale ?? "de";
  throw new HttpError(404, campaign ? `Campaign "${slug}" has no survey "${pageId}".` : `No campaign "${slug}".`, {
    issues: [{ field, reason: "not-found", message: issueMessage({ reason: "not-found" }, locale) }],
  });
}

