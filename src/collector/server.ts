// createCollector(): the collector as a Fastify app of its own (mitreden collect), and
// collectorPlugin: the same routes mounted under a prefix inside another app (mitreden serve).
// Here the context is made and each wing registers its routes on it.
import Fastify, { type FastifyInstance, type FastifyPluginAsync, type FastifyServerOptions } from "fastify";
import { AbuseGuard, type AbuseOptions } from "./abuse.js";
import { Campaigns, type ModelSource } from "./campaigns.js";
import type { CollectorContext } from "./context.js";
import { registerContributionRoutes } from "./contributions/routes.js";
import { registerHttp } from "./http.js";
import { createCollectorPages } from "./pages.js";
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
}

/**
 * The collector's routes in an app: the wings under `apiPrefix`, the short links at /l/. Register
 * it without a prefix (`app.register(collectorPlugin, { apiPrefix: "/api", … })`).
 */
export const collectorPlugin: FastifyPluginAsync<CollectorOptions> = async (app, options) => {
  const { assets } = options;
  const campaigns = new Campaigns(options.model);
  const now = options.now ?? (() => new Date());
  const ctx: CollectorContext = {
    campaigns,
    store: options.store,
    guard: new AbuseGuard(options.abuse),
    now,
    pages: createCollectorPages({ model: () => campaigns.model(), assets: typeof assets === "function" ? assets : () => assets, now }),
    reach: new ReachCounter({ store: options.store, now, flushMs: options.reachFlushMs, warn: (line) => console.error(line) }),
  };
  // Before the store closes (the caller closes it after the app): the last counts are written.
  app.addHook("onClose", async () => ctx.reach.close());
  await app.register(
    async (api) => {
      registerHttp(api, ctx);
      registerSurveyRoutes(api, ctx, { exportToken: options.exportToken });
      registerContributionRoutes(api, ctx);
    },
    // Registered with a prefix of its own (as before short links): the wings go right there.
    { prefix: app.prefix ? "" : (options.apiPrefix ?? "/api") },
  );
  await app.register(async (root) => registerReachRoutes(root, ctx));
};

export interface CreateCollectorOptions extends CollectorOptions {
  /** Where the submission routes live (default "/api", as the site's forms expect). Same as apiPrefix. */
  prefix?: string;
  /** Behind a reverse proxy: trust X-Forwarded-For from these addresses ("loopback", "10.0.0.0/8") or all (true). */
  trustProxy?: boolean | string;
}

export function createCollector(options: CreateCollectorOptions): FastifyInstance {
  // No logger: request logs would hold IP addresses, which the collector promises not to keep.
  const serverOptions: FastifyServerOptions = { logger: false, trustProxy: options.trustProxy ?? false };
  const app = Fastify(serverOptions);
  void app.register(collectorPlugin, { ...options, apiPrefix: options.apiPrefix ?? options.prefix ?? "/api" });
  return app;
}
