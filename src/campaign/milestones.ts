// Shared with the collector (reach figures mark them on their chart): it lives in src/campaign/.
// The dates a communications team plans around, derived from the campaign period: the start, one
// week before the end, the last day, the day after, when the thanks and the next steps are due, and
// the day the results page publishes its figures ("Wir haben gefragt, Sie haben gesagt, wir tun").
import type { CampaignModel, ResultsPageModel } from "./model.js";
import { dateInZone } from "./time.js";
import { message } from "../i18n/index.js";

export interface Milestone {
  /**
   * "closed": the day after the end, thanks and next steps; "results": the day the results page
   * publishes its figures (its publishFrom). A results page that publishes the day after the end (or
   * earlier) makes the two one post: then there is no "closed".
   */
  id: "launch" | "one-week-left" | "last-day" | "closed" | "results";
  /** Calendar date in the campaign's time zone, YYYY-MM-DD (an all-day event). */
  date: string;
  title: string;
  /** The page it is about (the results page for "results"); undefined: the landing page. */
  page?: string;
}

export function milestones(campaign: CampaignModel): Milestone[] {
  const end = dateInZone(campaign.period.end, campaign.timezone);
  const campaignTitle = campaign.title[campaign.locale] ?? "";
  const named = (id: Milestone["id"], date: string, page?: string): Milestone => ({ id, date, title: `${message(campaign.locale, `kit.milestone.${id}`)}: ${campaignTitle}`, ...(page ? { page } : {}) });
  const closed = addDays(end, 1);
  const results = resultsPage(campaign);
  const published = results && dateInZone(results.publishFrom, campaign.timezone);
  return [
    named("launch", dateInZone(campaign.period.start, campaign.timezone)),
    named("one-week-left", addDays(end, -7)),
    named("last-day", end),
    ...(published && published <= closed ? [] : [named("closed", closed)]),
    ...(results && published ? [named("results", published, results.id)] : []),
  ];
}

/** The campaign's (first) results page: the "results" milestone and its post lead there. */
export function resultsPage(campaign: CampaignModel): ResultsPageModel | undefined {
  return campaign.pages.find((p): p is ResultsPageModel => p.type === "results");
}

/** Calendar arithmetic on YYYY-MM-DD, free of time zones and daylight saving. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
