// The map wing's HTTP surface, next to the survey wing (docs/adr/007-map.md; routes from src/campaign/urls.ts):
//   POST contributions           JSON (browser script) or urlencoded (plain form)
//   GET  contributions           someone who opened the form's address: to the map
//   GET  contributions/token     a form token, as for surveys
//   GET  contributions.geojson   the public contributions (ETag, 304, compressed)
import type { FastifyInstance } from "fastify";
import { COLLECTOR_ROUTES } from "../../campaign/urls.js";
import type { CollectorContext } from "../context.js";
import { HttpError } from "../errors.js";
import { registerSubmissionRoute } from "../http.js";
import { chooseEncoding, matchesEtag, PublicBody, publicGeoJson, publicStatuses } from "./public.js";
import { submitContribution } from "./submit.js";

interface Params {
  slug: string;
  page: string;
}

export function registerContributionRoutes(app: FastifyInstance, ctx: CollectorContext): void {
  registerSubmissionRoute(app, ctx, {
    route: COLLECTOR_ROUTES.contributions,
    bodyLimit: 64 * 1024,
    find: (slug, pageId) => ctx.campaigns.map(slug, pageId),
    submit: submitContribution,
  });

  app.get<{ Params: Params; Querystring: { via?: string; again?: string } }>(COLLECTOR_ROUTES.contributionToken, async (request) => {
    const { campaign, page } = ctx.campaigns.map(request.params.slug, request.params.page);
    // The form was loaded: counted for the channel the page's address carried (reach, ADR 020). A
    // fresh token after a contribution (one token, one contribution: ADR 019) is no new visit.
    if (request.query.again === undefined) ctx.reach.opened(campaign, request.query.via);
    return ctx.guard.issueToken(campaign.slug, page.id);
  });

  const publicCache = new Map<string, PublicBody>();
  const publicBuilds = new Map<string, Promise<PublicBody>>();
  app.get<{ Params: Params }>(
    COLLECTOR_ROUTES.publicContributions,
    {
      // After the collector's own onSend ("no-store"): this answer is meant to be cached and revalidated.
      onSend: (_request, reply, payload, done) => {
        if (reply.statusCode === 200 || reply.statusCode === 304) reply.header("cache-control", "public, max-age=0, must-revalidate");
        done(null, payload);
      },
    },
    async (request, reply) => {
      const { campaign, page } = ctx.campaigns.map(request.params.slug, request.params.page);
      if (!page.map.contributions.public) throw new HttpError(404, "This map does not publish contributions.", { issues: [] });
      // Built again only when what it shows may have changed (also by another process: the version is
      // read from the store). A contribution that waits for moderation leaves it as it is: at
      // ten thousand contributions a build takes a fifth of a second, and during the first hours
      // contributions arrive every few seconds while many people load the map.
      const key = `${campaign.slug}/${page.id}`;
      const statuses = publicStatuses(page.map);
      const version = `${await ctx.store.contributionsVersion(campaign.slug, page.id, statuses)}/${page.map.contributions.moderation}`;
      let cached = publicCache.get(key);
      if (cached?.version !== version) {
        // One build per version: the requests arriving while it is made wait for it.
        let building = publicBuilds.get(`${key} ${version}`);
        if (!building) {
          building = ctx.store
            .listContributions(campaign.slug, page.id, statuses)
            .then((contributions) => new PublicBody(version, publicGeoJson(contributions, campaign.organization.name[campaign.locale] ?? "")))
            .finally(() => publicBuilds.delete(`${key} ${version}`));
          publicBuilds.set(`${key} ${version}`, building);
        }
        cached = await building;
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
