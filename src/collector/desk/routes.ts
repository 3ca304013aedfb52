// The desk as a Fastify plugin, mounted at /admin beside the collector's /api (createCollector,
// mitreden serve): its parsers and headers, the shared Desk (auth, render, audit), login/logout,
// and each feature's pages.
import type { FastifyInstance, FastifyPluginAsync } from "fastify";
import { message, type MessageKey } from "../../i18n/index.js";
import { collectorSecurityHeaders } from "../../http/security-headers.js";
import type { CollectorContext } from "../context.js";
import { parseForm } from "../http.js";
import { DeskAuth, type DeskAuthOptions } from "./auth.js";
import { negotiateLocale, refuse, type Desk, type DeskLocale } from "./index.js";
import { registerLogin } from "./login.js";

export const DESK_BASE = "/admin";

export interface DeskPluginOptions {
  ctx: CollectorContext;
  auth?: DeskAuthOptions;
  /** Further features' desk pages (reach, results): each registers its routes with deskRoute(). */
  pages?: ((app: FastifyInstance, desk: Desk) => void)[];
}

export const deskPlugin: FastifyPluginAsync<DeskPluginOptions & { prefix?: string }> = async (app, options) => {
  const { ctx } = options;
  const base = options.prefix ?? DESK_BASE;
  const auth = new DeskAuth(ctx.store, base, options.auth);
  const locales = new WeakMap<object, DeskLocale>();

  app.removeContentTypeParser("text/plain");
  // 64 KB: the longest form (an answer of 4,000 characters, a bulk of 100 ids) fits many times.
  app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string", bodyLimit: 65_536 }, (_request, body, done) => done(null, parseForm(body as string)));
  app.addHook("onSend", collectorSecurityHeaders(() => ctx.campaigns.model()));
  app.addHook("onSend", (_request, reply, payload, done) => {
    reply.header("cache-control", "no-store");
    // Staff pages never show up in a search engine, even if a link to them leaks.
    reply.header("x-robots-tag", "noindex, nofollow");
    done(null, payload);
  });

  const desk: Desk = {
    ctx,
    auth,
    base,
    routes: [],
    locale: (request) => {
      // Asked for every text of a page: negotiated once per request.
      let locale = locales.get(request);
      if (!locale) locales.set(request, (locale = negotiateLocale(request.headers["accept-language"], ctx.campaigns.model().locale)));
      return locale;
    },
    t: (request, key, params) => message(desk.locale(request), key as MessageKey, params as never),
    render(request, reply, staff, page) {
      const locale = desk.locale(request);
      const html = ctx.pages.deskPage({
        ...page,
        locale,
        url: request.url,
        home: `${base}/`,
        base,
        staff: staff && { name: staff.name, role: staff.role, csrf: staff.csrf, isAdmin: staff.role === "admin" },
        flash: staff?.flash,
        timeZone: ctx.campaigns.model().campaigns[0]?.timezone ?? "Europe/Berlin",
      });
      return reply.code(page.status ?? 200).type("text/html; charset=utf-8").send(html);
    },
    fragment: (request, view, data) => ctx.pages.deskFragment(view, desk.locale(request), data),
    async redirect(reply, staff, to, flash) {
      if (flash) await auth.flash(staff, flash);
      return reply.code(303).header("location", to.startsWith("/") ? to : `${base}/${to}`).send();
    },
    async audit(staff, entry) {
      await ctx.store.appendAudit({ ...entry, at: auth.now().toISOString(), actor: staff.name });
    },
  };

  app.setNotFoundHandler(async (request, reply) => {
    const staff = await auth.staff(request);
    return refuse(desk, request, reply, typeof staff === "string" ? undefined : staff, 404, "desk.error.notFound");
  });

  registerLogin(app, desk);
  for (const register of options.pages ?? []) register(app, desk);

  // Ended sessions and old failed logins are forgotten every ten minutes.
  const sweep = setInterval(() => void auth.sweep().catch(() => {}), 10 * 60_000);
  sweep.unref();
  app.addHook("onClose", async () => clearInterval(sweep));
};
