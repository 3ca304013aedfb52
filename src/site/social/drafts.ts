// Milestones that no post covers yet get a draft post: a team that planned the launch often forgets
// "one week left", the last day and the thank-you with next steps, which bring the most people in.
import type { CampaignModel, Locale } from "../../campaign/model.js";
import { dateInZone, wallClockToInstant } from "../../campaign/time.js";
import { pagePath } from "../../campaign/urls.js";
import { formatDate, message } from "../../i18n/index.js";
import { milestones, type Milestone } from "../../campaign/milestones.js";

/** Drafts are planned for this time of day: before the morning peak of most feeds. */
const DRAFT_TIME = "09:00";

export interface DraftPost {
  milestone: Milestone;
  /** Instant of the draft (09:00 on the milestone's day, in the campaign's zone). */
  date: string;
  /** The draft's text per language, with the landing page's address. */
  text: Record<Locale, string>;
  /**
   * The address in it: the landing page. A draft has no short link of its own; adding it to
   * campaign.json as a post gives it one.
   */
  url: Record<Locale, string>;
}

export function draftPosts(campaign: CampaignModel): DraftPost[] {
  const planned = new Set(campaign.social.posts.map((post) => dateInZone(post.date, campaign.timezone)));
  return milestones(campaign)
    .filter((m) => !planned.has(m.date))
    .map((milestone) => {
      const text: Record<Locale, string> = {};
      const url: Record<Locale, string> = {};
      for (const locale of campaign.locales) {
        url[locale] = campaign.site.baseUrl + pagePath(campaign, locale);
        text[locale] = message(locale, `kit.draft.${milestone.id}`, {
          title: campaign.title[locale] ?? campaign.title[campaign.locale] ?? "",
          date: formatDate(campaign.period.end, locale, campaign.timezone),
          url: url[locale],
        });
      }
      return { milestone, date: wallClockToInstant(`${milestone.date}T${DRAFT_TIME}`, campaign.timezone), text, url };
    });
}
