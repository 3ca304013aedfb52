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
import { checkedLabel, labelFromReferer } from "./reach/channels.js";
import type { InsertOutcome } from "./store/index.js";

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
  /** A valid form token came with it (see docs/adr/006-abuse-protection.md). */
  verified: boolean;
  /** The channel that brought the person ("mastodon:endspurt"), when the campaign gives out that link; undefined: direct. */
  referral?: string;
  /** Problems with the hidden fields; the wing adds the content's, then calls refuseIfAny(). */
  issues: FieldIssue[];
  /** A 400 with every issue found, when there are any, worded in the form's language. */
  refuseIfAny(issues: FieldIssue[]): void;
  /** What the store said: a retry of this submission (duplicate), or a 409 when the id belongs to another page's. */
  stored(outcome: InsertOutcome): { id: string; duplicate: boolean };
  now: Date;
}

/** The JSON body's key with the content; any key but it and the hidden fields is refused. */
const PAYLOAD = { survey: "answers", map: "contribution" } as const;

export function admit(ctx: CollectorContext, submission: Submission, campaign: CampaignModel, page: SurveyPageModel | MapPageModel): Admission {
  // A survey has its own window; a map takes contributions while the campaign runs.
  const [opens, closes] = page.type === "survey" ? [page.opens, page.closes] : [campaign.period.start, campaign.period.end];
  const body = isRecord(submission.body) ? submission.body : undefined;
  const meta = readMeta(body ?? {});
  const locale = meta.locale && campaign.locales.includes(meta.locale) ? meta.locale : campaign.locale;
  const fail = (status: number, message: string, issues: FieldIssue[], retryAfter?: number) =>
    new HttpError(status, message, { issues: issues.map((i) => ({ ...i, message: issueMessage(i, locale) })), retryAfter });

  const now = ctx.now();
  const what = page.type === "map" ? "map" : "survey";
  const tz = campaign.timezone;
  if (now < new Date(opens)) throw fail(403, `The ${what} is not open yet.`, [{ field: "_form", reason: "not-open", limit: when(opens, locale, tz) }]);
  if (now > new Date(closes)) throw fail(403, `The ${what} has closed.`, [{ field: "_form", reason: "closed", limit: when(closes, locale, tz) }]);
  if (!body) throw fail(400, "The body must be a JSON object or form fields.", [{ field: "_body", reason: "malformed" }]);

  const token = ctx.guard.checkToken(meta.token, campaign.slug, page.id);
  // A submission without a valid token (no JavaScript, an old tab) is accepted but costs double.
  const rate = ctx.guard.takeRateLimit(submission.ip, token === "valid" ? 1 : 2);
  if (!rate.allowed) {
    const minutes = Math.max(1, Math.ceil(rate.retryAfter / 60));
    throw fail(429, "Too many submissions from this client.", [{ field: "_form", reason: "rate-limited", limit: minutes }], rate.retryAfter);
  }

  const issues: FieldIssue[] = [];
  if (meta.honeypot) issues.push({ field: FIELD.honeypot, reason: "honeypot" });
  if (token === "too-fast") issues.push({ field: FIELD.token, reason: "too-fast" });
  if (meta.id !== undefined && !UUID.test(meta.id)) issues.push({ field: FIELD.id, reason: "id" });
  if (submission.channel === "script") {
    for (const key of Object.keys(body)) if (key !== PAYLOAD[page.type] && !HIDDEN_FIELDS.has(key)) issues.push({ field: key, reason: "unknown" });
  }
  const id = (meta.id ?? randomUUID()).toLowerCase();
  return {
    body,
    meta,
    id,
    locale,
    verified: token === "valid",
    // The script says it (from the page's address); a plain form's page address is its Referer.
    referral: checkedLabel(campaign, meta.via) ?? labelFromReferer(campaign, submission.referer, submission.host),
    issues,
    now,
    refuseIfAny(found) {
      if (found.length) throw fail(400, `${found.length} ${found.length === 1 ? "field needs" : "fields need"} attention.`, found);
    },
    stored(outcome) {
      if (outcome.status === "conflict") throw fail(409, `This id belongs to a submission to another ${what}.`, [{ field: FIELD.id, reason: "id-conflict" }]);
      return { id, duplicate: outcome.status === "duplicate" };
    },
  };
}

function when(instant: string, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone }).format(new Date(instant));
}
