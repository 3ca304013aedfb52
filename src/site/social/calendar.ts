// The editorial calendar as .ics: every post on every platform as a timed event with a readable
// title ("Instagram: Start der Beteiligung") and a reminder, its text in every language of the
// campaign; the campaign's milestones as all-day events; and a tentative draft for each milestone
// that no post covers yet.
import type { CampaignModel } from "../../campaign/model.js";
import { dateInZone } from "../../campaign/time.js";
import { languageName, message } from "../../i18n/index.js";
import type { DraftPost } from "./drafts.js";
import { icsCalendar, type CalendarEvent } from "./ics.js";
import { milestones } from "../../campaign/milestones.js";
import { postTitle, type PlannedPost } from "./posts.js";

/** A post takes a slot of this length in the calendar: time to publish it and answer first replies. */
const POST_MINUTES = 30;
/** The reminder comes this long before: time to check the text and the picture. */
const REMINDER_MINUTES = 30;

export function calendarIcs(campaign: CampaignModel, planned: PlannedPost[], drafts: DraftPost[], now: Date): string {
  const host = new URL(campaign.site.baseUrl).host;
  const locale = campaign.locale;
  const events: CalendarEvent[] = milestones(campaign).map((m) => ({
    uid: `${campaign.slug}-${m.id}@${host}`,
    summary: m.title,
    url: campaign.site.baseUrl + `/${campaign.slug}/`,
    start: { date: m.date },
  }));
  for (const post of campaign.social.posts) {
    for (const platform of post.platforms) {
      const variants = planned.filter((p) => p.post === post && p.platform === platform);
      const first = variants.find((p) => p.locale === locale) ?? variants[0];
      if (!first) continue;
      const summary = message(locale, "kit.postEvent", { platform: first.platformName, title: postTitle(campaign, post, locale) });
      events.push({
        uid: `${campaign.slug}-post-${post.id}-${platform}@${host}`,
        summary,
        description: variants.map((p) => (variants.length > 1 ? `${languageName(p.locale)}:\n${p.composed}` : p.composed)).join("\n\n"),
        url: first.link,
        start: { instant: post.date, minutes: POST_MINUTES },
        alarm: { minutes: REMINDER_MINUTES, text: message(locale, "kit.reminder", { title: summary }) },
      });
    }
  }
  for (const draft of drafts) {
    const summary = message(locale, "kit.draftEvent", { title: message(locale, `kit.milestone.${draft.milestone.id}`) });
    events.push({
      uid: `${campaign.slug}-draft-${draft.milestone.id}@${host}`,
      summary,
      description: campaign.locales.map((l) => (campaign.locales.length > 1 ? `${languageName(l)}:\n${draft.text[l]}` : draft.text[l])).join("\n\n"),
      url: draft.url[locale],
      start: { instant: draft.date, minutes: POST_MINUTES },
      alarm: { minutes: REMINDER_MINUTES, text: message(locale, "kit.reminder", { title: summary }) },
      tentative: true,
    });
  }
  events.sort((a, b) => startKey(a, campaign.timezone).localeCompare(startKey(b, campaign.timezone)));
  return icsCalendar({ name: campaign.title[locale] ?? campaign.slug, timeZone: campaign.timezone, now, events });
}

function startKey(event: CalendarEvent, timeZone: string): string {
  return "date" in event.start ? event.start.date : `${dateInZone(event.start.instant, timeZone)}T${event.start.instant}`;
}
