// Where a moment falls in a campaign's period, and its calendar date. Dates in words are written
// by src/i18n (formatDate), in the reader's language.
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

/** The calendar date (YYYY-MM-DD) for <time datetime> and the sitemap. */
export function isoDate(instant: string | Date, timeZone: string): string {
  return dateInZone(instant, timeZone);
}
