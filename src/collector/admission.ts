// What every submission passes before its content is read, surveys and map contributions alike:
// the page is open, the client is within its rate limit, the hidden fields are sound. One place, so
// the abuse protection cannot drift apart between the wings.
import { randomUUID } from "node:crypto";
import type { CampaignModel, Locale, MapPageModel, SurveyPageModel } from "../campaign/model.js";
import { isRecord } from "../campaign/checks/context.js";
import { FIELD, readMeta, type FormMeta } from "../forms/fields.js";
import type { FieldIssue } from "../forms/issues.js";
import { issueMessage } from "../forms/messages.js";
import type { CollectorContext } from "./context.js";
import { HttpError } from "./errors.js";
import type { InsertOutcome, SubmissionTiming } from "./store/index.js";
import { unstorableFields } from "../forms/text.js";
import { checkedLabel, labelFromReferer } from "./reach/channels.js";

const HIDDEN_FIELDS = new Set<string>(Object.values(FIELD));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A POST to one of the wings, as the route received it. */
export interface Submission {
  slug: string;
  pageId: string;
  /** "script": JSON `{ <payload>, _id, _token, _locale }`; "form": urlencoded fields (src/forms/fields.ts). */
  channel: "script" | "form";
  body: unknown;
  /** Only for the rate limit's keyed hash; never stored. */
  ip: string;
  /** The Referer header: a plain form's page address, whose utm parameters name the channel (never stored as such). */
  referer?: string;
  /** The host the request was sent to: a Referer from it is same-origin. */
  host?: string;
}

export interface Admission {
  body: Record<string, unknown>;
  meta: FormMeta;
  /** The submission's id: the client's (a retry reuses it), or a new one for a plain form. */
  id: string;
  /** The page's language, as the form said (else the campaign's); messages are written in it. */
  locale: Locale;
  /** The channel that brought the person ("mastodon:endspurt"), when the campaign gives out that link; undefined: direct. */
  referral?: string;
  /** Problems with the hidden fields and unstorable text; the wing adds the content's, then calls accept(). */
  issues: FieldIssue[];
  /**
   * With issues: a 400 naming every one, in the form's language (counted against the client's
   * window for mistakes, not its quota for answers). Without: the submission is in; its form token
   * is now used up, and the result says whether it verified (docs/adr/019-trust.md).
   */
  accept(issues: FieldIssue[]): Promise<{ verified: boolean; timing: SubmissionTiming }>;
  /** What the store said: a retry of this submission (duplicate), or a 409 when the id belongs to another page's. */
  stored(outcome: InsertOutcome): { id: string; duplicate: boolean };
  now: Date;
}

/** The JSON body's key with the content; any key but it and the hidden fields is refused. */
const PAYLOAD = { survey: "answers", map: "contribution" } as const;

