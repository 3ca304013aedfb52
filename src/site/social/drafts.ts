// Milestones that no post covers yet get a draft post: a team that planned the launch often forgets
// "one week left", the last day and the thank-you with next steps, which bring the most people in;
// and the day the results come out, the post that shows people their say counted.
import type { CampaignModel, Locale, Platform } from "../../campaign/model.js";
import { postShortLink, postingPlatforms, RESULTS_POST } from "../../campaign/short-links.js";
import { PLATFORM_NAMES } from "../../campaign/social-text.js";
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
  /** The draft's text per language, with the address of its page (the landing page; the results page for "results"). */
  text: Record<Locale, string>;
  /**
   * The address in it. A draft has no short link of its own (adding it to campaign.json as a post
   * gives it one) — except the results post, which the kit plans itself: see `links`.
   */
  url: Record<Locale, string>;
  /** Per platform the campaign posts on and language: the counted short link and the text with it (the results post). */
  links: DraftLink[];
}

export interface DraftLink {
  platform: Platform;
  platformName: string;
  locale: Locale;
  /** <baseUrl>/l/<campaign>-results-<platform>. */
  url: string;
  text: string;
}

export function draftPosts(campaign: CampaignModel): DraftPost[] {
  const planned = new Set(campaign.social.posts.map((post) => dateInZone(post.date, campaign.timezone)));
  return milestones(campaign)
    .filter((m) => !planned.has(m.date))
    .map((milestone) => {
      const say = (locale: Locale, url: string) =>
        message(locale, `kit.draft.${milestone.id}`, {
          title: campaign.title[locale] ?? campaign.title[campaign.locale] ?? "",
          date: formatDate(campaign.period.end, locale, campaign.timezone),
          url,
        });
      const text: Record<Locale, string> = {};
      const url: Record<Locale, string> = {};
      for (const locale of campaign.locales) {
        url[locale] = campaign.site.baseUrl + pagePath(campaign, locale, milestone.page);
        text[locale] = say(locale, url[locale]);
      }
      const links: DraftLink[] = milestone.id !== "results" ? [] : postingPlatforms(campaign).flatMap((platform) =>
        campaign.locales.flatMap((locale) => {
          const link = postShortLink(campaign, RESULTS_POST, platform, locale);
          return link ? [{ platform, platformName: PLATFORM_NAMES[platform], locale, url: link.url, text: say(locale, link.url) }] : [];
        }),
      );
      return { milestone, date: wallClockToInstant(`${milestone.date}T${DRAFT_TIME}`, campaign.timezone), text, url, links };
    });
}
