// The campaign pipeline's one entry: load → validate → normalize (docs/architecture.md, "Data flows one way").
import { CampaignValidationError, type Problem } from "../errors.js";
import type { SiteModel } from "./model.js";
import { normalizeCampaign } from "./normalize.js";
import { validateCampaigns } from "./validate.js";

export interface LoadSiteOptions {
  /** The moment the build represents (open/closed states); default now. */
  now?: Date;
  /** Only this campaign (by slug), when the folder has it: for commands about one campaign. */
  only?: string;
}

/** Validated, normalized campaigns of a folder. Throws CampaignValidationError when any campaign has errors. */
export async function loadSiteModel(
  campaignsDir: string,
  options: LoadSiteOptions = {},
): Promise<{ model: SiteModel; warnings: Problem[] }> {
  const { campaigns, problems } = await validateCampaigns(campaignsDir, { now: options.now, only: options.only });
  if (problems.some((p) => p.severity === "error")) throw new CampaignValidationError(problems);
  const models = campaigns.map(normalizeCampaign).sort((a, b) => a.slug.localeCompare(b.slug));
  return {
    model: {
      campaigns: models,
      locale: models[0]?.locale ?? "de",
      builtAt: (options.now ?? new Date()).toISOString(),
    },
    warnings: problems,
  };
}

export type * from "./model.js";
