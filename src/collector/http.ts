// What every route of the collector shares, whatever wing it belongs to: the body parsers (JSON
// and urlencoded forms only), the security headers (src/security), the error handler (JSON for the script, an
// HTML page in the site's frame for a plain form), the acknowledgement of a stored submission,
// and GET /health.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { CampaignModel, Locale, PageModel } from "../campaign/model.js";
import { pagePath, thankYouLocation } from "../campaign/urls.js";
import type { FormFields } from "../forms/fields.js";
import { issueMessage } from "../forms/messages.js";
import { isRecord } from "../campaign/checks/context.js";
import { collectorSecurityHeaders } from "../http/security-headers.js";
import type { Submission } from "./admission.js";
import type { CollectorContext } from "./context.js";
import { HttpError } from "./errors.js";

const FORM_TYPE = "application/x-www-form-urlencoded";

export function registerHttp(app: FastifyInstance, ctx: CollectorContext): void {
  // JSON and urlencoded only: Fastify's text/plain parser would turn any text into a "body".
  app.removeContentTypeParser("text/plain");
  app.addContentTypeParser(FORM_TYPE, { parseAs: "string" }, (_request, body, done) => done(null, parseForm(body as string)));
  registerAnswerHeaders(app, ctx);
  app.setErrorHandler((error, request, reply) => sendError(ctx, request, reply, toHttpError(ctx, request, error)));
  app.setNotFoundHandler((request, reply) =>
    sendError(ctx, request, reply, new HttpError(404, "Not found.", { issues: [{ field: "_url", reason: "not-found", message: issueMessage({ reason: "not-found" }, "en") }] })),
  );

  app.get("/health", async (_request, reply) => {
    try {
      await ctx.store.ping();
      return { status: "ok", store: ctx.store.kind };
    } catch {
      return reply.code(503).send({ status: "unavailable", store: ctx.store.kind });
    }
  });
}

/** What every answer of the collector carries, also outside its prefix (the short links). */
export function registerAnswerHeaders(app: FastifyInstance, ctx: CollectorContext): void {
  // Its security headers: a script-free Content-Security-Policy, nosniff, no referrer (docs/adr/016).
  app.addHook("onSend", collectorSecurityHeaders(() => ctx.campaigns.model()));
  app.addHook("onSend", (_request, reply, payload, done) => {
    // Nothing the collector says may be cached by a proxy or the browser; it never sets a cookie.
    reply.header("cache-control", "no-store");
    done(null, payload);
  });
}

/** A survey or map page: where a submission goes. */
export interface SubmissionTarget {
  campaign: CampaignModel;
  page: PageModel;
}

/**
 * A refusal: JSON with the issues for the script, or for a plain form the collector's error page,
 * in the language the form was in, with the form filled in again when the page is known.
 */
export function sendError(ctx: CollectorContext, request: FastifyRequest, reply: FastifyReply, error: HttpError): FastifyReply {
  if (error.data.retryAfter !== undefined) reply.header("retry-after", String(error.data.retryAfter));
  if (prefersJson(request)) return reply.code(error.statusCode).type("application/json; charset=utf-8").send(error.toJSON());
  const campaign = campaignOf(ctx, request);
  const target = targetOf(campaign, request);
  const fields = isForm(request) && isRecord(request.body) ? (request.body as FormFields) : undefined;
  const html = ctx.pages.errorPage({
    error,
    campaign,
    page: target?.page,
    locale: localeOf(campaign, fields),
    fields,
    action: request.url,
    // The person has just filled in the form: their next try may count as verified (ADR 006).
    token: target ? ctx.guard.issueToken(target.campaign.slug, target.page.id, true).token : undefined,
  });
  return reply.code(error.statusCode).type("text/html; charset=utf-8").send(html);
}

/** The form's language when the campaign has it, else the campaign's. */
function localeOf(campaign: CampaignModel | undefined, fields: FormFields | undefined): Locale | undefined {
  const wanted = fields?._locale;
  return typeof wanted === "string" && campaign?.locales.includes(wanted) ? wanted : campaign?.locale;
}

function campaignOf(ctx: CollectorContext, request: FastifyRequest): CampaignModel | undefined {
  const slug = (request.params as { slug?: string } | undefined)?.slug;
  return slug ? ctx.campaigns.campaign(slug) : undefined;
}

/** The survey or map page of the route's :page (a page id is unique within its campaign). */
function targetOf(campaign: CampaignModel | undefined, request: FastifyRequest): SubmissionTarget | undefined {
  const pageId = (request.params as { page?: string } | undefined)?.page;
  const page = campaign?.pages.find((p) => p.id === pageId && (p.type === "survey" || p.type === "map"));
  return campaign && page ? { campaign, page } : undefined;
}

