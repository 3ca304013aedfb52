// Filling in a text: its placeholders, numbers as the page's language writes them ("1.000" in
// German), and the plural form Intl.PluralRules chooses. No Node imports: browser scripts use it.
import { memoize } from "../memo.js";
import type { PluralText, Text } from "./catalogue.js";

// Intl objects are slow to make and asked for on every page: one per locale and process.
const pluralRules = memoize((locale) => new Intl.PluralRules(locale));
const numberFormat = memoize((locale) => new Intl.NumberFormat(locale, { maximumFractionDigits: 10 }));

/** 1000 → "1.000" (de), "1,000" (en-GB). */
export function formatNumber(value: number, locale: string): string {
  return numberFormat(locale).format(value);
}

/** The form of a plural text for `count`: "one", "few", … as the language has them, else "other". */
export function pluralForm(text: PluralText, count: number, locale: string): string {
  return text[pluralRules(locale).select(count)] ?? text.other;
}

/**
 * `text` with its {placeholders} filled from `params` (numbers formatted in `locale`, the Intl
 * locale of the text). `missing` says what a placeholder without a value becomes: the build throws,
 * a browser script shows what it can.
 */
export function fill(text: Text, params: Readonly<Record<string, unknown>>, locale: string, missing: (name: string) => string): string {
  const template = typeof text === "string" ? text : pluralForm(text, Number(params[text.plural]), locale);
  return template.replace(/\{(\w+)\}/g, (_whole, name: string) => {
    const value = params[name];
    if (value === undefined || value === null) return missing(name);
    return typeof value === "number" ? formatNumber(value, locale) : String(value);
  });
}

const longDates = memoize((key) => {
  const [locale, timeZone] = key.split(" ");
  return new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone });
});

/** "15. April 2027" (de), "15 April 2027" (en-GB): the calendar date of `instant` in `timeZone`. */
export function formatLongDate(instant: string | Date, locale: string, timeZone: string): string {
  return longDates(`${locale} ${timeZone}`).format(new Date(instant));
}
