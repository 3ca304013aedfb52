// The page a person sees when a contribution without JavaScript cannot be accepted: in the
// campaign's language, an error summary that takes focus and links to each field, and the
// contribution form again with what they typed. The frame and the summary are the survey's
// (html-error.ts); the words are the map page's own (src/site/messages).
import type { Locale } from "../../campaign/model.js";
import { pagePath } from "../../campaign/urls.js";
import { FIELD, type FormFields } from "../../forms/fields.js";
import { uiText, type UiKey } from "../../forms/messages.js";
import type { HttpError, ReportedIssue } from "../errors.js";
import { errorDocument, errorSummary } from "../html-error.js";
import { escapeHtml } from "../html-form.js";
import type { MapPage } from "../campaigns.js";
const CONTRIBUTION_FIELD = { category: "category", comment: "comment", location: "location", lng: "location__lng", lat: "location__lat", place: "location__place", description: "location__description" };

export interface ContributionErrorPage {
  error: HttpError;
  map?: MapPage;
  locale: Locale;
  fields?: FormFields;
  action: string;
  token?: string;
  stylesheet?: string;
}

export function renderContributionErrorPage(p: ContributionErrorPage): string {
  const { locale, map } = p;
  const heading = map?.page.title[locale] ?? uiText("notFoundTitle", locale);
  const withForm = map && p.fields && p.error.statusCode !== 403 && p.error.statusCode !== 404;
  const summary = errorSummary(
    p.error.data.issues.map((i) => {
      const label = labelFor(i.field, locale);
      return { text: label ? `${label}: ${i.message}` : i.message, href: withForm ? anchorFor(i.field) : undefined };
    }),
    locale,
  );
  const back = map ? `<p><a href="${escapeHtml(pagePath(map.campaign, locale, map.page.id))}">${escapeHtml(uiText("backToMap", locale))}</a></p>` : "";
  return errorDocument({ locale, campaign: map?.campaign, heading, stylesheet: p.stylesheet, content: `${summary}\n${withForm ? renderForm(p, map) : ""}\n${back}` });
}

function labelFor(field: string, locale: Locale): string | undefined {
  if (field === CONTRIBUTION_FIELD.category) return uiText("contributionCategory", locale);
  if (field === CONTRIBUTION_FIELD.comment) return uiText("contributionComment", locale);
  if (field.startsWith(CONTRIBUTION_FIELD.location)) return uiText("contributionWhere", locale);
  return undefined;
}

function anchorFor(field: string): string | undefined {
  if (field === CONTRIBUTION_FIELD.category) return "mr-category-0";
  if (field === CONTRIBUTION_FIELD.comment) return "mr-comment";
  if (field === CONTRIBUTION_FIELD.description) return "mr-description";
  if (field.startsWith(CONTRIBUTION_FIELD.location)) return "mr-place";
  if (field === FIELD.honeypot) return "mr-honeypot";
  return undefined;
}

