// The collector's own HTML pages: what a person sees when a plain form cannot be accepted.
import type { CampaignModel, Locale, PageModel } from "../campaign/model.js";
import type { FormFields } from "../forms/fields.js";
import { renderContributionErrorPage } from "./contributions/html.js";
import type { HttpError } from "./errors.js";
import { renderErrorPage } from "./html-error.js";

export interface ErrorPageRequest {
  error: HttpError;
  campaign?: CampaignModel;
  /** The survey or map the submission was for, when known: its form is shown again. */
  page?: PageModel;
  locale?: Locale;
  /** The form's fields as posted. */
  fields?: FormFields;
  /** Where the form posts again. */
  action: string;
  token?: string;
}

export interface CollectorPages {
  errorPage(request: ErrorPageRequest): string;
}

export function createCollectorPages(options: { stylesheet?: () => string | undefined }): CollectorPages {
  return {
    errorPage(r) {
      const stylesheet = options.stylesheet?.();
      if (r.page?.type === "map" && r.campaign) {
        return renderContributionErrorPage({ error: r.error, map: { campaign: r.campaign, page: r.page }, locale: r.locale ?? r.campaign.locale, fields: r.fields, action: r.action, token: r.token, stylesheet });
      }
      return renderErrorPage({ error: r.error, campaign: r.campaign, page: r.page?.type === "survey" ? r.page : undefined, locale: r.locale, fields: r.fields, action: r.action, token: r.token, stylesheet });
    },
  };
}
