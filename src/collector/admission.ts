// What every submission passes before its content is read, surveys and map contributions alike:
// the page is open, the client is within its rate limit, the hidden fields are sound. One place, so
// the abuse protection cannot drift apart between the two.
import type { CampaignModel, Locale } from "../campaign/model.js";
import { FIELD, readMeta } from "../forms/fields.js";
import type { FieldIssue } from "../forms/issues.js";
import { issueMessage } from "../forms/messages.js";
import { HttpError } from "./errors.js";
import type { CollectorContext } from "./submit.js";

const HIDDEN_FIELDS = new Set<string>(Object.values(FIELD));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type Fail = (status: number, message: string, issues: FieldIssue[], retryAfter?: number) => HttpError;

export interface Admission {
  body: Record<string, unknown>;
  meta: ReturnType<typeof readMeta>;
  /** The page's language, as the form said (else the campaign's); messages are written in it. */
  locale: Locale;
  /** A valid form token came with it (see docs/adr/006-abuse-protection.md). */
  verified: boolean;
  /** Problems with the hidden fields; the caller adds the content's and throws if any. */
  issues: FieldIssue[];
  /** An HttpError whose issues carry messages in `locale`. */
  fail: Fail;
  now: Date;
}

export interface AdmissionRequest {
  campaign: CampaignModel;
  pageId: string;
  body: unknown;
  ip: string;
  /** The window in which the page takes submissions (instants). */
  opens: string;
  closes: string;
  /** "survey" or "map", for the English log message. */
  what: string;
  /** How it came: JSON from the page's script, or the plain form's fields. */
  channel: "script" | "form";
  /** The JSON body's key with the content ("answers", "contribution"); any key but it and the hidden fields is refused. */
  payload: string;
}

export function admit(ctx: CollectorContext, request: AdmissionRequest): Admission {
  const { campaign } = request;
  const body = isRecord(request.body) ? request.body : undefined;
  const meta = readMeta(body ?? {});
  const locale = meta.locale && campaign.locales.includes(meta.locale) ? meta.locale : campaign.locale;
  const fail: Fail = (status, message, issues, retryAfter) =>
    new HttpError(status, message, { issues: issues.map((i) => ({ ...i, message: issueMessage(i, locale) })), retryAfter });

  const now = ctx.now();
  const tz = campaign.timezone;
  if (now < new Date(request.opens)) throw fail(403, `The ${request.what} is not open yet.`, [{ field: "_form", reason: "not-open", limit: when(request.opens, locale, tz) }]);
  if (now > new Date(request.closes)) throw fail(403, `The ${request.what} has closed.`, [{ field: "_form", reason: "closed", limit: when(request.closes, locale, tz) }]);
  if (!body) throw fail(400, "The body must be a JSON object or form fields.", [{ field: "_body", reason: "malformed" }]);

  const token = ctx.guard.checkToken(meta.token, campaign.slug, request.pageId);
  // A submission without a valid token (no JavaScript, an old tab) is accepted but costs double.
  const rate = ctx.guard.takeRateLimit(request.ip, token === "valid" ? 1 : 2);
  if (!rate.allowed) {
    const minutes = Math.max(1, Math.ceil(rate.retryAfter / 60));
    throw fail(429, "Too many submissions from this client.", [{ field: "_form", reason: "rate-limited", limit: minutes }], rate.retryAfter);
  }

  const issues: FieldIssue[] = [];
  if (meta.honeypot) issues.push({ field: FIELD.honeypot, reason: "honeypot" });
  if (token === "too-fast") issues.push({ field: FIELD.token, reason: "too-fast" });
  if (meta.id !== undefined && !UUID.test(meta.id)) issues.push({ field: FIELD.id, reason: "id" });
  if (request.channel === "script") {
    for (const key of Object.keys(body)) if (key !== request.payload && !HIDDEN_FIELDS.has(key)) issues.push({ field: key, reason: "unknown" });
  }
  return { body, meta, locale, verified: token === "valid", issues, fail, now };
}

function when(instant: string, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone }).format(new Date(instant));
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
