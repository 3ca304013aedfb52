// What `mitreden collect` does, as a typed function the CLI (and cities' scripts) call.
import { loadSiteModel } from "../campaign/index.js";
import { rehearsalClock } from "../clock.js";
import { MitredenError } from "../errors.js";
import { readSiteAssets } from "../pages/assets.js";
import { proofOfWorkDifficulty, settings, trustedProxies } from "../settings.js";
import { checkExportToken } from "./surveys/export-route.js";
import { createCollector } from "./server.js";
import { describeStore, openStore, type Store } from "./store/index.js";

export interface CollectOptions {
  campaignsDir: string;
  port: number;
  host?: string;
  /** SQLite file; ignored when databaseUrl is set. */
  db?: string;
  /** Default: DATABASE_URL. */
  databaseUrl?: string;
  /** Pretend the collector starts at this instant (rehearsals, tests); the clock runs on from there. */
  now?: Date;
  /** Submissions per client and 10 minutes (default 20). */
  rateLimit?: number;
  /** Default: MITREDEN_EXPORT_TOKEN. */
  exportToken?: string;
  /** The built site, whose frame (stylesheet, logo) the collector's pages wear. */
  siteDir?: string;
  /** Default: MITREDEN_TRUST_PROXY: the number of reverse proxies in front (1), or their addresses ("loopback", "10.0.0.0/8"). */
  trustProxy?: number | string;
}

export interface RunningCollector {
  url: string;
  /** What the person who started it should know (e.g. no built site to take the pages' frame from). */
  warnings: string[];
  store: Store;
  storeDescription: string;
  close(): Promise<void>;
}

export async function startCollector(options: CollectOptions): Promise<RunningCollector> {
  const env = settings();
  // Settings a person got wrong are said before anything starts, in their own words (not as "cannot listen").
  const trustProxy = trustedProxies(options.trustProxy ?? env.trustProxy);
  const difficulty = proofOfWorkDifficulty(env.powDifficulty);
  const exportToken = options.exportToken ?? env.exportToken;
  checkExportToken(exportToken);
  const { model } = await loadSiteModel(options.campaignsDir);
  const storeOptions = { databaseUrl: options.databaseUrl ?? env.databaseUrl, file: options.db };
  const store = await openStore(storeOptions);
  const app = createCollector({
    model,
    store,
    now: rehearsalClock(options.now),
    abuse: { secret: env.secret, rateLimit: options.rateLimit === undefined ? undefined : { max: options.rateLimit }, proofOfWork: { difficulty } },
    exportToken,
    assets: options.siteDir ? () => readSiteAssets(options.siteDir!) : undefined,
    trustProxy,
  });
  try {
    await app.listen({ port: options.port, host: options.host ?? "127.0.0.1" });
  } catch (error) {
    await store.close();
    throw new MitredenError(`The collector cannot listen on port ${options.port}: ${(error as Error).message}`, { cause: error });
  }
  const warnings: string[] = [];
  if (store.kind === "postgres" && !env.secret) {
    warnings.push("DATABASE_URL is set but MITREDEN_SECRET is not: this collector signs form tokens with a secret of its own, so other collectors on the same database (and this one after a restart) store their submissions as unverified. Give every instance the same MITREDEN_SECRET (openssl rand -base64 32).");
  }
  if (options.siteDir && !readSiteAssets(options.siteDir)) {
    warnings.push(`No site built by this mitreden in ${options.siteDir}/: the collector's pages (errors of plain forms) will have no stylesheet and logo. Build the site first (npx mitreden build), or pass --site <folder>.`);
  }
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return {
    url: `http://${options.host ?? "127.0.0.1"}:${port}/api`,
    warnings,
    store,
    storeDescription: describeStore(storeOptions),
    close: async () => {
      // Fastify waits for requests in flight, so every acknowledged row is committed before the store closes.
      await app.close();
      await store.close();
    },
  };
}
