// createCollector(): the collector as a Fastify app of its own (mitreden collect), and
// collectorPlugin: the same routes inside another app (mitreden serve): the wings under /api, the short links at /l/.
// Here the context is made and each wing registers its routes on it.
import Fastify, { type FastifyInstance, type FastifyPluginAsync, type FastifyServerOptions } from "fastify";
import { AbuseGuard, type AbuseOptions } from "./abuse.js";
import { Campaigns, type ModelSource } from "./campaigns.js";
import type { CollectorContext } from "./context.js";
import { registerContributionRoutes } from "./contributions/routes.js";
import type { DeskAuthOptions } from "./desk/auth.js";
import { DESK_PAGES } from "./desk/pages.js";
import { DESK_BASE, deskPlugin } from "./desk/routes.js";
import { registerHttp } from "./http.js";
import { createCollectorPages } from "./pages.js";
import { registerProofOfWorkRoutes } from "./proof-of-work-routes.js";
import type { SiteAssets } from "../pages/assets.js";
import type { Store } from "./store/index.js";
import { ReachCounter } from "./reach/counter.js";
import { registerReachRoutes } from "./reach/routes.js";
import { registerSurveyRoutes } from "./surveys/routes.js";

export interface CollectorOptions {
  /** The site model, or a function returning the current one (it may change on rebuild). */
  model: ModelSource;
  store: Store;
  /** Clock for the open periods; default the real time. */
  now?: () => Date;
  abuse?: AbuseOptions;
  /** Bearer token for the export URL (MITREDEN_EXPORT_TOKEN); without it the export URL answers 404. */
  exportToken?: string;
  /** The built site's stylesheet and pictures (readSiteAssets), for the collector's pages; without them they go unstyled. */
  assets?: SiteAssets | (() => SiteAssets | undefined);
  /** Where the submission routes live (default "/api", as the site's forms expect); the short links /l/ stay at the root. */
  apiPrefix?: string;
  /** Milliseconds between two writes of the reach counts (default 5000); they are written on close too. */
  reachFlushMs?: number;
  /** The context made by createCollectorContext(), to share it with the desk; made here when absent. */
  context?: CollectorContext;
}

/** What every wing works with; made once and shared by the collector's routes (/api) and the desk (/admin). */
export function createCollectorContext(options: CollectorOptions): CollectorContext {
  const { assets } = options;
  const campaigns = new Campaigns(options.model);
  const now = options.now ?? (() => new Date());
  return {
    campaigns,
    store: options.store,
    // Several collectors on one PostgreSQL count a client together (docs/adr/019-trust.md).
    guard: new AbuseGuard(options.abuse, Date.now, options.store.sharedRateWindows),
    now,
    pages: createCollectorPages({ model: () => campaigns.model(), assets: typeof assets === "function" ? assets : () => assets, now }),
    reach: new ReachCounter({ store: options.store, now, flushMs: options.reachFlushMs, warn: (line) => console.error(line) }),
  };
}

/**
 * The campaign team's desk at /admin (docs/adr/018-desk.md), on the collector's context. A feature
 * with desk pages adds its register function to DESK_PAGES (src/collector/desk/pages.ts).
 */
export function registerDesk(app: FastifyInstance, ctx: CollectorContext, options: { prefix?: string; auth?: DeskAuthOptions } = {}): ReturnType<FastifyInstance["register"]> {
  // Not awaited here: createCollector() registers without waiting, so a failing plugin (a short
  // export token) rejects app.ready() for its caller instead of an orphaned promise.
  return app.register(deskPlugin, { ctx, auth: options.auth, pages: DESK_PAGES, prefix: options.prefix ?? DESK_BASE });
}

/**
 * The collector's routes in an app: the wings under `apiPrefix`, the short links at /l/. Register
 * it without a prefix (`app.register(collectorPlugin, { apiPrefix: "/api", … })`).
 */
export const collectorPlugin: FastifyPluginAsync<CollectorOptions> = async (app, options) => {
  const ctx = options.context ?? createCollectorContext(options);
  // Before the store closes (the caller closes it after the app): the last counts are written.
  // The plugin owns the counter also when the context is shared with the desk.
  app.addHook("onClose", async () => ctx.reach.close());
  await app.register(
    async (api) => {
      registerHttp(api, ctx);
      registerSurveyRoutes(api, ctx, { exportToken: options.exportToken });
      registerContributionRoutes(api, ctx);
      registerProofOfWorkRoutes(api, ctx);
    },
    // Registered with a prefix of its own (as before short links): the wings go right there.
    { prefix: app.prefix ? "" : (options.apiPrefix ?? "/api") },
  );
  await app.register(async (root) => registerReachRoutes(root, ctx));
};

export interface CreateCollectorOptions extends CollectorOptions {
  /** Where the submission routes live (default "/api", as the site's forms expect). Same as apiPrefix. */
  prefix?: string;
  /** The desk's session and lockout rules (tests shorten them); `false`: no desk. */
  desk?: DeskAuthOptions | false;
  /**
   * Behind reverse proxies: how many hops of X-Forwarded-For to believe (1 for one proxy), or the
   * proxies' addresses ("loopback", "10.0.0.0/8"). Never `true`: that believes whatever a client writes.
   */
  trustProxy?: number | string;
}

export function createCollector(options: CreateCollectorOptions): FastifyInstance {
  // No logger: request logs would hold IP addresses, which the collector promises not to keep.
  const serverOptions: FastifyServerOptions = { logger: false, trustProxy: proxyTrust(options.trustProxy) };
  const app = Fastify(serverOptions);
  const context = createCollectorContext(options);
  // `prefix` is not passed on as Fastify's register prefix: the short links stay at the root.
  const { prefix, ...collectorOptions } = options;
  void app.register(collectorPlugin, { ...collectorOptions, context, apiPrefix: options.apiPrefix ?? prefix ?? "/api" });
  if (options.desk !== false) void registerDesk(app, context, { auth: { secret: options.abuse?.secret, ...options.desk } });
  return app;
}

/**
 * A number of hops: believe that many addresses from the right of X-Forwarded-For (hop 0 is the
 * proxy the collector talks to), the client's own, made-up entries at the left never. Fastify's own
 * number option now trusts nothing, so the count is a trust function here. Addresses stay as they are.
 */
function proxyTrust(trust: number | string | undefined): FastifyServerOptions["trustProxy"] {
  if (trust === undefined) return false;
  if (typeof trust === "number") return (_address: string, hop: number) => hop < trust;
  return trust;
}
