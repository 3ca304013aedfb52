// The campaigns the collector serves, from the site model: their surveys, each with its compiled
// validator, and their maps. Rebuilt when the model changes (mitreden serve rebuilds on edits),
// compiled once per model otherwise. A page that is not there is a 404 with a reason.
import type { CampaignModel, MapPageModel, SiteModel, SurveyPageModel } from "../campaign/model.js";
import { compileSurveyValidator, createSurveyAjv, type ValidateAnswers } from "../forms/validator.js";
import { issueMessage } from "../forms/messages.js";
import { HttpError } from "./errors.js";

export interface Survey {
  campaign: CampaignModel;
  page: SurveyPageModel;
  validate: ValidateAnswers;
  /** Largest body a complete answer can need (bytes). */
  bodyLimit: number;
}

export interface MapPage {
  campaign: CampaignModel;
  page: MapPageModel;
}

export type ModelSource = SiteModel | (() => SiteModel);

export class Campaigns {
  private current: SiteModel | undefined;
  private surveys = new Map<string, Survey>();

  constructor(private readonly source: ModelSource) {}

  /** The site model as it is now. */
  model(): SiteModel {
    this.refresh();
    return this.current!;
  }

  campaign(slug: string): CampaignModel | undefined {
    return this.model().campaigns.find((c) => c.slug === slug);
  }

  findSurvey(slug: string, pageId: string): Survey | undefined {
    this.refresh();
    return this.surveys.get(`${slug}/${pageId}`);
  }

  /** A survey, or a 404 that says whether the campaign or the page is unknown. */
  survey(slug: string, pageId: string): Survey {
    return this.findSurvey(slug, pageId) ?? this.notFound(slug, pageId, "survey");
  }

  findMap(slug: string, pageId: string): MapPage | undefined {
    const campaign = this.campaign(slug);
    const page = campaign?.pages.find((p): p is MapPageModel => p.type === "map" && p.id === pageId);
    return campaign && page ? { campaign, page } : undefined;
  }

  /** A map page, or a 404 as for surveys. */
  map(slug: string, pageId: string): MapPage {
    return this.findMap(slug, pageId) ?? this.notFound(slug, pageId, "map");
  }

  /** The largest body limit over all surveys, for the route (fastify needs one number per route). */
  maxBodyLimit(): number {
    this.refresh();
    return Math.max(MIN_BODY_LIMIT, ...[...this.surveys.values()].map((s) => s.bodyLimit));
  }

  private notFound(slug: string, pageId: string, what: "survey" | "map"): never {
    const campaign = this.campaign(slug);
    throw new HttpError(404, campaign ? `Campaign "${slug}" has no ${what} "${pageId}".` : `No campaign "${slug}".`, {
      issues: [{ field: campaign ? "page" : "campaign", reason: "not-found", message: issueMessage({ reason: "not-found" }, campaign?.locale ?? "de") }],
    });
  }

  private refresh(): void {
    const model = typeof this.source === "function" ? this.source() : this.source;
    if (model === this.current) return;
    const ajv = createSurveyAjv();
    const surveys = new Map<string, Survey>();
    for (const campaign of model.campaigns) {
      for (const page of campaign.pages) {
        if (page.type !== "survey") continue;
        surveys.set(`${campaign.slug}/${page.id}`, { campaign, page, validate: compileSurveyValidator(campaign, page, ajv), bodyLimit: bodyLimit(page) });
      }
    }
    this.current = model;
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
