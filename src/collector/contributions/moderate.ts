// `mitreden moderate` and `mitreden export` for map pages, as typed functions the thin CLI calls.
import { existsSync } from "node:fs";
import { loadSiteModel } from "../../campaign/index.js";
import type { CampaignModel, MapPageModel } from "../../campaign/model.js";
import { UsageError } from "../../errors.js";
import { DEFAULT_DATABASE_FILE, openStore, type ResponseStore } from "../store/index.js";
import { serializeContributions, type ContributionExportFormat } from "./export.js";
import type { StoredContribution } from "./types.js";

export interface StoreLocation {
  campaignsDir: string;
  db?: string;
  databaseUrl?: string;
}

export interface ModerateOptions extends StoreLocation {
  slug: string;
  /** Only this map page (default: every map page of the campaign). */
  pageId?: string;
  approve?: string;
  reject?: string;
  reason?: string;
  now?: Date;
}

export interface ModerateResult {
  /** The contribution just approved or rejected. */
  decided?: StoredContribution;
  /** What still waits, per map page. */
  pending: { page: MapPageModel; contributions: StoredContribution[] }[];
  campaign: CampaignModel;
}

export async function moderateContributions(options: ModerateOptions): Promise<ModerateResult> {
  if (options.approve && options.reject) throw new UsageError("Either --approve <id> or --reject <id>, not both at once.");
  if (options.reject && !options.reason?.trim()) throw new UsageError('Say why with --reason "…" when rejecting; staff and the export keep it.');
  const { campaign, pages } = await mapPagesOf(options.campaignsDir, options.slug, options.pageId);
  return withStore(options, async (store) => {
    let decided: StoredContribution | undefined;
    const id = options.approve ?? options.reject;
    if (id) {
      decided = await store.moderateContribution(campaign.slug, id, {
        status: options.approve ? "approved" : "rejected",
        reason: options.reject ? options.reason!.trim() : undefined,
        at: (options.now ?? new Date()).toISOString(),
      });
      if (!decided) throw new UsageError(`No contribution "${id}" in campaign "${campaign.slug}". Run mitreden moderate ${campaign.slug} to list the pending ones.`);
    }
    const pending = [];
    for (const page of pages) pending.push({ page, contributions: await store.listContributions(campaign.slug, page.id, ["pending"]) });
    return { decided, pending, campaign };
  });
}

export interface ExportContributionsOptions extends StoreLocation {
  slug: string;
  pageId: string;
  format?: ContributionExportFormat;
  delimiter?: string;
}

export async function exportContributions(options: ExportContributionsOptions): Promise<string> {
  const { campaign, pages } = await mapPagesOf(options.campaignsDir, options.slug, options.pageId);
  const format = options.format ?? "geojson";
  if (!["geojson", "csv", "json"].includes(format)) throw new UsageError(`--format must be geojson, csv or json for a map, not "${String(format)}".`);
  const page = pages[0]!;
  return withStore(options, async (store) =>
    serializeContributions(campaign, page, await store.listContributions(campaign.slug, page.id), { format, delimiter: options.delimiter }),
  );
}

/** Whether a campaign's page is a map (the export command picks contributions or responses by this). */
export async function isMapPage(campaignsDir: string, slug: string, pageId: string): Promise<boolean> {
  const { model } = await loadSiteModel(campaignsDir);
  return model.campaigns.find((c) => c.slug === slug)?.pages.some((p) => p.id === pageId && p.type === "map") ?? false;
}

async function mapPagesOf(campaignsDir: string, slug: string, pageId?: string): Promise<{ campaign: CampaignModel; pages: MapPageModel[] }> {
  const { model } = await loadSiteModel(campaignsDir);
  const campaign = model.campaigns.find((c) => c.slug === slug);
  if (!campaign) throw new UsageError(`No campaign "${slug}" in ${campaignsDir}/. Campaigns: ${model.campaigns.map((c) => c.slug).join(", ")}`);
  const maps = campaign.pages.filter((p): p is MapPageModel => p.type === "map");
  const pages = pageId === undefined ? maps : maps.filter((p) => p.id === pageId);
  if (pages.length === 0) throw new UsageError(`Campaign "${slug}" has no map${pageId ? ` "${pageId}"` : ""}. Maps: ${maps.map((p) => p.id).join(", ") || "none"}`);
  return { campaign, pages };
}

async function withStore<T>(options: StoreLocation, run: (store: ResponseStore) => Promise<T>): Promise<T> {
  const databaseUrl = options.databaseUrl ?? (process.env.DATABASE_URL || undefined);
  const file = options.db ?? DEFAULT_DATABASE_FILE;
  if (!databaseUrl && !existsSync(file)) throw new UsageError(`No database at ${file}. Pass --db <file>, or set DATABASE_URL for PostgreSQL.`);
  const store = await openStore({ databaseUrl, file });
  try {
    return await run(store);
  } finally {
    await store.close();
  }
}
