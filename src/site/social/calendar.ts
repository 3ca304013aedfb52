// The editorial calendar: planned posts and the campaign's milestones, as .ics and as .csv.
import type { CampaignModel } from "../../campaign/model.js";
import { dateInZone } from "../../campaign/time.js";
import { message } from "../../i18n/index.js";
import { toCsv, type CsvRow } from "./csv.js";
import { icsCalendar, type CalendarEvent } from "./ics.js";
import { milestones } from "./milestones.js";
import type { PlannedPost } from "./posts.js";

/** A post takes a slot of this length in the calendar: time to publish it and answer first replies. */
const POST_MINUTES = 30;

export function calendarFiles(campaign: CampaignModel, planned: PlannedPost[], now: Date): { ics: string; csv: string } {
  const host = new URL(campaign.site.baseUrl).host;
  const dates = milestones(campaign);
  const events: CalendarEvent[] = dates.map((m) => ({
    uid: `${campaign.slug}-${m.id}@${host}`,
    summary: m.title,
    url: campaign.site.baseUrl + `/${campaign.slug}/`,
    start: { date: m.date },
  }));
  for (const post of campaign.social.posts) {
    const own = planned.filter((p) => p.post === post && p.locale === campaign.locale);
    const first = own[0];
    events.push({
      uid: `${campaign.slug}-post-${post.id}@${host}`,
      summary: message(campaign.locale, "kit.postEvent", { id: post.id, platforms: own.map((p) => p.platformName).join(", ") }),
      description: first ? first.composed.replace(first.url, campaign.site.baseUrl + first.pagePath) : post.text[campaign.locale],
      url: first ? campaign.site.baseUrl + first.pagePath : undefined,
      start: { instant: post.date, minutes: POST_MINUTES },
    });
  }
  events.sort((a, b) => startKey(a, campaign.timezone).localeCompare(startKey(b, campaign.timezone)));
  const ics = icsCalendar({ name: campaign.title[campaign.locale] ?? campaign.slug, timeZone: campaign.timezone, now, events });

  const time = (instant: string) =>
    new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: campaign.timezone }).format(new Date(instant));
  const rows: CsvRow[] = [
    ...dates.map((m): CsvRow => ({ date: m.date, time: "", type: "milestone", id: m.id, platform: "", language: "", page: "", text: m.title, link: "", characters: "", limit: "" })),
    ...planned.map((p): CsvRow => ({
      date: dateInZone(p.post.date, campaign.timezone),
      time: time(p.post.date),
      type: "post",
      id: p.post.id,
      platform: p.platformName,
      language: p.locale,
      page: p.pagePath,
      text: p.composed,
      link: p.url,
      characters: p.length,
      limit: p.limit,
    })),
  ].sort((a, b) => `${a.date} ${a.time}`.localeCompare(`${b.date} ${b.time}`));
  const csv = toCsv(["date", "time", "type", "id", "platform", "language", "page", "text", "link", "characters", "limit"], rows);
  return { ics, csv };
}

function startKey(event: CalendarEvent, timeZone: string): string {
  return "date" in event.start ? event.start.date : `${dateInZone(event.start.instant, timeZone)}T${event.start.instant}`;
}
