// A small RFC 5545 writer for the editorial calendar: posts as timed events in the campaign's time
// zone (with a VTIMEZONE made from the platform's time zone data, so calendars need not know the
// zone) and a reminder before each, milestones as all-day events. Text is escaped and lines are
// folded at 75 octets.
import { zoneOffsetMinutes } from "../../campaign/time.js";
import { memoize } from "../../memo.js";

export interface CalendarEvent {
  uid: string;
  summary: string;
  description?: string;
  url?: string;
  /** A timed event: its instant and length in minutes; or an all-day event: its date (YYYY-MM-DD). */
  start: { instant: string; minutes: number } | { date: string };
  /** A reminder this many minutes before the start, with its text. */
  alarm?: { minutes: number; text: string };
  /** A draft: shown as tentative. */
  tentative?: boolean;
}

export function icsCalendar(options: { name: string; timeZone: string; now: Date; events: CalendarEvent[] }): string {
  const { timeZone, events } = options;
  const stamp = utcStamp(options.now);
  const years = events.flatMap((e) => ("instant" in e.start ? [new Date(e.start.instant).getUTCFullYear()] : []));
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//mitreden//social-media kit//DE",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(options.name)}`,
    `X-WR-TIMEZONE:${timeZone}`,
    ...(years.length ? zoneRules(`${timeZone} ${Math.min(...years)} ${Math.max(...years)}`) : []),
  ];
  for (const event of events) {
    lines.push("BEGIN:VEVENT", `UID:${event.uid}`, `DTSTAMP:${stamp}`);
    if ("instant" in event.start) {
      lines.push(`DTSTART;TZID=${timeZone}:${localStamp(new Date(event.start.instant), timeZone)}`, `DURATION:PT${event.start.minutes}M`);
    } else {
      lines.push(`DTSTART;VALUE=DATE:${event.start.date.replaceAll("-", "")}`, `DTEND;VALUE=DATE:${nextDay(event.start.date)}`);
    }
    lines.push(`SUMMARY:${escapeText(event.summary)}`);
    if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
    if (event.url) lines.push(`URL:${event.url}`);
    lines.push(`STATUS:${event.tentative ? "TENTATIVE" : "CONFIRMED"}`, "TRANSP:TRANSPARENT");
    if (event.alarm) {
      lines.push("BEGIN:VALARM", "ACTION:DISPLAY", `TRIGGER:-PT${event.alarm.minutes}M`, `DESCRIPTION:${escapeText(event.alarm.text)}`, "END:VALARM");
    }
    lines.push("END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return lines.map(fold).join("\r\n") + "\r\n";
}

// Finding the changes asks Intl for a few hundred offsets; every campaign's calendar in every
// language asks for the same zone and years.
const zoneRules = memoize((key) => {
  const [timeZone, fromYear, toYear] = key.split(" ") as [string, string, string];
  return vtimezone(timeZone, Number(fromYear), Number(toYear));
});

/**
 * VTIMEZONE with every offset change from the year before the first event to the last event's
 * year, found with Intl (no tz database of our own) and written as explicit DTSTARTs.
 */
function vtimezone(timeZone: string, fromYear: number, toYear: number): string[] {
  const lines = ["BEGIN:VTIMEZONE", `TZID:${timeZone}`];
  const from = Date.UTC(fromYear - 1, 0, 1);
  const to = Date.UTC(toYear + 1, 0, 1);
  const offsetAt = (t: number) => zoneOffsetMinutes(new Date(t), timeZone);
  const transitions: { at: number; before: number; after: number }[] = [];
  // A week at a time, then to the minute: no zone changes its offset twice within a week.
  const week = 7 * 86_400_000;
  let after = offsetAt(from);
  for (let t = from; t < to; t += week) {
    const before = after;
    after = offsetAt(t + week);
    if (before === after) continue;
    let [low, high] = [t, t + week];
    while (high - low > 60_000) {
      const mid = low + Math.floor((high - low) / 2 / 60_000) * 60_000;
      if (offsetAt(mid) === before) low = mid;
      else high = mid;
    }
    transitions.push({ at: high, before, after });
  }
  const standard = Math.min(offsetAt(from), ...transitions.map((t) => t.after));
  if (transitions.length === 0) transitions.push({ at: from, before: offsetAt(from), after: offsetAt(from) });
  for (const { at, before, after } of transitions) {
    const kind = after > standard ? "DAYLIGHT" : "STANDARD";
    lines.push(
      `BEGIN:${kind}`,
      // DTSTART is the wall-clock time, in the offset in force before the change, when it happens.
      `DTSTART:${isoBasic(new Date(at + before * 60_000))}`,
      `TZOFFSETFROM:${offset(before)}`,
      `TZOFFSETTO:${offset(after)}`,
      `TZNAME:${zoneName(at, timeZone)}`,
      `END:${kind}`,
    );
  }
  lines.push("END:VTIMEZONE");
  return lines;
}

function zoneName(at: number, timeZone: string): string {
  const part = new Intl.DateTimeFormat("en-GB", { timeZone, timeZoneName: "short" }).formatToParts(new Date(at)).find((p) => p.type === "timeZoneName");
  return part?.value ?? timeZone;
}

function localStamp(instant: Date, timeZone: string): string {
  return isoBasic(new Date(instant.getTime() + zoneOffsetMinutes(instant, timeZone) * 60_000));
}

/** YYYYMMDDTHHMMSS of a Date's UTC fields (callers shift it to the wall clock first). */
function isoBasic(date: Date): string {
  return date.toISOString().slice(0, 19).replace(/[-:]/g, "");
}

function utcStamp(date: Date): string {
  return isoBasic(date) + "Z";
}

function nextDay(date: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10).replaceAll("-", "");
}

function offset(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? "-" : "+"}${String(Math.floor(abs / 60)).padStart(2, "0")}${String(abs % 60).padStart(2, "0")}`;
}

export function escapeText(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

/** Folds a content line at 75 octets, never inside a UTF-8 sequence (RFC 5545 §3.1). */
export function fold(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}