/** Parser and framework errors (too large, wrong type, broken JSON) as 4xx with a reason; anything else a 500. */
function toHttpError(ctx: CollectorContext, request: FastifyRequest, error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  const { code, statusCode } = error as { code?: string; statusCode?: number };
  const locale = campaignOf(ctx, request)?.locale ?? "de";
  const issue = (reason: "too-large-body" | "content-type" | "malformed") => [{ field: "_body", reason, message: issueMessage({ reason }, locale) }];
  if (code === "FST_ERR_CTP_BODY_TOO_LARGE") return new HttpError(413, "The body is too large.", { issues: issue("too-large-body") });
  if (code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") return new HttpError(415, `Send application/json or ${FORM_TYPE}.`, { issues: issue("content-type") });
  if (statusCode && statusCode >= 400 && statusCode < 500) return new HttpError(statusCode, "The body could not be read.", { issues: issue("malformed") });
  // A bug or a store failure: say nothing about the inside, and never pretend the answer was kept.
  console.error(`mitreden collector: ${(error as Error)?.stack ?? String(error)}`);
  return new HttpError(500, "The answers could not be stored. Please try again.", { issues: [] }, { cause: error });
}

/** How a submission came: urlencoded from the plain form, or JSON from the page's script. */
function channelOf(request: FastifyRequest): "form" | "script" {
  return isForm(request) ? "form" : "script";
}

function isForm(request: FastifyRequest): boolean {
  return (request.headers["content-type"] ?? "").toLowerCase().startsWith(FORM_TYPE);
}

/** The browser script asks for JSON; a plain form gets HTML. Machines without Accept get JSON. */
function prefersJson(request: FastifyRequest): boolean {
  const accept = (request.headers.accept ?? "").toLowerCase();
  if (accept.includes("application/json")) return true;
  return !(isForm(request) || accept.includes("text/html"));
}

/** A submission the store has committed. */
export interface Accepted extends SubmissionTarget {
  id: string;
  /** A retry of a submission stored before. */
  duplicate: boolean;
  locale: Locale;
  /** More for the script's JSON answer (a map says when the contribution will be public). */
  extra?: Record<string, unknown>;
}

export interface SubmissionRoute {
  /** From COLLECTOR_ROUTES. */
  route: string;
  /** Largest body a complete submission can need; a larger one is refused before it is parsed. */
  bodyLimit: number;
  /** The page, or a 404 (for someone who opens the form's address directly). */
  find(slug: string, pageId: string): SubmissionTarget;
  /** The wing's use case: check, store, resolve after the commit. */
  submit(ctx: CollectorContext, submission: Submission): Promise<Accepted>;
}

/**
 * A wing's form address: POST takes a submission (JSON or a plain form) and acknowledges it once
 * stored; GET, a bookmark or the back button, leads to the page.
 */
export function registerSubmissionRoute(app: FastifyInstance, ctx: CollectorContext, wing: SubmissionRoute): void {
  app.post<{ Params: { slug: string; page: string } }>(wing.route, { bodyLimit: wing.bodyLimit }, async (request, reply) => {
    try {
      // Before anything is read; an unknown campaign is the wing's 404.
      const campaign = ctx.campaigns.campaign(request.params.slug);
      if (campaign) refuseCrossSite(request, allowedOrigins(campaign), campaign.locale);
      const accepted = await wing.submit(ctx, { slug: request.params.slug, pageId: request.params.page, channel: channelOf(request), body: request.body, ip: request.ip, referer: request.headers.referer, host: request.host });
      return acknowledge(request, reply, accepted);
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      return sendError(ctx, request, reply, error);
    }
  });
  app.get<{ Params: { slug: string; page: string } }>(wing.route, async (request, reply) => {
    const { campaign, page } = wing.find(request.params.slug, request.params.page);
    return reply.code(303).header("location", pagePath(campaign, campaign.locale, page.id)).send();
  });
}

/** The origins a campaign's forms may post from: the site's own (baseUrl) and those it configures (site.allowedOrigins). */
export function allowedOrigins(campaign: CampaignModel): string[] {
  return [new URL(campaign.site.baseUrl).origin, ...campaign.site.allowedOrigins];
}

/**
 * Refuses (403, "cross-site") a POST that a browser made on behalf of another website: another
 * site must not make its visitors submit (docs/adr/019-trust.md). Allowed are the collector's own
 * origin (mitreden serve, a collector beside the site) and `allowed`. Browsers send `Origin` with
 * every POST; where it is missing (older browsers, scripts, curl) `Sec-Fetch-Site: cross-site`
 * still refuses, and a request with neither is let through: it is not a browser made to post by
 * another site. For every wing's POSTs (submissions, and the desk's and reach's forms).
 */
export function refuseCrossSite(request: FastifyRequest, allowed: readonly string[], locale: string = "de"): void {
  const origin = request.headers.origin;
  const fetchSite = request.headers["sec-fetch-site"];
  const refuse = () =>
    new HttpError(403, "Submissions from another website are not accepted.", { issues: [{ field: "_form", reason: "cross-site", message: issueMessage({ reason: "cross-site" }, locale) }] });
  if (origin === undefined) {
    if (fetchSite === "cross-site") throw refuse();
    return;
  }
  // "null": a sandboxed frame, a file:// page or a redirect across sites — nobody we know.
  if (origin === "null") throw refuse();
  let sameHost: boolean;
  try {
    const from = new URL(origin);
    // The same host and port as this request's (a default port written or not).
    sameHost = from.host === new URL(`${from.protocol}//${request.host}`).host;
  } catch {
    throw refuse();
  }
  if (sameHost || allowed.includes(origin)) return;
  throw refuse();
}

/**
 * The answer to a stored submission: 303 to the thank-you page for a plain form, or JSON with the
 * stored id for the script (200 when it was a retry of one already stored).
 */
function acknowledge(request: FastifyRequest, reply: FastifyReply, accepted: Accepted): FastifyReply {
  const thankYou = thankYouLocation(accepted.campaign, accepted.locale, accepted.page.id);
  if (!prefersJson(request)) return reply.code(303).header("location", thankYou).send();
  return reply.code(accepted.duplicate ? 200 : 201).send({ id: accepted.id, status: accepted.duplicate ? "duplicate" : "stored", ...accepted.extra, thankYou });
}

/** Repeated names become arrays (checkboxes). A null prototype keeps "__proto__" an ordinary field name. */
export function parseForm(body: string): FormFields {
  const fields = Object.create(null) as FormFields;
  for (const [name, value] of new URLSearchParams(body)) {
    const known = fields[name];
    if (known === undefined) fields[name] = value;
    else if (Array.isArray(known)) known.push(value);
    else fields[name] = [known, value];
  }
  return fields;
}
