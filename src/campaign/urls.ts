// Where every page of a campaign lives (DESIGN.md, "URLs of the built site"). One place, so the site,
// the share cards, the sitemap and the collector's redirects never disagree.
import { everyTranslation, message } from "../i18n/index.js";
import type { CampaignModel, Locale } from "./model.js";

/** Page ids that would collide with URLs mitreden generates itself. */
export const RESERVED_PAGE_IDS = ["accessibility", "social-kit", "assets", "api", ...new Set(everyTranslation("site.thankYou.path"))];

/** Root-relative URL of a campaign page: landing page when pageId is undefined. Always ends in "/". */
export function pagePath(campaign: Pick<CampaignModel, "slug" | "locale">, locale: Locale, pageId?: string): string {
  const prefix = locale === campaign.locale ? `/${campaign.slug}/` : `/${campaign.slug}/${locale}/`;
  return pageId ? `${prefix}${pageId}/` : prefix;
}

/** Absolute URL on the published site. */
export function absoluteUrl(campaign: Pick<CampaignModel, "site">, path: string): string {
  return campaign.site.baseUrl + path;
}

export function accessibilityPath(campaign: Pick<CampaignModel, "slug" | "locale">, locale: Locale): string {
  return pagePath(campaign, locale, "accessibility");
}

export function socialKitPath(campaign: Pick<CampaignModel, "slug">): string {
  return `/${campaign.slug}/social-kit/`;
}

/**
 * A survey's thank-you page: where the collector sends a person after a submission without
 * JavaScript (303), and where the browser script may go after one with it.
 */
export function thankYouPath(campaign: CampaignModel, locale: Locale, pageId: string): string {
  return `${pagePath(campaign, locale, pageId)}${message(locale, "site.thankYou.path")}/`;
}
