// Every planned post on every platform it names, in every language of the campaign: the text as it
// will be published (composePost), its length as that platform counts it and the platform's limit.
// These are the functions validation uses, so the kit shows exactly the counts validation enforced.
import type { CampaignModel, Locale, Platform, PostModel } from "../../campaign/model.js";
import { composePost, PLATFORM_LIMITS, PLATFORM_NAMES, postLength, postUrl } from "../../campaign/social-text.js";
import { pagePath } from "../../campaign/urls.js";
import type { CardFormat } from "../cards/index.js";

/**
 * The picture to attach, per platform. Link previews (1.91:1) where the platform turns the link
 * into a card anyway; Instagram, which shows no link previews, gets its feed portrait and a story.
 */
export const PLATFORM_IMAGES: Record<Platform, CardFormat[]> = {
  x: ["link"],
  bluesky: ["link"],
  mastodon: ["link"],
  linkedin: ["link"],
  facebook: ["link"],
  threads: ["square"],
  instagram: ["portrait", "story"],
};

export interface PlannedPost {
  post: PostModel;
  platform: Platform;
  platformName: string;
  locale: Locale;
  /** Page the post links to, root-relative. */
  pagePath: string;
  /** Absolute link with utm_source=<platform>&utm_medium=social&utm_campaign=<slug>&utm_content=<post id>. */
  url: string;
  /** Text, hashtags and link, as it should be pasted. */
  composed: string;
  length: number;
  limit: number;
  fits: boolean;
  formats: CardFormat[];
}

export function plannedPosts(campaign: CampaignModel): PlannedPost[] {
  const planned: PlannedPost[] = [];
  for (const post of campaign.social.posts) {
    for (const locale of campaign.locales) {
      const path = pagePath(campaign, locale, post.page);
      for (const platform of post.platforms) {
        const url = postUrl(campaign.site.baseUrl, path, platform, campaign.slug, post.id);
        const composed = composePost(post.text[locale] ?? "", campaign.social.hashtags, url);
        const length = postLength(platform, composed, url);
        const limit = PLATFORM_LIMITS[platform];
        planned.push({
          post,
          platform,
          platformName: PLATFORM_NAMES[platform],
          locale,
          pagePath: path,
          url,
          composed,
          length,
          limit,
          fits: length <= limit,
          formats: PLATFORM_IMAGES[platform],
        });
      }
    }
  }
  return planned;
}
