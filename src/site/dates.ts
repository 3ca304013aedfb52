// Dates as people read them, in the campaign's time zone: "15. April 2027", "15 April 2027".
import type { Period } from "../campaign/model.js";
import { dateInZone } from "../campaign/time.js";

export type PeriodState = "upcoming" | "open" | "closed";

/** Where `now` falls in a period: before it, inside it (start and end included) or after it. */
export function periodState(period: Period, now: string | Date): PeriodState {
  const at = new Date(now).getTime();
  if (at < new Date(period.start).getTime()) return "upcoming";
  if (at > new Date(period.end).getTime()) return "closed";
  return "open";
}

/**
 * The Intl locale for dates. Plain "en" would give the US "April 15, 2027"; a German authority's
 * English pages read better with the day first, as in British English.
 */
export function dateLocale(locale: string): string {
  return locale.toLowerCase() === "en" ? "en-GB" : locale;
}

/** Long date, e.g. "15. April 2027" (de) or "15 April 2027" (en). */
export function formatDate(instant: string | Date, locale: string, timeZone: string): string {
  return longDateFormat(dateLocale(locale), timeZone).format(new Date(instant));
}

// Creating an Intl.DateTimeFormat costs far more than using one, and every page formats dates.
const longDateFormats = new Map<string, Intl.DateTimeFormat>();
function longDateFormat(locale: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale} ${timeZone}`;
  let format = longDateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone });
    longDateFormats.set(key, format);
  }
  return format;
}

/** The calendar date (YYYY-MM-DD) for <time datetime> and the sitemap. */
export function isoDate(instant: string | Date, timeZone: string): string {
  return dateInZone(instant, timeZone);
}

/** Month names of a locale: so the font subset holds every character a formatted date can use. */
export function monthNames(locale: string): string[] {
  const format = new Intl.DateTimeFormat(dateLocale(locale), { month: "long", timeZone: "UTC" });
  return Array.from({ length: 12 }, (_, month) => format.format(new Date(Date.UTC(2027, month, 15))));
}
