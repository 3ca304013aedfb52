// Dates in campaign.json may lack an offset; they are then wall-clock times in the campaign's
// time zone (Europe/Berlin by default). This turns them into instants without a tz library.
import { memoize } from "../memo.js";

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const HAS_OFFSET = /(Z|[+-]\d{2}:\d{2})$/;

/** Offset of `timeZone` at `instant`, in minutes east of UTC. */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const parts = zoneFormat(timeZone).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

// Making an Intl.DateTimeFormat costs ~50 times more than using one; every page converts dates.
const zoneFormat = memoize(
  (timeZone) => new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" }),
);

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/** Wall-clock "YYYY-MM-DDTHH:mm[:ss]" in `timeZone` → ISO instant with that zone's offset. */
export function wallClockToInstant(local: string, timeZone: string): string {
  const [date = "", time = "00:00:00"] = local.split("T");
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const [hh = 0, mm = 0, ss = 0] = time.split(":").map(Number);
  const guess = Date.UTC(y, m - 1, d, hh, mm, Math.floor(ss));
  // Two passes settle the offset also right after a daylight-saving switch.
  let offset = zoneOffsetMinutes(new Date(guess), timeZone);
  offset = zoneOffsetMinutes(new Date(guess - offset * 60000), timeZone);
  const hms = `${String(hh).padStart(2, "0")}:${String(mm).padStart(2, "0")}:${String(Math.floor(ss)).padStart(2, "0")}`;
  return `${date}T${hms}${formatOffset(offset)}`;
}

/**
 * A campaign date or date-time as an instant. A date alone means the start of that day,
 * or with `endOfDay` its last second: "until 15 April" includes the 15th.
 */
export function toInstant(value: string, timeZone: string, endOfDay = false): string {
  if (DATE_ONLY.test(value)) return wallClockToInstant(`${value}T${endOfDay ? "23:59:59" : "00:00:00"}`, timeZone);
  if (HAS_OFFSET.test(value)) return value;
  return wallClockToInstant(value, timeZone);
}

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function dateInZone(instant: string | Date, timeZone: string): string {
  let format = isoDateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    isoDateFormats.set(timeZone, format);
  }
  return format.format(new Date(instant));
}

// One formatter per zone: creating an Intl.DateTimeFormat costs far more than using one.
const isoDateFormats = new Map<string, Intl.DateTimeFormat>();