export async function admit(ctx: CollectorContext, submission: Submission, campaign: CampaignModel, page: SurveyPageModel | MapPageModel): Promise<Admission> {
  // A survey has its own window; a map takes contributions while the campaign runs.
  const [opens, closes] = page.type === "survey" ? [page.opens, page.closes] : [campaign.period.start, campaign.period.end];
  const body = isRecord(submission.body) ? submission.body : undefined;
  const meta = readMeta(body ?? {});
  const locale = meta.locale && campaign.locales.includes(meta.locale) ? meta.locale : campaign.locale;
  const fail = (status: number, message: string, issues: FieldIssue[], retryAfter?: number) =>
    new HttpError(status, message, { issues: issues.map((i) => ({ ...i, message: issueMessage(i, locale) })), retryAfter });
  const rateLimited = (retryAfter: number) => {
    const minutes = Math.max(1, Math.ceil(retryAfter / 60));
    return fail(429, "Too many submissions from this client.", [{ field: "_form", reason: "rate-limited", limit: minutes }], retryAfter);
  };

  const now = ctx.now();
  const what = page.type === "map" ? "map" : "survey";
  const tz = campaign.timezone;
  if (now < new Date(opens)) throw fail(403, `The ${what} is not open yet.`, [{ field: "_form", reason: "not-open", limit: when(opens, locale, tz) }]);
  if (now > new Date(closes)) throw fail(403, `The ${what} has closed.`, [{ field: "_form", reason: "closed", limit: when(closes, locale, tz) }]);
  if (!body) throw fail(400, "The body must be a JSON object or form fields.", [{ field: "_body", reason: "malformed" }]);

  const token = ctx.guard.readToken(meta.token, campaign.slug, page.id);
  // The campaign's proof of work (docs/adr/025-proof-of-work.md): the script must bring a solution;
  // a plain form without JavaScript cannot, and is accepted unverified, as without a token.
  const proof = campaign.abuse.proofOfWork ? await ctx.guard.proofOfWork.read(meta.pow, campaign.slug, page.id) : undefined;
  const proven = !proof || proof.check === "valid";
  // A submission without a valid token or proof (no JavaScript, an old tab) is accepted but costs double.
  // Charged now, so parallel requests cannot all slip through; given back if the submission is refused.
  const cost = token.check === "valid" && proven ? 1 : 2;
  const rate = await ctx.guard.takeRateLimit(submission.ip, cost);
  if (!rate.allowed) throw rateLimited(rate.retryAfter);

  const issues: FieldIssue[] = [];
  for (const field of unstorableFields(body, (path) => fieldOf(submission.channel, page.type, path))) issues.push({ field, reason: "characters" });
  if (meta.honeypot) issues.push({ field: FIELD.honeypot, reason: "honeypot" });
  // The person may send the same answers again once the minimum time has passed: the message says
  // when, the script waits and resends, the error page keeps the answers (finding 11).
  let retryAfter: number | undefined;
  if (token.check === "too-fast") {
    retryAfter = token.waitSeconds!;
    issues.push({ field: FIELD.token, reason: "too-fast", limit: retryAfter });
  }
  if (proof && !proven && !(proof.check === "missing" && submission.channel === "form")) issues.push({ field: FIELD.pow, reason: `pow-${proof.check as Exclude<typeof proof.check, "valid">}` });
  if (meta.id !== undefined && !UUID.test(meta.id)) issues.push({ field: FIELD.id, reason: "id" });
  if (submission.channel === "script") {
    for (const key of Object.keys(body)) if (key !== PAYLOAD[page.type] && !HIDDEN_FIELDS.has(key) && !issues.some((i) => i.field === key)) issues.push({ field: key, reason: "unknown" });
  }
  const id = (meta.id ?? randomUUID()).toLowerCase();
  return {
    body,
    meta,
    id,
    locale,
    // The script says it (from the page's address); a plain form's page address is its Referer.
    referral: checkedLabel(campaign, meta.via) ?? labelFromReferer(campaign, submission.referer, submission.host),
    issues,
    now,
    async accept(found) {
      const refuse = async (problems: FieldIssue[]) => {
        await ctx.guard.refundRateLimit(submission.ip, cost);
        const mistakes = await ctx.guard.takeInvalid(submission.ip);
        if (!mistakes.allowed) throw rateLimited(mistakes.retryAfter);
        const tooFast = problems.length === 1 && problems[0]!.reason === "too-fast";
        return fail(400, `${problems.length} ${problems.length === 1 ? "field needs" : "fields need"} attention.`, problems, tooFast ? retryAfter : undefined);
      };
      if (found.length) throw await refuse(found);
      // One solution, one submission, across instances (the used tokens); a retry of the same id keeps its claim.
      if (proof?.check === "valid" && !(await ctx.store.claimToken(`pow:${proof.id!}`, id, proof.expires!))) throw await refuse([{ field: FIELD.pow, reason: "pow-reused" }]);
      // Without the proof (a plain form): unverified, and said as "without JavaScript" in exports.
      if (!proven) return { verified: false, timing: "missing" };
      if (token.check !== "valid") return { verified: false, timing: token.check as SubmissionTiming };
      // One token, one submission: a replay is stored, but unverified (a retry of the same id is no replay).
      const fresh = await ctx.store.claimToken(token.id!, id, token.expires!);
      return fresh ? { verified: true, timing: "valid" } : { verified: false, timing: "reused" };
    },
    stored(outcome) {
      if (outcome.status === "conflict") throw fail(409, `This id belongs to a submission to another ${what}.`, [{ field: FIELD.id, reason: "id-conflict" }]);
      return { id, duplicate: outcome.status === "duplicate" };
    },
  };
}

/**
 * The field a person sees for a place in the body: a form's field name; in the script's JSON the
 * answer's key (survey) or the contribution's question (map); the hidden fields by their names.
 */
function fieldOf(channel: Submission["channel"], type: "survey" | "map", path: string[]): string {
  const [top, second] = path;
  if (top === undefined || top === "_key") return "_body";
  if (channel === "form" || top !== PAYLOAD[type]) return top;
  if (second === undefined || second === "_key") return top;
  if (type === "map") return second === "category" || second === "comment" ? second : "location";
  return second;
}

function when(instant: string, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone }).format(new Date(instant));
}
