// The paragraph for the city's privacy notice (Datenschutzerklärung), in the campaign's language:
// what reach counting keeps and what it does not, from what this code counts (the reach_counts
// columns, the label on submissions, previews told apart by user agent read and not kept). The
// legal basis is the city's to add: it depends on its law and its reading of § 25 TDDDG.
import type { CampaignModel, Locale, Platform } from "../../campaign/model.js";
import { shortLinkUrl, printLinkCode } from "../../campaign/short-links.js";
import { PLATFORM_NAMES } from "../../campaign/social-text.js";
import { message } from "../../i18n/index.js";

export interface PrivacyNotice {
  heading: string;
  paragraphs: string[];
}

export function privacyNotice(campaign: CampaignModel, locale: Locale = campaign.locale): PrivacyNotice {
  const platforms = [...new Set(campaign.social.posts.flatMap((p) => p.platforms))].map((p: Platform) => PLATFORM_NAMES[p]);
  const title = campaign.title[locale] ?? campaign.title[campaign.locale] ?? campaign.slug;
  const example = shortLinkUrl(campaign.site.baseUrl, printLinkCode(campaign.slug, undefined, campaign.locale, campaign.locale));
  const list = platforms.join(", ");
  return {
    heading: message(locale, "reach.privacy.heading"),
    paragraphs: [
      message(locale, "reach.privacy.what", { title }),
      // Only when the campaign gives out short links: otherwise nothing answers /l/ for it.
      ...(campaign.social.shortLinks ? [message(locale, "reach.privacy.shortLinks", { example })] : []),
      message(locale, "reach.privacy.funnel", { platforms: list || "–" }),
      message(locale, "reach.privacy.label"),
      message(locale, "reach.privacy.not"),
    ],
  };
}

/** As text to paste: the heading, then the paragraphs, separated by blank lines. */
export function privacyNoticeText(notice: PrivacyNotice): string {
  return [notice.heading, ...notice.paragraphs].join("\n\n");
}
