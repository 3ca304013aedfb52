// The reach wing's HTTP surface, at the site's root beside the collector's prefix:
//   GET/HEAD /l/<code>   a short link of the social kit: 302 to its page with the utm parameters,
//                        counted as a click (a person) or a preview (a robot, HEAD); an unknown
//                        code is a 404 page in the site's frame.
// Counting is a Map update (counter.ts); the store is written every few seconds.
import type { FastifyInstance } from "fastify";
import { findShortLink, SHORT_LINK_PREFIX, type ShortLink } from "../../campaign/short-links.js";
import type { CollectorContext } from "../context.js";
import { registerAnswerHeaders } from "../http.js";
import type { Channel } from "./channels.js";
import { isPreview } from "./previews.js";

/** The route of a short link, below the site's root (not the collector's prefix). */
export const SHORT_LINK_ROUTE = `${SHORT_LINK_PREFIX}:code`;

export function registerReachRoutes(app: FastifyInstance, ctx: CollectorContext): void {
  registerAnswerHeaders(app, ctx);
  // GET also answers HEAD (Fastify's exposeHeadRoutes): the handler sees request.method "HEAD".
  app.get<{ Params: { code: string } }>(SHORT_LINK_ROUTE, async (request, reply) => {
    const { code } = request.params;
    const link = findShortLink(ctx.campaigns.model(), code);
    const campaign = link && ctx.campaigns.campaign(link.campaign);
    if (!link || !campaign) return reply.code(404).type("text/html; charset=utf-8").send(ctx.pages.shortLinkNotFound(code));
    ctx.reach.click(campaign, linkChannel(link), isPreview(request.method, request.headers["user-agent"]));
    // Root-relative: the short link lives on the site's origin, so the browser stays there (and a
    // preview with `mitreden serve` stays on the preview).
    const target = new URL(link.target);
    return reply.code(302).header("location", `${target.pathname}${target.search}`).send();
  });
}

/** A link's channel: its platform and post, or "qr" and its page ("start": the landing page). */
export function linkChannel(link: ShortLink): Channel {
  return link.medium === "social" ? { source: link.platform!, content: link.post! } : { source: "qr", content: link.page ?? "start" };
}
