// Looking up interface texts: by typed key in TypeScript (message), by string in templates (translate,
// the `t` filter). Both fail loudly on an unknown key or a missing value, so a mistake breaks the
// build instead of showing "" or "{date}" to a citizen.
import { MitredenError } from "../errors.js";
import type { Catalogue, MessageArgs, MessageKey, Namespace, Text } from "./catalogue.js";
import { CATALOGUES, type UiLanguage } from "./catalogues/index.js";
import { catalogueFor, intlLocaleFor } from "./fallback.js";
import { fill } from "./format.js";

/** A key that no catalogue has (a typo in a template), or a text without a value it needs. */
export class MissingMessageError extends MitredenError {}

const NAMESPACES = new Set(Object.keys(CATALOGUES.de));

/** The language whose catalogue serves `locale`: the `lang` of interface texts on its pages. */
export function uiLocaleFor(locale: string): UiLanguage {
  return catalogueFor(locale, CATALOGUES) as UiLanguage;
}

/** The Intl locale for dates, numbers and plurals in interface texts on a page in `locale`. */
export function intlLocale(locale: string): string {
  const ui = uiLocaleFor(locale);
  return intlLocaleFor(locale, ui, CATALOGUES[ui].language);
}

/** One namespace of the catalogue that serves `locale`, e.g. the map script's texts. */
export function messages<N extends Namespace>(locale: string, namespace: N): Catalogue[N] {
  return CATALOGUES[uiLocaleFor(locale)][namespace];
}

/** message("de", "site.status.open", { date }) → "Beteiligung offen bis 15. April 2027". */
export function message<K extends MessageKey>(locale: string, key: K, ...args: MessageArgs<K>): string {
  return lookup(locale, key, key, (args[0] ?? {}) as Readonly<Record<string, unknown>>);
}

/**
 * The `t` filter: like {@link message}, with the key as a string from a template. Keys of the
 * site namespace go without it ("status.open"); others name theirs ("map.form.category").
 */
export function translate(locale: string, key: string, params: Readonly<Record<string, unknown>> = {}): string {
  return lookup(locale, qualified(key), key, params);
}

/** "status.open" → "site.status.open"; "map.form.category" stays. */
export function qualified(key: string): string {
  return NAMESPACES.has(key.split(".")[0] ?? "") ? key : `site.${key}`;
}

/** The text of `key` in every catalogue, e.g. every thank-you path segment (reserved as page ids). */
export function everyTranslation(key: MessageKey): string[] {
  return Object.values(CATALOGUES).map((catalogue) => {
    const text = textAt(catalogue, key) ?? "";
    return typeof text === "string" ? text : text.other;
  });
}

/** Every text of the catalogue serving `locale` (all plural forms): what the font subset must cover. */
export function catalogueTexts(locale: string): string[] {
  const texts: string[] = [];
  for (const namespace of Object.values(CATALOGUES[uiLocaleFor(locale)]) as Record<string, Text>[]) {
    for (const text of Object.values(namespace)) {
      if (typeof text === "string") texts.push(text);
      else texts.push(...Object.entries(text).flatMap(([form, value]) => (form === "plural" || !value ? [] : [value])));
    }
  }
  return texts;
}

function textAt(catalogue: Catalogue, key: string): Text | undefined {
  const dot = key.indexOf(".");
  const namespace = (catalogue as Record<string, Record<string, Text> | undefined>)[key.slice(0, dot)];
  return namespace && Object.hasOwn(namespace, key.slice(dot + 1)) ? namespace[key.slice(dot + 1)] : undefined;
}

function lookup(locale: string, key: string, asWritten: string, params: Readonly<Record<string, unknown>>): string {
  const text = textAt(CATALOGUES[uiLocaleFor(locale)], key);
  if (text === undefined) {
    throw new MissingMessageError(
      `No interface text "${asWritten}" in src/i18n/catalogues/de.ts. Add it there (and to every other catalogue), or fix the key in the template.`,
    );
  }
  if (typeof text !== "string" && typeof params[text.plural] !== "number") {
    throw new MissingMessageError(`Interface text "${asWritten}" needs a number for {${text.plural}} to choose its plural form; pass it to the t filter.`);
  }
  return fill(text, params, intlLocale(locale), (name) => {
    throw new MissingMessageError(`Interface text "${asWritten}" needs a value for {${name}}; pass it to the t filter.`);
  });
}
