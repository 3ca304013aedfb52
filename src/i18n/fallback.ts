// Which catalogue speaks for a page, the one rule for every text of mitreden: the exact tag
// ("de-AT" if there were such a catalogue), then its language ("de"), then English, the language
// most visitors of a page in another language can read. No imports: the survey script uses it.

export const FALLBACK_LANGUAGE = "en";

/** How a catalogue writes dates and numbers (its `language` namespace). */
export interface LanguageConventions {
  readonly intl: string;
}

/** The primary language subtag: "de-AT" → "de". */
export function languageOf(locale: string): string {
  return locale.toLowerCase().split("-")[0] ?? "";
}

/** The tag of the catalogue among `available` that serves `locale`. */
export function catalogueFor(locale: string, available: Readonly<Record<string, unknown>>): string {
  if (has(available, locale)) return locale;
  const language = languageOf(locale);
  return has(available, language) ? language : FALLBACK_LANGUAGE;
}

/**
 * The locale Intl formats dates, numbers and plurals in, for texts of catalogue `ui` on a page in
 * `locale`. On a page in exactly the catalogue's language, the catalogue's choice ("en" → "en-GB");
 * on a regional variant, the page's own ("de-AT" writes "Jänner"); when the page fell back to another
 * language, that language's choice, so a date reads like the sentence around it.
 */
export function intlLocaleFor(locale: string, ui: string, conventions: LanguageConventions): string {
  if (locale === ui) return conventions.intl;
  return languageOf(locale) === languageOf(ui) ? locale : conventions.intl;
}

// Object.hasOwn is newer than some phones the survey script still runs on.
const has = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key);
