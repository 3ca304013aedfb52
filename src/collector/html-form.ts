// The survey form again, filled with what the person typed and with each error next to its field:
// what the collector shows when a submission without JavaScript has problems. The markup comes from
// the same Nunjucks components as the survey page (src/forms/render.ts), so the two never drift.
import type { CampaignModel, Locale, SurveyPageModel } from "../campaign/model.js";
import type { FormFields } from "../forms/fields.js";
import { renderSurveyForm as renderForm } from "../forms/render.js";
import type { ReportedIssue } from "./errors.js";

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

export interface FormRender {
  campaign: CampaignModel;
  page: SurveyPageModel;
  locale: Locale;
  action: string;
  fields: FormFields;
  issues: ReportedIssue[];
  /** A fresh form token: the person has now spent time on the form, so the next try counts as verified. */
  token?: string;
}

/** The error summary and the form, filled in; the summary takes focus when the page loads. */
export function renderSurveyForm(r: FormRender): string {
  return renderForm({ campaign: r.campaign, page: r.page, locale: r.locale, action: r.action, fields: r.fields, issues: r.issues, token: r.token });
}
