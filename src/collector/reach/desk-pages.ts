// The reach figures at the desk (docs/adr/020-reach-without-cookies.md): /admin/<slug>/reach with
// the tables, the chart and the form for the platforms' own figures; its CSV download (logged).
// Every member of the team may read them; entering figures is a POST with the session's CSRF token.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { CampaignModel } from "../../campaign/model.js";
import { deskRoute, refuse, type Desk, type Staff } from "../desk/index.js";
import type { PostMetrics } from "../store/index.js";
import { reachFigures } from "./figures.js";
import { reachCsv } from "./report.js";
import { reachView } from "./view.js";

type Body = Record<string, string | string[] | undefined>;
const METRICS = ["impressions", "reactions", "comments", "shares"] as const;

async function figuresOf(desk: Desk, request: FastifyRequest, campaign: CampaignModel) {
  // What this instance counted in the last seconds is shown too.
  await desk.ctx.reach.flush();
  const { store } = desk.ctx;
  return reachFigures(campaign, await store.listReachCounts(campaign.slug), await store.listReachSubmissions(campaign.slug), await store.listPostMetrics(campaign.slug), desk.locale(request));
}

type CampaignRequest = FastifyRequest<{ Params: { slug: string }; Querystring: Body; Body: Body }>;

/** A reach page or action of one campaign, /:slug/…: a campaign the collector does not serve is a 404. */
function campaignRoute(
  app: FastifyInstance,
  desk: Desk,
  method: "GET" | "POST",
  url: string,
  handler: (request: CampaignRequest, reply: FastifyReply, staff: Staff, campaign: CampaignModel) => Promise<FastifyReply | unknown>,
): void {
  deskRoute<{ slug: string }, Body, Body>(app, desk, {
    method,
    url,
    async handler(request, reply, staff) {
      const campaign = desk.ctx.campaigns.campaign(request.params.slug);
      if (!campaign) return refuse(desk, request, reply, staff, 404, "desk.error.notFound");
      return handler(request, reply, staff, campaign);
    },
  });
}

export function registerReachDesk(app: FastifyInstance, desk: Desk): void {
  campaignRoute(app, desk, "GET", "/:slug/reach", async (request, reply, staff, campaign) => {
    const figures = await figuresOf(desk, request, campaign);
    const base = `${desk.base}/${campaign.slug}/reach`;
    return desk.render(request, reply, staff, {
      view: "reach",
      heading: `${desk.t(request, "reach.desk.heading")}: ${figures.title}`,
      reach: reachView(figures, { csvHref: `${base}.csv`, metricsAction: `${base}/metrics`, csrf: staff.csrf }),
    });
  });

  campaignRoute(app, desk, "GET", "/:slug/reach.csv", async (request, reply, staff, campaign) => {
    const csv = reachCsv(await figuresOf(desk, request, campaign));
    await desk.audit(staff, { action: "reach.download", target: `campaign:${campaign.slug}` });
    return reply.type("text/csv; charset=utf-8").header("content-disposition", `attachment; filename="${campaign.slug}-reach.csv"`).send(csv);
  });

  campaignRoute(app, desk, "POST", "/:slug/reach/metrics", async (request, reply, staff, campaign) => {
    const body = request.body ?? {};
    const entered: PostMetrics[] = [];
    for (const post of campaign.social.posts) {
      for (const platform of post.platforms) {
        const metrics: PostMetrics = { campaign: campaign.slug, post: post.id, platform };
        for (const name of METRICS) {
          const raw: unknown = body[`${platform}:${post.id}:${name}`];
          const first = Array.isArray(raw) ? (raw as unknown[])[0] : raw;
          // A JSON body may carry anything here (an object, a number): only text is a figure.
          const text = first === undefined || first === null ? "" : typeof first === "string" ? first.trim().replace(/[.\s]/g, "") : "?";
          if (text === "") continue;
          if (!/^\d{1,12}$/.test(text)) return refuse(desk, request, reply, staff, 400, "reach.metrics.invalid", { field: `${post.id} · ${platform} · ${desk.t(request, `reach.column.${name}`)}` });
          metrics[name] = Number(text);
        }
        entered.push(metrics);
      }
    }
    for (const metrics of entered) await desk.ctx.store.setPostMetrics(metrics);
    await desk.audit(staff, { action: "reach.metrics", target: `campaign:${campaign.slug}` });
    return desk.redirect(reply, staff, `${campaign.slug}/reach`, desk.t(request, "reach.metrics.saved"));
  });
}
