// Shared with the collector (reach figures mark them on their chart): it lives in src/campaign/.
// The dates a communications team plans around, derived from the campaign period: the start, one
// week before the end, the last day, and the day after, when the thanks and the next steps are due.
import type { CampaignModel } from "./model.js";
import { dateInZone } from "./time.js";
import { message } from "../i18n/index.js";

export interface Milestone {
  id: "launch" | "one-week-left" | "last-day" | "results";
  /** Calendar date in the campaign's time zone, YYYY-MM-DD (an all-day event). */
  date: string;
  title: string;
}

export function milestones(campaign: CampaignModel): Milestone[] {
  const end = dateInZone(campaign.period.end, campaign.timezone);
  const campaignTitle = campaign.title[campaign.locale] ?? "";
  const named = (id: Milestone["id"], date: string): Milestone => ({ id, date, title: `${message(campaign.locale, `kit.milestone.${id}`)}: ${campaignTitle}` });
  return [
    named("launch", dateInZone(campaign.period.start, campaign.timezone)),
    named("one-week-left", addDays(end, -7)),
    named("last-day", end),
    named("results", addDays(end, 1)),
  ];
}

/** Calendar arithmetic on YYYY-MM-DD, free of time zones and daylight saving. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
