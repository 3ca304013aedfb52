// The collector's HTTP surface (mounted under /api):
//   POST /<slug>/<page-id>/responses   a submission: JSON (browser script) or urlencoded (plain form)
//   GET  /<slug>/<page-id>/token       a form token for the browser script
//   GET  /<slug>/<page-id>/export      CSV/JSON for staff (export-route.ts)
//   GET  /health
// JSON in, JSON out; a form POST gets a 303 to the thank-you page or an HTML page listing the errors.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { CampaignModel, PageModel } from "../campaign/model.js";
import { pagePath, thankYouPath } from "../campaign/urls.js";
import type { FormFields } from "../forms/fields.js";
import { issueMessage } from "../forms/messages.js";
import { HttpError } from "./errors.js";
import { renderErrorPage } from "./html-error.js";
import { findSurvey, submitResponse, type CollectorContext } from "./submit.js";

export interface RouteOptions {
  /** The site's stylesheet (root-relative URL) for the error page, when known. */
  stylesheet?: () => string | undefined;
}

interface SurveyParams {
  slug: string;
  page: string;
}

const FORM_TYPE = "application/x-www-form-urlencoded";

export function registerSubmissionRoutes(app: FastifyInstance, ctx: CollectorContext, options: RouteOptions): void {
  // JSON and urlencoded only: Fastify's text/plain parser would turn any text into a "body".
  app.removeContentTypeParser("text/plain");
  app.addContentTypeParser(FORM_TYPE, { parseAs: "string" }, (_request, body, done) => done(null, parseForm(body as string)));
  app.addHook("onSend", (_request, reply, payload, done) => {
    // Nothing the collector says may be cached by a proxy or the browser; it never sets a cookie.
    reply.header("cache-control", "no-store");
    reply.header("x-content-type-options", "nosniff");
    reply.header("referrer-policy", "no-referrer");
    done(null, payload);
  });
  app.setErrorHandler((error, request, reply) => sendError(ctx, options, request, reply, toHttpError(ctx, request, error)));
  app.setNotFoundHandler((request, reply) =>
    sendError(ctx, options, request, reply, new HttpError(404, "Not found.", { issues: [{ field: "_url", reason: "not-found", message: issueMessage({ reason: "not-found" }, "en") }] })),
  );

  app.post<{ Params: SurveyParams }>(
    "/:slug/:page/responses",
    { bodyLimit: ctx.surveys.maxBodyLimit() },
    async (request, reply) => {
      const channel = isForm(request) ? "form" : "script";
      try {
        const accepted = await submitResponse(ctx, { slug: request.params.slug, pageId: request.params.page, channel, body: request.body, ip: request.ip });
        return acknowledge(request, reply, { ...accepted, ...accepted.survey });
      } catch (error) {
        if (!(error instanceof HttpError)) throw error;
        return sendError(ctx, options, request, reply, error);
      }
    },
  );

  // Someone who opens the form's address directly (a bookmark, the back button) lands on the survey.
  app.get<{ Params: SurveyParams }>("/:slug/:page/responses", async (request, reply) => {
    const { campaign, page } = findSurvey(ctx, request.params.slug, request.params.page);
    return reply.code(303).header("location", pagePath(campaign, campaign.locale, page.id)).send();
  });

  app.get<{ Params: SurveyParams }>("/:slug/:page/token", async (request) => {
    const { campaign, page } = findSurvey(ctx, request.params.slug, request.params.page);
    return ctx.guard.issueToken(campaign.slug, page.id);
  });

  app.get("/health", async (_request, reply) => {
    try {
      await ctx.store.ping();
      return { status: "ok", store: ctx.store.kind };
    } catch {
      return reply.code(503).send({ status: "unavailable", store: ctx.store.kind });
    }
  });
}

