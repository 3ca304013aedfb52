// The map's HTTP surface, next to the survey routes under /api (docs/adr/007-map.md):
//   POST /<slug>/<page>/contributions            JSON (browser script) or urlencoded (plain form)
//   GET  /<slug>/<page>/contributions/token      a form token, as for surveys
//   GET  /<slug>/<page>/contributions.geojson    the public contributions (ETag, 304)
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { pagePath } from "../../campaign/urls.js";
import type { FormFields } from "../../forms/fields.js";
import { HttpError } from "../errors.js";
import { acknowledge, isForm, prefersJson } from "../routes.js";
import type { CollectorContext } from "../submit.js";
import { renderContributionErrorPage } from "./html.js";
import { chooseEncoding, matchesEtag, PublicBody, publicGeoJson, publicStatuses } from "./public.js";
import { findMapPage, submitContribution, type MapPage } from "./submit.js";

interface Params {
  slug: string;
  page: string;
}


export function registerContributionRoutes(app: FastifyInstance, ctx: CollectorContext, options: { stylesheet?: () => string | undefined }): void {
  const publicCache = new Map<string, PublicBody>();
  app.post<{ Params: Params }>("/:slug/:page/contributions", { bodyLimit: 64 * 1024 }, async (request, reply) => {
    const channel = isForm(request) ? "form" : "script";
    try {
      const accepted = await submitContribution(ctx, { slug: request.params.slug, pageId: request.params.page, channel, body: request.body, ip: request.ip });
      return acknowledge(request, reply, { ...accepted, ...accepted.map }, { moderation: accepted.map.page.map.contributions.moderation });
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      return sendError(ctx, options, request, reply, error);
    }
  });

  app.get<{ Params: Params }>("/:slug/:page/contributions", async (request, reply) => {
    const { campaign, page } = findMapPage(ctx, request.params.slug, request.params.page);
    return reply.code(303).header("location", pagePath(campaign, campaign.locale, page.id)).send();
  });

  app.get<{ Params: Params }>("/:slug/:page/contributions/token", async (request) => {
    const { campaign, page } = findMapPage(ctx, request.params.slug, request.params.page);
    return ctx.guard.issueToken(campaign.slug, page.id);
  });

  app.get<{ Params: Params }>(
    "/:slug/:page/contributions.geojson",
    {
      // After the collector's own onSend ("no-store"): this answer is meant to be cached and revalidated.
      onSend: (_request, reply, payload, done) => {
        if (reply.statusCode === 200 || reply.statusCode === 304) reply.header("cache-control", "public, max-age=0, must-revalidate");
        done(null, payload);
      },
    },
    async (request, reply) => {
      const { campaign, page } = findMapPage(ctx, request.params.slug, request.params.page);
      if (!page.map.contributions.public) throw new HttpError(404, "This map does not publish contributions.", { issues: [] });
      // Built again only when a contribution arrived or was moderated (also by another process: the version is read from the store).
      const key = `${campaign.slug}/${page.id}`;
      const version = `${await ctx.store.contributionsVersion(campaign.slug, page.id)}/${page.map.contributions.moderation}`;
      let cached = publicCache.get(key);
      if (cached?.version !== version) {
        cached = new PublicBody(version, publicGeoJson(await ctx.store.listContributions(campaign.slug, page.id, publicStatuses(page.map))));
        publicCache.set(key, cached);
      }
      const encoding = chooseEncoding(request.headers["accept-encoding"]);
      const { bytes, etag } = cached.get(encoding);
      reply.header("etag", etag).header("vary", "accept-encoding").header("access-control-allow-origin", "*");
      if (matchesEtag(request.headers["if-none-match"], etag)) return reply.code(304).send();
      if (encoding !== "identity") reply.header("content-encoding", encoding);
      return reply.type("application/geo+json; charset=utf-8").send(bytes);
    },
  );
}

function sendError(ctx: CollectorContext, options: { stylesheet?: () => string | undefined }, request: FastifyRequest<{ Params: Params }>, reply: FastifyReply, error: HttpError): FastifyReply {
  if (error.data.retryAfter !== undefined) reply.header("retry-after", String(error.data.retryAfter));
  if (prefersJson(request)) return reply.code(error.statusCode).type("application/json; charset=utf-8").send(error.toJSON());
  let map: MapPage | undefined;
  try {
    map = findMapPage(ctx, request.params.slug, request.params.page);
  } catch {
    map = undefined;
  }
  const fields = isForm(request) && typeof request.body === "object" && request.body !== null ? (request.body as FormFields) : undefined;
  const wanted = typeof fields?._locale === "string" ? fields._locale : undefined;
  const locale = map && wanted && map.campaign.locales.includes(wanted) ? wanted : (map?.campaign.locale ?? "de");
  const html = renderContributionErrorPage({
    error,
    map,
    locale,
    fields,
    action: request.url,
    token: map ? ctx.guard.issueToken(map.campaign.slug, map.page.id, true).token : undefined,
    stylesheet: options.stylesheet?.(),
  });
  return reply.code(error.statusCode).type("text/html; charset=utf-8").send(html);
}
