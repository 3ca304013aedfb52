// Dates: real calendar days, a known time zone, and periods that end after they start. The schema's
// pattern lets "2027-02-30" through; a campaign that silently ends on 2 March would not be noticed.
import { toInstant } from "../time.js";
import { didYouMean } from "../suggest.js";
import { pages, record, type Check, type CheckContext } from "./context.js";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-](\d{2}):(\d{2}))?)?$/;

/** Why a date (or date-time) string is not a real moment, or undefined when it is. */
export function calendarProblem(value: string): string | undefined {
  const m = DATE.exec(value);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second, , offsetHours, offsetMinutes] = m.slice(1).map((s) => (s === undefined ? undefined : Number(s)));
  if (month! < 1 || month! > 12) return `"${value}" is not a real date: there is no month ${month}`;
  const days = new Date(Date.UTC(year!, month!, 0)).getUTCDate();
  if (day! < 1 || day! > days) return `"${value}" is not a real date: ${MONTHS[month! - 1]} ${year} has ${days} days`;
  if ((hour ?? 0) > 23 || (minute ?? 0) > 59 || (second ?? 0) > 59) return `"${value}" is not a real time of day`;
  if ((offsetHours ?? 0) > 14 || (offsetMinutes ?? 0) > 59) return `"${value}" has an impossible UTC offset`;
  return undefined;
}

function validZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** A checked date string, or undefined when it is missing or already reported. */
function usableDate(value: unknown): string | undefined {
  return typeof value === "string" && DATE.test(value) && !calendarProblem(value) ? value : undefined;
}

export const checkPeriod: Check = (ctx) => {
  let zone = "Europe/Berlin";
  if (typeof ctx.data.timezone === "string") {
    if (validZone(ctx.data.timezone)) zone = ctx.data.timezone;
    else {
      const zones = Intl.supportedValuesOf("timeZone");
      ctx.error("/timezone", `unknown time zone "${ctx.data.timezone}"${didYouMean(ctx.data.timezone, zones) || '; use an IANA name such as "Europe/Berlin"'}`);
    }
  }

  for (const use of ctx.uses) {
    if ((use.def === "DateOrDateTime" || use.def === "DateTime") && typeof use.value === "string") {
      const problem = calendarProblem(use.value);
      if (problem) ctx.error(use.pointer, problem);
    }
  }

  const period = record(ctx.data.period);
  const start = usableDate(period.start);
  const end = usableDate(period.end);
  if (start && end) checkOrder(ctx, zone, { start, end, pointer: "/period/end", what: "the campaign ends", startWord: "starts" });

  for (const [page, pointer] of pages(ctx)) {
    if (page.type !== "survey") continue;
    const opens = usableDate(page.opens) ?? start;
    const closes = usableDate(page.closes) ?? end;
    if (!opens || !closes || (page.opens === undefined && page.closes === undefined)) continue;
    const at = page.closes !== undefined ? `${pointer}/closes` : `${pointer}/opens`;
    if (!checkOrder(ctx, zone, { start: opens, end: closes, pointer: at, what: "the survey closes", startWord: "opens" })) continue;
    if (start && page.opens !== undefined && instant(opens, zone) < instant(start, zone)) {
      ctx.warning(`${pointer}/opens`, `the survey opens (${opens}) before the campaign starts (${start}); the landing page will not list it as open yet`);
    }
    if (end && page.closes !== undefined && instant(closes, zone, true) > instant(end, zone, true)) {
      ctx.warning(`${pointer}/closes`, `the survey closes (${closes}) after the campaign ends (${end}); the campaign will look finished while the survey still takes answers`);
    }
  }
};

function instant(value: string, zone: string, endOfDay = false): number {
  return Date.parse(toInstant(value, zone, endOfDay));
}

interface Span {
  start: string;
  end: string;
  pointer: string;
  what: string;
  startWord: string;
}

/** Reports an end that is not after its start; true when the order is fine. */
function checkOrder(ctx: CheckContext, zone: string, span: Span): boolean {
  // A date-only end means the whole day: 1 March to 1 March is one day, not nothing.
  if (instant(span.end, zone, true) > instant(span.start, zone)) return true;
  ctx.error(span.pointer, `${span.what} (${span.end}) before it ${span.startWord} (${span.start}); the end must be after the start`);
  return false;
}
