// What `mitreden export` does, as a typed function the CLI (and cities' scripts) call; and the
// lookups every collector command shares. One exportPage() for surveys and maps: the page decides.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { loadSiteModel } from "../campaign/index.js";
import type { CampaignModel, MapPageModel, PageModel, SurveyPageModel } from "../campaign/model.js";
import { UsageError } from "../errors.js";
import { settings } from "../settings.js";
import { streamContributionExport } from "./contributions/export.js";
import { withExistingStore } from "./store/index.js";
import { streamResponseExport } from "./surveys/export.js";

/** Where the store is: a SQLite file, or PostgreSQL (DATABASE_URL unless given). */
export interface StoreLocation {
  campaignsDir: string;
  /** SQLite file (default data/mitreden.sqlite); ignored with a database URL. */
  db?: string;
  databaseUrl?: string;
}

export type ExportFormat = "csv" | "json" | "geojson";

export interface ExportPageOptions extends StoreLocation {
  slug: string;
  pageId: string;
  /** csv (default; for Excel) or json; geojson for a map. */
  format?: ExportFormat;
  /** CSV column separator; default ";" where the campaign's language writes decimals with a comma. */
  delimiter?: string;
  /** Told how many rows are written so far, of how many (0 when not known: a map's contributions). */
  onProgress?: (written: number, total: number) => void;
}

/**
 * What people submitted to a page, written to `out` as it is read from the store: a survey's
 * responses, or a map's contributions with their moderation state. Memory stays flat with the
 * number of rows; resolves when everything is written (and `out` ended, unless `end: false`).
 * `out` may be a function that opens the file: then a mistake in the arguments leaves no empty file.
 * Resolves with how many rows were written, and of what.
 */
export async function exportPage(options: ExportPageOptions, out: NodeJS.WritableStream | (() => NodeJS.WritableStream), { end = true } = {}): Promise<{ rows: number; of: "responses" | "contributions" }> {
  const campaign = await loadCampaign(options.campaignsDir, options.slug);
  const page = participationPage(campaign, options.pageId);
  const format = options.format ?? "csv";
  const formats: ExportFormat[] = page.type === "map" ? ["csv", "json", "geojson"] : ["csv", "json"];
  if (!formats.includes(format)) throw new UsageError(`--format must be ${formats.join(", ").replace(/, (\w+)$/, " or $1")} for ${page.type === "map" ? "a map" : "a survey"}, not "${String(format)}".`);
  return withExistingStore(storeOf(options), async (store) => {
    const total = page.type === "survey" && options.onProgress ? await store.countResponses(campaign.slug, page.id) : 0;
    let rows = 0;
    const counted = async function* <T>(batches: AsyncIterable<T[]>) {
      for await (const batch of batches) {
        rows += batch.length;
        options.onProgress?.(rows, total);
        yield batch;
      }
    };
    const chunks =
      page.type === "map"
        ? streamContributionExport(campaign, page, counted(store.contributionBatches(campaign.slug, page.id)), { format, delimiter: options.delimiter })
        : streamResponseExport(campaign, page, counted(store.responseBatches(campaign.slug, page.id)), { format: format as "csv" | "json", delimiter: options.delimiter });
    // pipeline waits for the writer when it is slower than the database (backpressure).
    await pipeline(Readable.from(chunks, { highWaterMark: 1 }), typeof out === "function" ? out() : out, { end });
    return { rows, of: page.type === "map" ? "contributions" : "responses" };
  });
}

/**
 * One campaign's model, validated and normalized without the folder's other campaigns: an error in
 * another campaign does not stop the export, results or moderation of this one (and it loads
 * faster).
 */
export async function loadCampaign(campaignsDir: string, slug: string): Promise<CampaignModel> {
  const { model } = await loadSiteModel(campaignsDir, { only: slug });
  const campaign = model.campaigns.find((c) => c.slug === slug);
  if (campaign) return campaign;
  // A folder of that name without a campaign in it (media/, a typo'd copy): the list needs them all.
  const all = model.campaigns.length > 0 ? model : (await loadSiteModel(campaignsDir)).model;
  throw new UsageError(`No campaign "${slug}" in ${campaignsDir}/. Campaigns: ${all.campaigns.map((c) => c.slug).join(", ")}`);
}

/** The survey or map page `pageId` of a campaign, or a usage error listing the ones there are. */
function participationPage(campaign: CampaignModel, pageId: string): SurveyPageModel | MapPageModel {
  const pages = campaign.pages.filter((p: PageModel): p is SurveyPageModel | MapPageModel => p.type === "survey" || p.type === "map");
  const page = pages.find((p) => p.id === pageId);
  if (!page) throw new UsageError(`Campaign "${campaign.slug}" has no survey or map "${pageId}". Surveys and maps: ${pages.map((p) => p.id).join(", ") || "none"}`);
  return page;
}

/** The store of a command: --db, or DATABASE_URL from the environment. */
export function storeOf(location: StoreLocation): { databaseUrl?: string; file?: string } {
  return { databaseUrl: location.databaseUrl ?? settings().databaseUrl, file: location.db };
}
