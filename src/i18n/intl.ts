// Dates and names of languages as the reader's language writes them, through Intl. The locale is
// chosen by intlLocale(): a date inside an English fallback sentence reads as English.
import { memoize } from "../memo.js";
import { formatLongDate } from "./format.js";
import { intlLocale } from "./messages.js";

/** "15. April 2027" (de), "15 April 2027" (en): the calendar date of `instant` in `timeZone`. */
export function formatDate(instant: string | Date, locale: string, timeZone: string): string {
  return formatLongDate(instant, intlLocale(locale), timeZone);
}

const dateTimes = memoize((key) => {
  const [locale, timeZone] = key.split(" ");
  return new Intl.DateTimeFormat(locale, { dateStyle: "full", timeStyle: "short", timeZone });
});

/** "Montag, 1. März 2027 um 09:00": when a post is planned. */
export function formatDateTime(instant: string | Date, locale: string, timeZone: string): string {
  return dateTimes(`${intlLocale(locale)} ${timeZone}`).format(new Date(instant));
}

/** Month names of a locale: so the font subset holds every character a formatted date can use. */
export function monthNames(locale: string): string[] {
  const format = new Intl.DateTimeFormat(intlLocale(locale), { month: "long", timeZone: "UTC" });
  return Array.from({ length: 12 }, (_, month) => format.format(new Date(Date.UTC(2027, month, 15))));
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
