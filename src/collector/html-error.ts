// The page a person sees when a submission without JavaScript cannot be accepted: in the campaign's
// language, "Error:" in the title, an error summary that takes focus and links to each field, and
// the form again with everything they typed (GOV.UK's error pattern). Self-contained HTML, with the
// site's stylesheet when the collector knows where it is.
import type { CampaignModel, Locale, SurveyPageModel } from "../campaign/model.js";
import { pagePath } from "../campaign/urls.js";
import { controlIdForField, type FormFields } from "../forms/fields.js";
import { questionOf } from "../forms/issues.js";
import { uiText } from "../forms/messages.js";
import type { HttpError } from "./errors.js";
import { escapeHtml, renderSurveyForm } from "./html-form.js";

// Enough to be usable when the site's stylesheet is not at hand (with it, the KERN classes of the
// form components do the work and this would only fight them).
const BASE_CSS = `body{font-family:system-ui,sans-serif;line-height:1.5;margin:0 auto;max-width:42rem;padding:1rem}
.mitreden-error-summary{border:4px solid #b42318;padding:1rem;margin:1rem 0}
.mitreden-error-summary:focus{outline:3px solid #ffbf47;outline-offset:0}
.mitreden-error-summary a{color:#b42318;font-weight:bold}
.mr-question{margin:1.5rem 0}.kern-form-input--error,.kern-fieldset--error{border-left:5px solid #b42318;padding-left:1rem}
.kern-error{color:#b42318;font-weight:bold;margin:.25rem 0}
.kern-hint{color:#505a5f}.kern-form-check,.mr-ranking__item,.mr-other{margin:.4rem 0}
fieldset{border:0;padding:0;margin:0}legend{font-weight:bold;padding:0}
label{display:inline-block}.kern-form-input>label,.kern-label{display:block;font-weight:bold}
input[type=text],input[type=email],input[type=date],textarea,select{font:inherit;max-width:100%;border:2px solid #0b0c0c;padding:.3rem}
input[type=text],textarea{width:100%;box-sizing:border-box}
[aria-invalid=true]{border-color:#b42318}
.kern-sr-only{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.mitreden-honeypot{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
button{font:inherit;padding:.5rem 1rem;margin-top:1rem}`;

export interface ErrorPage {
  error: HttpError;
  campaign?: CampaignModel;
  page?: SurveyPageModel;
  locale?: Locale;
  /** The form's fields as posted: when present, the form is shown again, filled in. */
  fields?: FormFields;
  action?: string;
  token?: string;
  stylesheet?: string;
}

export function renderErrorPage(p: ErrorPage): string {
  const locale = p.locale ?? p.campaign?.locale ?? "de";
  const campaignTitle = p.campaign?.title[locale] ?? "mitreden";
  const heading = p.page?.title[locale] ?? (p.error.statusCode === 404 ? uiText("notFoundTitle", locale) : campaignTitle);
  const withForm = p.fields && p.page && p.campaign && p.action && p.error.statusCode !== 403;
  // With the form, its own template brings the error summary (components/error-summary).
  const summary = withForm ? "" : renderSummary(p, locale);
  const body = withForm
    ? renderSurveyForm({
        campaign: p.campaign!,
        page: p.page!,
        locale,
        action: p.action!,
        fields: p.fields!,
        issues: p.error.data.issues,
        token: p.token,
      })
    : backLink(p, locale);
  return errorDocument({ locale, campaign: p.campaign, heading, stylesheet: p.stylesheet, content: `${summary}\n${body}` });
}

/**
 * The frame of every error page of the collector (surveys and maps): "Error:" in the title, the
 * campaign's colours and a link home, and the site's stylesheet, or a small one of its own when
 * the collector does not know where the site's is.
 */
export function errorDocument(d: { locale: Locale; campaign?: CampaignModel; heading: string; stylesheet?: string; content: string }): string {
  const campaignTitle = d.campaign?.title[d.locale] ?? "mitreden";
  return `<!DOCTYPE html>
<html lang="${escapeHtml(d.locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(`${uiText("errorTitlePrefix", d.locale)}: ${d.heading} – ${campaignTitle}`)}</title>
${d.stylesheet ? `<link rel="stylesheet" href="${escapeHtml(d.stylesheet)}">` : `<style>${BASE_CSS}</style>`}
</head>
<body${d.campaign ? ` data-campaign="${escapeHtml(d.campaign.slug)}"` : ""}>
<header class="mr-container"><p><a class="kern-link" href="${escapeHtml(d.campaign ? pagePath(d.campaign, d.locale) : "/")}">${escapeHtml(campaignTitle)}</a></p></header>
<main id="main" class="mr-container mr-container--narrow mr-main">
<h1 class="kern-heading-large">${escapeHtml(d.heading)}</h1>
${d.content}
</main>
</body>
</html>
`;
}

function renderSummary(p: ErrorPage, locale: Locale): string {
  return errorSummary(
    p.error.data.issues.map((issue) => {
      const question = p.page ? questionOf(p.page, issue.field) : undefined;
      const label = question?.label[locale];
      // Consent labels are Markdown with a link; in the summary the plain sentence is enough.
      const text = label ? `${plain(label)}: ${issue.message}` : issue.message;
      // Links only where the form is on the page to link to.
      return { text, href: p.fields && p.page ? controlIdForField(issue.field) : undefined };
    }),
    locale,
  );
}

/** GOV.UK's error summary: role="alert" announces it; autofocus moves keyboard and screen-reader focus to it without a script. */
export function errorSummary(items: { text: string; href?: string }[], locale: Locale): string {
  const list = items.map(({ text, href }) => `<li>${href ? `<a href="#${escapeHtml(href)}">${escapeHtml(text)}</a>` : escapeHtml(text)}</li>`);
  return `<div class="mitreden-error-summary kern-alert kern-alert--danger" role="alert" tabindex="-1" autofocus aria-labelledby="error-summary-title">
<h2 id="error-summary-title">${escapeHtml(uiText("summaryTitle", locale))}</h2>
<ul>
${list.join("\n")}
</ul>
</div>`;
}

function backLink(p: ErrorPage, locale: Locale): string {
  if (!p.campaign) return "";
  const href = pagePath(p.campaign, locale, p.page?.id);
  return `<p><a href="${escapeHtml(href)}">${escapeHtml(p.page ? uiText("backToSurvey", locale) : (p.campaign.title[locale] ?? ""))}</a></p>`;
}

/** "[Datenschutzhinweise](https://…)" → "Datenschutzhinweise". */
function plain(markdownText: string): string {
  return markdownText.replace(/\[([^\]]*)\]\([^)]*\)/g, "$1").replace(/[*_`]/g, "");
}
