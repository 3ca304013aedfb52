// A campaign whose period is over builds a site that says "Beteiligung beendet" and has no open
// form. Right for an archive, a surprise for a team that copied last year's campaign: warn.
import { toInstant } from "../time.js";
import { record, type Check } from "./context.js";
import { calendarProblem } from "./period.js";

export const checkPeriodEnded: Check = (ctx) => {
  const end = record(ctx.data.period).end;
  if (typeof end !== "string" || !/^\d{4}-\d{2}-\d{2}/.test(end) || calendarProblem(end)) return;
  const zone = typeof ctx.data.timezone === "string" ? ctx.data.timezone : "Europe/Berlin";
  let instant: number;
  try {
    instant = Date.parse(toInstant(end, zone, true));
  } catch {
    return; // an unknown time zone is reported by the period check
  }
  if (instant >= ctx.now.getTime()) return;
  ctx.warning(
    "/period/end",
    `the campaign ended on ${end}: its pages say it is over and its forms are closed. ` +
      "If it should run again, give it a new period; to rehearse an old one, build with --now",
  );
};
