// The desk's foundation, for its own pages and for other features' (reach, results): a page behind
// login, role and CSRF token in one call, `deskRoute()`, and `desk.render()` to draw it in the
// site's frame. docs/adr/018-desk.md.
//
//   export function reachDeskPages(app: FastifyInstance, desk: Desk): void {
//     deskRoute(app, desk, { method: "GET", url: "/:slug/reach", role: "admin", async handler(request, reply, staff) {
//       return desk.render(request, reply, staff, { view: "reach", heading: "…", rows });   // templates/desk/reach.njk
//     } });
//   }
//   …and list reachDeskPages in DESK_PAGES (src/collector/server.ts).
//
// A GET without a session is redirected to the login (a JSON request gets 401); a POST must carry
// the session's `_csrf` field (403 and nothing done otherwise); `role: "admin"` answers a
// moderator with 403. Handlers get the `Staff` (name, role, csrf for their forms).
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { message, type MessageKey } from "../../i18n/index.js";
import type { CollectorContext } from "../context.js";
import type { NewAuditEntry, Role } from "../store/index.js";
import type { DeskAuth, Staff } from "./auth.js";

export type { Staff } from "./auth.js";
export type DeskLocale = "de" | "en";

export interface Desk {
  ctx: CollectorContext;
  auth: DeskAuth;
  /** Where the desk is mounted, e.g. "/admin". */
  base: string;
  /** The desk's language for this request: German or English, as the browser asks (Accept-Language). */
  locale(request: FastifyRequest): DeskLocale;
  /** A text of the desk's catalogue (or any other) in the request's language. */
  t(request: FastifyRequest, key: MessageKey | string, params?: Record<string, string | number>): string;
  /** Draws templates/desk/<view>.njk in the site's frame, with the desk's navigation. */
  render(request: FastifyRequest, reply: FastifyReply, staff: Staff | undefined, page: { view: string; heading: string; status?: number; [key: string]: unknown }): FastifyReply;
  /** templates/desk/<view>.njk alone (no frame), in the request's language, with `desk` as given. */
  fragment(request: FastifyRequest, view: string, desk: Record<string, unknown>): string;
  /** 303 to a desk address (relative to base), with a message shown once on the next page. */
  redirect(reply: FastifyReply, staff: Staff, to: string, flash?: string): Promise<FastifyReply>;
  /** One line in the audit log, by this staff member, now. */
  audit(staff: Staff, entry: Omit<NewAuditEntry, "at" | "actor">): Promise<void>;
  /** Every route deskRoute() registered (the security tests walk them all). */
  routes: { method: "GET" | "POST"; url: string; role?: Role }[];
}

export interface DeskRouteSpec<P = Record<string, string>, Q = Record<string, string | string[] | undefined>, B = Record<string, string | string[] | undefined>> {
  method: "GET" | "POST";
  /** Relative to the desk's base ("/" is the queue). */
  url: string;
  /** "admin": administrators only. Default: every logged-in member of the team. */
  role?: Role;
  handler(request: FastifyRequest<{ Params: P; Querystring: Q; Body: B }>, reply: FastifyReply, staff: Staff): Promise<FastifyReply | unknown>;
}

/** Registers one desk page or action behind login, role and (for POST) the CSRF token. */
export function deskRoute<P = Record<string, string>, Q = Record<string, string | string[] | undefined>, B = Record<string, string | string[] | undefined>>(
  app: FastifyInstance,
  desk: Desk,
  spec: DeskRouteSpec<P, Q, B>,
): void {
  desk.routes.push({ method: spec.method, url: `${desk.base}${spec.url}`, role: spec.role });
  app.route<{ Params: P; Querystring: Q; Body: B }>({
    method: spec.method,
    url: spec.url,
    handler: async (request, reply) => {
      const staff = await desk.auth.staff(request);
      if (typeof staff === "string") {
        if (wantsJson(request)) return reply.code(401).type("application/json; charset=utf-8").send({ error: "Log in at the desk first.", login: `${desk.base}/login` });
        const next = request.method === "GET" ? `&next=${encodeURIComponent(request.url)}` : "";
        return reply.code(303).header("location", `${desk.base}/login?${staff === "expired" ? "expired=1" : "from=desk"}${next}`).send();
      }
      if (spec.role === "admin" && staff.role !== "admin") return refuse(desk, request, reply, staff, 403, "desk.error.forbidden");
      if (spec.method === "POST" && !desk.auth.checkCsrf(staff, (request.body as Record<string, unknown> | undefined)?._csrf)) {
        return refuse(desk, request, reply, staff, 403, "desk.error.csrf");
      }
      return spec.handler(request, reply, staff);
    },
  });
}

/** An error page of the desk in its frame (403, 404, 409). */
export function refuse(desk: Desk, request: FastifyRequest, reply: FastifyReply, staff: Staff | undefined, status: number, key: string, params?: Record<string, string | number>): FastifyReply {
  if (wantsJson(request)) return reply.code(status).type("application/json; charset=utf-8").send({ error: message("en", key as MessageKey, params as never) });
  return desk.render(request, reply, staff, { view: "error", heading: desk.t(request, "desk.error.title"), status, text: desk.t(request, key, params) });
}

export function wantsJson(request: FastifyRequest): boolean {
  const accept = (request.headers.accept ?? "").toLowerCase();
  return accept.includes("application/json") && !accept.includes("text/html");
}

/** German or English, whichever the browser prefers first; else the site's language if it is one of them, else German. */
export function negotiateLocale(acceptLanguage: string | undefined, fallback: string): DeskLocale {
  const wanted = (acceptLanguage ?? "")
    .split(",")
    .map((part) => {
      const [tag, ...params] = part.trim().toLowerCase().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag: tag!.split("-")[0]!, q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((w) => w.q > 0)
    .sort((a, b) => b.q - a.q);
  const found = wanted.find((w) => w.tag === "de" || w.tag === "en");
  if (found) return found.tag as DeskLocale;
  return fallback.startsWith("en") ? "en" : "de";
}
