// `mitreden moderate`: the pending contributions of a campaign's maps, and a decision on one.
import type { CampaignModel, MapPageModel } from "../../campaign/model.js";
import { UsageError } from "../../errors.js";
import { loadCampaign, storeOf, type StoreLocation } from "../commands.js";
import { withExistingStore, type StoredContribution } from "../store/index.js";

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
  const campaign = await loadCampaign(options.campaignsDir, options.slug);
  const maps = campaign.pages.filter((p): p is MapPageModel => p.type === "map");
  const pages = options.pageId === undefined ? maps : maps.filter((p) => p.id === options.pageId);
  if (pages.length === 0) throw new UsageError(`Campaign "${campaign.slug}" has no map${options.pageId ? ` "${options.pageId}"` : ""}. Maps: ${maps.map((p) => p.id).join(", ") || "none"}`);
  return withExistingStore(storeOf(options), async (store) => {
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
