// The surveys the collector accepts answers for, each with its compiled validator. Rebuilt when the
// site model changes (mitreden serve rebuilds on edits), compiled once per model otherwise.
import type { CampaignModel, SiteModel, SurveyPageModel } from "../campaign/model.js";
import { compileSurveyValidator, createSurveyAjv, type ValidateAnswers } from "../forms/validator.js";

export interface Survey {
  campaign: CampaignModel;
  page: SurveyPageModel;
  validate: ValidateAnswers;
  /** Largest body a complete answer can need (bytes). */
  bodyLimit: number;
}

export type ModelSource = SiteModel | (() => SiteModel);

export class SurveyRegistry {
  private model: SiteModel | undefined;
  private surveys = new Map<string, Survey>();

  constructor(private readonly source: ModelSource) {}

  get(slug: string, pageId: string): Survey | undefined {
    this.refresh();
    return this.surveys.get(`${slug}/${pageId}`);
  }

  campaign(slug: string): CampaignModel | undefined {
    this.refresh();
    return this.model?.campaigns.find((c) => c.slug === slug);
  }

  /** The largest body limit over all surveys, for the route (fastify needs one number per route). */
  maxBodyLimit(): number {
    this.refresh();
    return Math.max(MIN_BODY_LIMIT, ...[...this.surveys.values()].map((s) => s.bodyLimit));
  }

  private refresh(): void {
    const model = typeof this.source === "function" ? this.source() : this.source;
    if (model === this.model) return;
    const ajv = createSurveyAjv();
    const surveys = new Map<string, Survey>();
    for (const campaign of model.campaigns) {
      for (const page of campaign.pages) {
        if (page.type !== "survey") continue;
        surveys.set(`${campaign.slug}/${page.id}`, { campaign, page, validate: compileSurveyValidator(campaign, page, ajv), bodyLimit: bodyLimit(page) });
      }
    }
    this.model = model;
    this.surveys = surveys;
  }
}

const MIN_BODY_LIMIT = 16 * 1024;

/**
 * Every text answer at its maximum length, each character percent-encoded as 3 UTF-8 bytes
 * (%E2%80%9C = 9 bytes for 1 UTF-16 unit), plus room for names and choices. A body beyond this
 * cannot be a valid answer, so it is refused before it is parsed.
 */
function bodyLimit(page: SurveyPageModel): number {
  let chars = 0;
  for (const q of page.questions) {
    if (q.type === "text" || q.type === "textarea") chars += q.maxLength;
    else if (q.type === "location") chars += q.map.contributions.maxLength;
    if ("other" in q && q.other) chars += 200;
  }
  return MIN_BODY_LIMIT + chars * 9;
}
