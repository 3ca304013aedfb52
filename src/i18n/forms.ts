// The words of survey forms (src/forms/messages.ts), for the collector and the survey script
// alike. Browser code imports this file, not ./catalogues/index.ts: each language's `forms`
// namespace is imported on its own, so esbuild leaves the rest of its catalogue out of the script.
import type { Catalogue, Reference } from "./catalogue.js";
import * as de from "./catalogues/de.js";
import * as en from "./catalogues/en.js";
import type { UiLanguage } from "./catalogues/index.js";
import { catalogueFor, intlLocaleFor } from "./fallback.js";
import { fill } from "./format.js";

// One line per language of CATALOGUES; a language missing here is a compile error.
const FORMS = {
  de: { language: de.language, forms: de.forms },
  en: { language: en.language, forms: en.forms },
} as const satisfies Record<UiLanguage, Pick<Catalogue, "language" | "forms">>;

export type FormsKey = keyof Reference["forms"];

/** The Intl locale of form texts on a page in `locale` (numbers, dates and plurals). */
export function formsIntlLocale(locale: string): string {
  const ui = catalogueFor(locale, FORMS) as UiLanguage;
  return intlLocaleFor(locale, ui, FORMS[ui].language);
}

/**
 * A form text in the language that serves `locale`, placeholders filled. A placeholder without a
 * value stays as written: the sentence is still better than none on a citizen's screen.
 */
export function formsText(locale: string, key: FormsKey, params: Readonly<Record<string, unknown>> = {}): string {
  const ui = catalogueFor(locale, FORMS) as UiLanguage;
  return fill(FORMS[ui].forms[key], params, formsIntlLocale(locale), (name) => `{${name}}`);
}

/** A quotation in the marks of the page's language: „Sonstiges“, “Other”. */
export function formsQuote(locale: string, text: string): string {
  const ui = catalogueFor(locale, FORMS) as UiLanguage;
  return fill(FORMS[ui].language.quote, { text }, formsIntlLocale(locale), () => "");
}
