// The page a person sees when a contribution without JavaScript cannot be accepted: in the
// campaign's language, an error summary that takes focus and links to each field, and the
// contribution form again with what they typed (as the survey's error page, html-error.ts).
import type { Locale } from "../../campaign/model.js";
import { pagePath } from "../../campaign/urls.js";
import { FIELD, type FormFields } from "../../forms/fields.js";
import { uiText } from "../../forms/messages.js";
import type { HttpError, ReportedIssue } from "../errors.js";
import { escapeHtml } from "../html-form.js";
import { CONTRIBUTION_FIELD } from "./fields.js";
import type { MapPage } from "./submit.js";

const CSS = `body{font-family:system-ui,sans-serif;line-height:1.5;margin:0 auto;max-width:42rem;padding:1rem}
.mitreden-error-summary{border:4px solid #b42318;padding:1rem;margin:1rem 0}.mitreden-error-summary:focus{outline:3px solid #ffbf47}
.mitreden-error-summary a{color:#b42318;font-weight:bold}.mitreden-question{margin:1.5rem 0}
.mitreden-question--error{border-left:5px solid #b42318;padding-left:1rem}.mitreden-error-message{color:#b42318;font-weight:bold;margin:.25rem 0}
fieldset{border:0;padding:0;margin:0}legend,label.mitreden-label{font-weight:bold;display:block}
textarea,select{font:inherit;max-width:100%;border:2px solid #0b0c0c;padding:.3rem}textarea{width:100%;box-sizing:border-box}
.mitreden-visually-hidden{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.mitreden-honeypot{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}button{font:inherit;padding:.5rem 1rem;margin-top:1rem}`;

const WORDS = {
  de: { category: "Art des Hinweises", comment: "Ihr Hinweis", location: "Wo?", place: "Ort aus der Liste", description: "Oder beschreiben Sie die Stelle", submit: "Hinweis senden", back: "Zurück zur Karte", point: "Auf der Karte gesetzter Punkt" },
  en: { category: "Kind of comment", comment: "Your comment", location: "Where?", place: "Place from the list", description: "Or describe the spot", submit: "Send comment", back: "Back to the map", point: "Point set on the map" },
};
export const wordsFor = (locale: Locale) => (locale.toLowerCase().startsWith("de") ? WORDS.de : WORDS.en);

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
  const campaignTitle = map?.campaign.title[locale] ?? "mitreden";
  const heading = map?.page.title[locale] ?? uiText("notFoundTitle", locale);
  const withForm = map && p.fields && p.error.statusCode !== 403 && p.error.statusCode !== 404;
  const summary = p.error.data.issues
    .map((i) => {
      const label = labelFor(i.field, locale);
      const text = label ? `${label}: ${i.message}` : i.message;
      const href = withForm ? anchorFor(i.field) : undefined;
      return `<li>${href ? `<a href="#${href}">${escapeHtml(text)}</a>` : escapeHtml(text)}</li>`;
    })
    .join("\n");
  const back = map ? `<p><a href="${escapeHtml(pagePath(map.campaign, locale, map.page.id))}">${escapeHtml(wordsFor(locale).back)}</a></p>` : "";
  return `<!DOCTYPE html>
<html lang="${escapeHtml(locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(`${uiText("errorTitlePrefix", locale)}: ${heading} – ${campaignTitle}`)}</title>
${p.stylesheet ? `<link rel="stylesheet" href="${escapeHtml(p.stylesheet)}">\n` : ""}<style>${CSS}</style>
</head>
<body>
<main id="main">
<h1>${escapeHtml(heading)}</h1>
<div class="mitreden-error-summary kern-alert kern-alert--danger" role="alert" tabindex="-1" autofocus aria-labelledby="error-summary-title">
<h2 id="error-summary-title">${escapeHtml(uiText("summaryTitle", locale))}</h2>
<ul>
${summary}
</ul>
</div>
${withForm ? renderForm(p, map) : ""}
${back}
</main>
</body>
</html>
`;
}

