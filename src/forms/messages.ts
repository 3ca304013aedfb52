// The words of survey forms and their errors, from the `forms` namespace of the catalogues
// (src/i18n/catalogues/). Plain sentences that say what to do, as GOV.UK's error messages do.
// No Node imports: the browser script shows the same sentences as the collector.
import { formsIntlLocale, formsQuote, formsText, type FormsKey } from "../i18n/forms.js";
import { formatLongDate } from "../i18n/format.js";
import type { FieldIssue } from "./issues.js";

/** The form's own words (everything in the namespace but the issue sentences). */
export type UiKey = Exclude<FormsKey, `issue.${string}`>;

/** The sentence for an issue, in the locale of the page the person used. */
export function issueMessage(issue: Pick<FieldIssue, "reason" | "limit">, locale: string): string {
  return formsText(locale, `issue.${issue.reason}`, { limit: limitValue(issue.limit, locale) });
}

/** An interface word of the collector's own pages (error page, re-rendered form). */
export function uiText(key: UiKey, locale: string): string {
  return formsText(locale, key);
}

/** An interface sentence with placeholders: uiFormat("moved", "de", { option, position, count }). */
export function uiFormat(key: UiKey, locale: string, params: Record<string, string | number>): string {
  return formsText(locale, key, params);
}

/** An answer or question quoted in the marks of the page's language: „Sonstiges“, “Other”. */
export function quoted(text: string, locale: string): string {
  return formsQuote(locale, text);
}

/** A number stays a number (formatted, and choosing the plural form); a day is written out ("22. März 2027"). */
function limitValue(limit: number | string | undefined, locale: string): number | string {
  if (limit === undefined) return "";
  if (typeof limit === "string" && /^\d{4}-\d{2}-\d{2}$/.test(limit)) return formatLongDate(`${limit}T00:00:00Z`, formsIntlLocale(locale), "UTC");
  return limit;
}
