// `mitreden moderate`: the pending contributions of a campaign's maps, and a decision on one,
// through the same rules as the desk (src/collector/moderation.ts) and into the same audit log.
import os from "node:os";
import type { CampaignModel, MapPageModel } from "../../campaign/model.js";
import { UsageError } from "../../errors.js";
import { loadCampaign, storeOf, type StoreLocation } from "../commands.js";
import { decide, reasonIds } from "../moderation.js";
import { withExistingStore, type StoredContribution } from "../store/index.js";

export interface ModerateOptions extends StoreLocation {
  slug: string;
  /** Only this map page (default: every map page of the campaign). */
  pageId?: string;
  approve?: string;
  reject?: string;
  /** A reason id of the map's netiquette list (contributions.reasons). */
  reason?: string;
  /** An optional note on a rejection, for staff. */
  note?: string;
  now?: Date;
  /** Who acts, for the audit log (default: the login name, as "cli:<name>"). */
  actor?: string;
}

export interface ModerateResult {
  /** The contribution just approved or rejected. */
  decided?: StoredContribution;
  /** How it stood before, when someone had decided on it already. */
  before?: StoredContribution;
  /** What still waits, per map page. */
  pending: { page: MapPageModel; contributions: StoredContribution[] }[];
  campaign: CampaignModel;
}

export async function moderateContributions(options: ModerateOptions): Promise<ModerateResult> {
  if (options.approve && options.reject) throw new UsageError("Either --approve <id> or --reject <id>, not both at once.");
  const campaign = await loadCampaign(options.campaignsDir, options.slug);
  const maps = campaign.pages.filter((p): p is MapPageModel => p.type === "map");
  const pages = options.pageId === undefined ? maps : maps.filter((p) => p.id === options.pageId);
  if (pages.length === 0) throw new UsageError(`Campaign "${campaign.slug}" has no map${options.pageId ? ` "${options.pageId}"` : ""}. Maps: ${maps.map((p) => p.id).join(", ") || "none"}`);
  return withExistingStore(storeOf(options), async (store) => {
    let decided: StoredContribution | undefined;
    let before: StoredContribution | undefined;
    const id = options.approve ?? options.reject;
    if (id) {
      const current = await store.getContribution(id, campaign.slug);
      const page = current && pages.find((p) => p.id === current.page);
      if (!current || !page) throw new UsageError(`No contribution "${id}" in campaign "${campaign.slug}". Run mitreden moderate ${campaign.slug} to list the pending ones.`);
      if (options.reject && !reasonIds(page).includes(options.reason ?? "")) {
        throw new UsageError(`Say why with --reason <id> when rejecting, one of the map's netiquette reasons: ${reasonIds(page).join(", ")}. Add details with --note "…".`);
      }
      const decision = options.approve ? { status: "approved" as const } : { status: "rejected" as const, reason: options.reason!, note: options.note };
      const actor = options.actor ?? `cli:${os.userInfo().username}`;
      // The version just read: a decision taken in the desk meanwhile is not overwritten.
      const outcome = await decide(store, { slug: campaign.slug, page }, { id: current.id, expectedVersion: current.version }, decision, actor, options.now ?? new Date());
      if (outcome.outcome === "stale") throw new UsageError(`Contribution ${id} was just changed by ${outcome.record.moderatedBy ?? "someone"} (now ${outcome.record.status}); run the command again if you still want to.`);
      if (outcome.outcome !== "changed") throw new UsageError(`Contribution ${id} could not be changed (${outcome.outcome === "invalid" ? `${outcome.field}: ${outcome.problem}` : "not found"}).`);
      decided = outcome.record;
      if (current.status !== "pending") before = current;
    }
    const pending = [];
    for (const page of pages) pending.push({ page, contributions: await store.listContributions(campaign.slug, page.id, ["pending"]) });
    return { decided, before, pending, campaign };
  });
}