/** The map page's form (templates/pages/map.njk) again, with what was typed and the errors at their fields. */
function renderForm(p: ContributionErrorPage, map: MapPage): string {
  const { locale } = p;
  const words: Record<string, UiKey> = { point: "mapPoint", place: "locationPlace", description: "locationDescription", choose: "choose", honeypot: "honeypotLabel", submit: "contributionSubmit", category: "contributionCategory", comment: "contributionComment", where: "contributionWhere" };
  const t = (key: string) => escapeHtml(uiText(words[key]!, locale));
  const value = (name: string) => {
    const v = p.fields?.[name];
    return (Array.isArray(v) ? v[0] : v) ?? "";
  };
  const issuesFor = (match: (field: string) => boolean) => p.error.data.issues.filter((i) => match(i.field));
  const error = (id: string, issues: ReportedIssue[]) =>
    issues.length
      ? `<p class="kern-error" id="${id}-error"><span class="kern-sr-only">${escapeHtml(uiText("errorTitlePrefix", locale))}:</span> ${issues.map((i) => escapeHtml(i.message)).join(" ")}</p>`
      : "";
  const invalid = (id: string, issues: ReportedIssue[]) => (issues.length ? ` aria-invalid="true" aria-describedby="${id}-error"` : "");
  const { map: model } = map.page;
  const max = model.contributions.maxLength;

  const catIssues = issuesFor((f) => f === CONTRIBUTION_FIELD.category);
  const radios = model.categories
    .map(
      (c, i) =>
        `<div class="kern-form-check"><input class="kern-form-check__radio" type="radio" id="mr-category-${i}" name="category" value="${escapeHtml(c.id)}"${value("category") === c.id ? " checked" : ""}><label class="kern-label" for="mr-category-${i}">${escapeHtml(c.label[locale] ?? c.id)}</label></div>`,
    )
    .join("\n");
  const comIssues = issuesFor((f) => f === CONTRIBUTION_FIELD.comment);
  const locIssues = issuesFor((f) => f.startsWith(CONTRIBUTION_FIELD.location));
  const place = value(CONTRIBUTION_FIELD.place);
  const options = model.places.map((pl) => `<option value="${escapeHtml(pl.id)}"${place === pl.id ? " selected" : ""}>${escapeHtml(pl.label[locale] ?? pl.id)}</option>`).join("");
  const hiddenPoint = [CONTRIBUTION_FIELD.lng, CONTRIBUTION_FIELD.lat]
    .map((name) => (value(name) ? `<input type="hidden" name="${name}" value="${escapeHtml(value(name))}">` : ""))
    .join("");
  const point = value(CONTRIBUTION_FIELD.lng) ? `<p class="mr-point"><span class="kern-label">${t("point")}:</span> ${escapeHtml(value(CONTRIBUTION_FIELD.lat))}, ${escapeHtml(value(CONTRIBUTION_FIELD.lng))}</p>` : "";
  const honeypotIssue = issuesFor((f) => f === FIELD.honeypot);
  // Shown only when it was filled in (a person's autofill, perhaps): then they can empty it.
  const honeypot = honeypotIssue.length
    ? `<div class="kern-form-input kern-form-input--error"><label class="kern-label" for="mr-honeypot">${t("honeypot")}</label>${error("mr-honeypot", honeypotIssue)}<input class="kern-form-input__input" type="text" id="mr-honeypot" name="${FIELD.honeypot}" value="${escapeHtml(value(FIELD.honeypot))}" autocomplete="off"${invalid("mr-honeypot", honeypotIssue)}></div>`
    : `<div class="mitreden-honeypot" aria-hidden="true"><label for="mr-honeypot">${t("honeypot")}</label><input type="text" id="mr-honeypot" name="${FIELD.honeypot}" value="" tabindex="-1" autocomplete="off"></div>`;
  return `<form method="post" action="${escapeHtml(p.action)}" accept-charset="utf-8" novalidate>
<input type="hidden" name="${FIELD.id}" value="">
<input type="hidden" name="${FIELD.token}" value="${escapeHtml(p.token ?? "")}">
<input type="hidden" name="${FIELD.locale}" value="${escapeHtml(locale)}">
${hiddenPoint}
${honeypot}
<fieldset class="mr-question kern-fieldset${catIssues.length ? " kern-fieldset--error" : ""}"${catIssues.length ? ' aria-describedby="mr-category-error"' : ""}>
<legend class="kern-label">${t("category")}</legend>${error("mr-category", catIssues)}
<div class="kern-fieldset__body">${radios}</div>
</fieldset>
<div class="mr-question kern-form-input${comIssues.length ? " kern-form-input--error" : ""}">
<label class="kern-label" for="mr-comment">${t("comment")}</label>${error("mr-comment", comIssues)}
<textarea class="kern-form-input__input" id="mr-comment" name="comment" rows="5" maxlength="${max}"${invalid("mr-comment", comIssues)}>${escapeHtml(value("comment"))}</textarea>
</div>
<fieldset class="mr-question kern-fieldset${locIssues.length ? " kern-fieldset--error" : ""}"${locIssues.length ? ' aria-describedby="mr-location-error"' : ""}>
<legend class="kern-label">${t("where")}</legend>${error("mr-location", locIssues)}
<div class="kern-fieldset__body">${point}
<div class="kern-form-input"><label class="kern-label" for="mr-place">${t("place")}</label>
<div class="kern-form-input__select-wrapper"><select class="kern-form-input__select" id="mr-place" name="${CONTRIBUTION_FIELD.place}"><option value="">${t("choose")}</option>${options}</select></div></div>
<div class="kern-form-input"><label class="kern-label" for="mr-description">${t("description")}</label>
<textarea class="kern-form-input__input" id="mr-description" name="${CONTRIBUTION_FIELD.description}" rows="3" maxlength="${max}">${escapeHtml(value(CONTRIBUTION_FIELD.description))}</textarea></div>
</div>
</fieldset>
<button class="kern-btn kern-btn--primary" type="submit"><span class="kern-label">${t("submit")}</span></button>
</form>`;
}
