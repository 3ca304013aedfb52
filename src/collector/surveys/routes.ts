// The survey wing's HTTP surface (below the collector's prefix; routes from src/campaign/urls.ts):
//   POST responses   a submission: JSON (browser script) or urlencoded (plain form)
//   GET  responses   someone who opened the form's address: to the survey
//   GET  token       a form token for the browser script
//   GET  export      CSV/JSON for staff (export-route.ts)
import type { FastifyInstance } from "fastify";
import { COLLECTOR_ROUTES } from "../../campaign/urls.js";
import type { CollectorContext } from "../context.js";
import { registerSubmissionRoute } from "../http.js";
import { registerExportRoute } from "./export-route.js";
import { submitResponse } from "./submit.js";

export function registerSurveyRoutes(app: FastifyInstance, ctx: CollectorContext, options: { exportToken?: string }): void {
  registerSubmissionRoute(app, ctx, {
    route: COLLECTOR_ROUTES.responses,
    bodyLimit: ctx.campaigns.maxBodyLimit(),
    find: (slug, pageId) => ctx.campaigns.survey(slug, pageId),
    submit: submitResponse,
  });

  app.get<{ Params: { slug: string; page: string }; Querystring: { via?: string } }>(COLLECTOR_ROUTES.surveyToken, async (request) => {
    const { campaign, page } = ctx.campaigns.survey(request.params.slug, request.params.page);
    // The form was loaded: counted for the channel the page's address carried (reach, ADR 020).
    ctx.reach.opened(campaign, request.query.via);
    return ctx.guard.issueToken(campaign.slug, page.id);
  });

  registerExportRoute(app, ctx, options.exportToken);
}