function sendError(ctx: CollectorContext, options: RouteOptions, request: FastifyRequest, reply: FastifyReply, error: HttpError): FastifyReply {
  if (error.data.retryAfter !== undefined) reply.header("retry-after", String(error.data.retryAfter));
  if (prefersJson(request)) return reply.code(error.statusCode).type("application/json; charset=utf-8").send(error.toJSON());
  const params = (request.params ?? {}) as Partial<SurveyParams>;
  const survey = params.slug && params.page ? ctx.surveys.get(params.slug, params.page) : undefined;
  const campaign = survey?.campaign ?? (params.slug ? ctx.surveys.campaign(params.slug) : undefined);
  const fields = isForm(request) && isFormFields(request.body) ? request.body : undefined;
  const locale = typeof fields?._locale === "string" && campaign?.locales.includes(fields._locale) ? fields._locale : campaign?.locale;
  const html = renderErrorPage({
    error,
    campaign,
    page: survey?.page,
    locale,
    fields,
    action: request.url,
    token: survey ? ctx.guard.issueToken(survey.campaign.slug, survey.page.id, true).token : undefined,
    stylesheet: options.stylesheet?.(),
  });
  return reply.code(error.statusCode).type("text/html; charset=utf-8").send(html);
}

/** Parser and framework errors (too large, wrong type, broken JSON) as 4xx with a reason; anything else a 500. */
function toHttpError(ctx: CollectorContext, request: FastifyRequest, error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  const { code, statusCode } = error as { code?: string; statusCode?: number };
  const params = (request.params ?? {}) as Partial<SurveyParams>;
  const locale = (params.slug && ctx.surveys.campaign(params.slug)?.locale) || "de";
  const issue = (reason: "too-large-body" | "content-type" | "malformed") => [{ field: "_body", reason, message: issueMessage({ reason }, locale) }];
  if (code === "FST_ERR_CTP_BODY_TOO_LARGE") return new HttpError(413, "The body is too large.", { issues: issue("too-large-body") });
  if (code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") return new HttpError(415, `Send application/json or ${FORM_TYPE}.`, { issues: issue("content-type") });
  if (statusCode && statusCode >= 400 && statusCode < 500) return new HttpError(statusCode, "The body could not be read.", { issues: issue("malformed") });
  // A bug or a store failure: say nothing about the inside, and never pretend the answer was kept.
  console.error(`mitreden collector: ${(error as Error)?.stack ?? String(error)}`);
  return new HttpError(500, "The answers could not be stored. Please try again.", { issues: [] }, { cause: error });
}

export function isForm(request: FastifyRequest): boolean {
  return (request.headers["content-type"] ?? "").toLowerCase().startsWith(FORM_TYPE);
}

/** The browser script asks for JSON; a plain form gets HTML. Machines without Accept get JSON. */
export function prefersJson(request: FastifyRequest): boolean {
  const accept = (request.headers.accept ?? "").toLowerCase();
  if (accept.includes("application/json")) return true;
  return !(isForm(request) || accept.includes("text/html"));
}

function isFormFields(body: unknown): body is FormFields {
  return typeof body === "object" && body !== null && !Array.isArray(body);
}

/**
 * The answer to a stored submission: 303 to the thank-you page for a plain form, or JSON with the
 * stored id for the script (200 when it was a retry of one already stored).
 */
export function acknowledge(
  request: FastifyRequest,
  reply: FastifyReply,
  accepted: { id: string; duplicate: boolean; locale: string; campaign: CampaignModel; page: PageModel },
  extra: Record<string, unknown> = {},
): FastifyReply {
  const { campaign, page } = accepted;
  const path = thankYouPath(campaign, accepted.locale, page.id);
  // Same-origin collector ("/api"): a root-relative address also works on a preview host.
  const thankYou = /^https?:\/\//.test(campaign.site.collector) ? campaign.site.baseUrl + path : path;
  if (!prefersJson(request)) return reply.code(303).header("location", thankYou).send();
  return reply.code(accepted.duplicate ? 200 : 201).send({ id: accepted.id, status: accepted.duplicate ? "duplicate" : "stored", ...extra, thankYou });
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