function labelFor(field: string, locale: Locale): string | undefined {
  const w = wordsFor(locale);
  if (field === CONTRIBUTION_FIELD.category) return w.category;
  if (field === CONTRIBUTION_FIELD.comment) return w.comment;
  if (field.startsWith(CONTRIBUTION_FIELD.location)) return w.location;
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

function renderForm(p: ContributionErrorPage, map: MapPage): string {
  const { locale } = p;
  const w = wordsFor(locale);
  const value = (name: string) => {
    const v = p.fields?.[name];
    return (Array.isArray(v) ? v[0] : v) ?? "";
  };
  const issuesFor = (match: (field: string) => boolean) => p.error.data.issues.filter((i) => match(i.field));
  const error = (id: string, issues: ReportedIssue[]) =>
    issues.length
      ? `<p class="mitreden-error-message" id="${id}-error"><span class="mitreden-visually-hidden">${escapeHtml(uiText("errorTitlePrefix", locale))}:</span> ${issues.map((i) => escapeHtml(i.message)).join(" ")}</p>`
      : "";
  const wrap = (issues: ReportedIssue[], inner: string) => `<div class="mitreden-question${issues.length ? " mitreden-question--error" : ""}">${inner}</div>`;
  const { map: model } = map.page;
  const catIssues = issuesFor((f) => f === CONTRIBUTION_FIELD.category);
  const radios = model.categories
    .map((c, i) => `<div><input type="radio" id="mr-category-${i}" name="category" value="${escapeHtml(c.id)}"${value("category") === c.id ? " checked" : ""}> <label for="mr-category-${i}">${escapeHtml(c.label[locale] ?? c.id)}</label></div>`)
    .join("\n");
  const comIssues = issuesFor((f) => f === CONTRIBUTION_FIELD.comment);
  const locIssues = issuesFor((f) => f.startsWith(CONTRIBUTION_FIELD.location));
  const place = value(CONTRIBUTION_FIELD.place);
  const options = model.places.map((pl) => `<option value="${escapeHtml(pl.id)}"${place === pl.id ? " selected" : ""}>${escapeHtml(pl.label[locale] ?? pl.id)}</option>`).join("");
  const hiddenPoint = [CONTRIBUTION_FIELD.lng, CONTRIBUTION_FIELD.lat]
    .map((name) => (value(name) ? `<input type="hidden" name="${name}" value="${escapeHtml(value(name))}">` : ""))
    .join("");
  const point = value(CONTRIBUTION_FIELD.lng) ? `<p>${escapeHtml(w.point)}: ${escapeHtml(value(CONTRIBUTION_FIELD.lat))}, ${escapeHtml(value(CONTRIBUTION_FIELD.lng))}</p>` : "";
  const honeypotIssue = issuesFor((f) => f === FIELD.honeypot);
  const honeypot = honeypotIssue.length
    ? wrap(honeypotIssue, `<label class="mitreden-label" for="mr-honeypot">${escapeHtml(uiText("honeypotLabel", locale))}</label>${error("mr-honeypot", honeypotIssue)}<input type="text" id="mr-honeypot" name="${FIELD.honeypot}" value="${escapeHtml(value(FIELD.honeypot))}" autocomplete="off">`)
    : `<div class="mitreden-honeypot" aria-hidden="true"><label for="mr-honeypot">${escapeHtml(uiText("honeypotLabel", locale))}</label><input type="text" id="mr-honeypot" name="${FIELD.honeypot}" value="" tabindex="-1" autocomplete="off"></div>`;
  const max = model.contributions.maxLength;
  return `<form method="post" action="${escapeHtml(p.action)}" accept-charset="utf-8" novalidate>
<input type="hidden" name="${FIELD.id}" value="">
<input type="hidden" name="${FIELD.token}" value="${escapeHtml(p.token ?? "")}">
<input type="hidden" name="${FIELD.locale}" value="${escapeHtml(locale)}">
${hiddenPoint}
${honeypot}
${wrap(catIssues, `<fieldset${catIssues.length ? ' aria-describedby="mr-category-error"' : ""}><legend>${escapeHtml(w.category)}</legend>${error("mr-category", catIssues)}${radios}</fieldset>`)}
${wrap(comIssues, `<label class="mitreden-label" for="mr-comment">${escapeHtml(w.comment)}</label>${error("mr-comment", comIssues)}<textarea id="mr-comment" name="comment" rows="5" maxlength="${max}"${comIssues.length ? ' aria-invalid="true" aria-describedby="mr-comment-error"' : ""}>${escapeHtml(value("comment"))}</textarea>`)}
${wrap(locIssues, `<fieldset${locIssues.length ? ' aria-describedby="mr-location-error"' : ""}><legend>${escapeHtml(w.location)}</legend>${error("mr-location", locIssues)}${point}
<label class="mitreden-label" for="mr-place">${escapeHtml(w.place)}</label><select id="mr-place" name="${CONTRIBUTION_FIELD.place}"><option value="">${escapeHtml(uiText("choose", locale))}</option>${options}</select>
<label class="mitreden-label" for="mr-description">${escapeHtml(w.description)}</label><textarea id="mr-description" name="${CONTRIBUTION_FIELD.description}" rows="3" maxlength="${max}">${escapeHtml(value(CONTRIBUTION_FIELD.description))}</textarea></fieldset>`)}
<button type="submit">${escapeHtml(w.submit)}</button>
</form>`;
}
