// Every word of the interface, in German (the default) and English. Campaign texts come from
// campaign.json; these are the labels around them. Other locales fall back to English, the
// language most visitors of a non-German page can read.
import { MitredenError } from "../errors.js";
import { memoize } from "../memo.js";
import { de } from "./messages/de.js";
import { en } from "./messages/en.js";

export type MessageKey = keyof typeof de;
/** A complete catalogue: TypeScript rejects one that lacks a key of the German original. */
export type Messages = Record<MessageKey, string>;

export const catalogues: Readonly<Record<string, Messages>> = { de, en };

export const FALLBACK_LOCALE = "en";

/** A key the templates asked for that no catalogue has: a typo, fail the build. */
export class MissingMessageError extends MitredenError {}

/** The catalogue for a locale: exact tag, then its language ("de-AT" → "de"), then English. */
export function messagesFor(locale: string): Messages {
  const language = locale.toLowerCase().split("-")[0] ?? "";
  return catalogues[locale] ?? catalogues[language] ?? en;
}

/** The language whose catalogue serves `locale` (for the lang attribute of UI text). */
export function uiLocaleFor(locale: string): string {
  const language = locale.toLowerCase().split("-")[0] ?? "";
  return catalogues[locale] ? locale : catalogues[language] ? language : FALLBACK_LOCALE;
}

/**
 * The text for `key` in `locale` with `{name}` placeholders filled in. Throws for an unknown key
 * or a placeholder without a value, so a mistake breaks the build instead of showing "" or "{date}".
 */
export function translate(locale: string, key: string, params: Record<string, unknown> = {}): string {
  const template = (messagesFor(locale) as Record<string, string>)[key];
  if (template === undefined) {
    throw new MissingMessageError(
      `No interface text "${key}" in src/site/messages/. Add it to de.ts and en.ts, or fix the key in the template.`,
    );
  }
  return template.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined || value === null) {
      throw new MissingMessageError(`Interface text "${key}" needs a value for {${name}}; pass it to the t filter.`);
    }
    return String(value);
  });
}

/** A language named in that language ("Deutsch", "English", "Türkçe"), for the language switcher. */
// Asked for on every page (switcher, alternates); Intl.DisplayNames is slow to make.
export const languageName = memoize((locale: string): string => {
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames([locale], { type: "language" }).of(locale);
  } catch {
    name = undefined;
  }
  if (!name) return locale;
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
});
