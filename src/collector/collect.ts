// What `mitreden collect` and `mitreden export` do, as typed functions the CLI (and cities' scripts) call.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { loadSiteModel } from "../campaign/index.js";
import type { SurveyPageModel } from "../campaign/model.js";
import { MitredenError, UsageError } from "../errors.js";
import { type ExportFormat, serializeResponses } from "./export.js";
import { createCollector } from "./server.js";
import { DEFAULT_DATABASE_FILE, describeStore, openStore, type ResponseStore } from "./store/index.js";

export interface CollectOptions {
  campaignsDir: string;
  port: number;
  host?: string;
  /** SQLite file; ignored when databaseUrl is set. */
  db?: string;
  /** Default: process.env.DATABASE_URL. */
  databaseUrl?: string;
  /** Pretend the collector starts at this instant (rehearsals, tests); the clock runs on from there. */
  now?: Date;
  /** Submissions per client and 10 minutes (default 20). */
  rateLimit?: number;
  /** Default: process.env.MITREDEN_EXPORT_TOKEN. */
  exportToken?: string;
  /** Built site, to link its stylesheet from the error page (optional). */
  siteDir?: string;
  /** Default: process.env.MITREDEN_TRUST_PROXY ("loopback", an address or CIDR, or "true"). */
  trustProxy?: string;
}

export interface RunningCollector {
  url: string;
  store: ResponseStore;
  storeDescription: string;
  close(): Promise<void>;
}

export async function startCollector(options: CollectOptions): Promise<RunningCollector> {
  const { model } = await loadSiteModel(options.campaignsDir);
  const databaseUrl = options.databaseUrl ?? (process.env.DATABASE_URL || undefined);
  const storeOptions = { databaseUrl, file: options.db };
  const store = await openStore(storeOptions);
  const offset = options.now ? options.now.getTime() - Date.now() : 0;
  const trustProxy = options.trustProxy ?? process.env.MITREDEN_TRUST_PROXY;
  const app = createCollector({
    model,
    store,
    now: () => new Date(Date.now() + offset),
    abuse: {
      secret: process.env.MITREDEN_SECRET || undefined,
      rateLimit: options.rateLimit === undefined ? undefined : { max: options.rateLimit },
    },
    exportToken: options.exportToken ?? (process.env.MITREDEN_EXPORT_TOKEN || undefined),
    stylesheet: options.siteDir ? () => findStylesheet(options.siteDir!) : undefined,
    trustProxy: trustProxy === "true" ? true : trustProxy || undefined,
  });
  try {
    await app.listen({ port: options.port, host: options.host ?? "127.0.0.1" });
  } catch (error) {
    await store.close();
    throw new MitredenError(`The collector cannot listen on port ${options.port}: ${(error as Error).message}`, { cause: error });
  }
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return {
    url: `http://${options.host ?? "127.0.0.1"}:${port}/api`,
    store,
    storeDescription: describeStore(storeOptions),
    close: async () => {
      // Fastify waits for requests in flight, so every acknowledged row is committed before the store closes.
      await app.close();
      await store.close();
    },
  };
}

/** The newest `assets/mitreden.<hash>.css` of a built site, as a root-relative URL. */
export function findStylesheet(siteDir: string): string | undefined {
  try {
    const css = readdirSync(path.join(siteDir, "assets")).filter((f) => /^mitreden\.[0-9a-f]{8}\.css$/.test(f));
    return css.length ? `/assets/${css.sort().at(-1)}` : undefined;
  } catch {
    return undefined;
  }
}

export interface ExportOptions {
  campaignsDir: string;
  slug: string;
  pageId: string;
  format?: ExportFormat;
  delimiter?: string;
  db?: string;
  databaseUrl?: string;
}

/** A survey's responses as CSV or JSON text (CSV with a BOM, for Excel). */
export async function exportResponses(options: ExportOptions): Promise<string> {
  const { model } = await loadSiteModel(options.campaignsDir);
  const campaign = model.campaigns.find((c) => c.slug === options.slug);
  if (!campaign) throw new UsageError(`No campaign "${options.slug}" in ${options.campaignsDir}/. Campaigns: ${model.campaigns.map((c) => c.slug).join(", ")}`);
  const surveys = campaign.pages.filter((p): p is SurveyPageModel => p.type === "survey");
  const page = surveys.find((p) => p.id === options.pageId);
  if (!page) throw new UsageError(`Campaign "${campaign.slug}" has no survey "${options.pageId}". Surveys: ${surveys.map((p) => p.id).join(", ") || "none"}`);
  const format = options.format ?? "csv";
  if (format !== "csv" && format !== "json") throw new UsageError(`--format must be csv or json, not "${String(format)}".`);
  const databaseUrl = options.databaseUrl ?? (process.env.DATABASE_URL || undefined);
  const file = options.db ?? DEFAULT_DATABASE_FILE;
  // Opening would create an empty database: a mistyped --db would then "export" nothing, silently.
  if (!databaseUrl && !existsSync(file)) throw new UsageError(`No database at ${file}. Pass --db <file>, or set DATABASE_URL for PostgreSQL.`);
  const store = await openStore({ databaseUrl, file });
  try {
    const responses = await store.listResponses(campaign.slug, page.id);
    return serializeResponses(campaign, page, responses, { format, delimiter: options.delimiter });
  } finally {
    await store.close();
  }
}
