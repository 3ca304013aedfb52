// GET challenge: a proof-of-work challenge for the ALTCHA widget on a survey or map form
// (docs/adr/025-proof-of-work.md). Only for campaigns with `abuse.proofOfWork`; for the others the
// address does not exist (404), so nobody is asked to solve what the collector will not check.
import type { FastifyInstance } from "fastify";
import { COLLECTOR_ROUTES } from "../campaign/urls.js";
import type { CampaignModel, PageModel } from "../campaign/model.js";
import type { CollectorContext } from "./context.js";
import { HttpError } from "./errors.js";
import { issueMessage } from "../forms/messages.js";

interface Params {
  slug: string;
  page: string;
}

export function registerProofOfWorkRoutes(app: FastifyInstance, ctx: CollectorContext): void {
  const challenge = (find: (slug: string, pageId: string) => { campaign: CampaignModel; page: PageModel }) => async (request: { params: Params }) => {
    const { campaign, page } = find(request.params.slug, request.params.page);
    if (!campaign.abuse.proofOfWork) {
      throw new HttpError(404, "This campaign asks for no proof of work.", { issues: [{ field: "_url", reason: "not-found", message: issueMessage({ reason: "not-found" }, campaign.locale) }] });
    }
    return ctx.guard.proofOfWork.challenge(campaign.slug, page.id);
  };
  app.get<{ Params: Params }>(COLLECTOR_ROUTES.surveyChallenge, challenge((slug, pageId) => ctx.campaigns.survey(slug, pageId)));
  app.get<{ Params: Params }>(COLLECTOR_ROUTES.contributionChallenge, challenge((slug, pageId) => ctx.campaigns.map(slug, pageId)));
}
