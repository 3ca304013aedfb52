// Where every page of a campaign lives (README, "The built site"; docs/architecture.md), and where the
// collector takes what people send from it. One place, so the site, the share cards, the sitemap,
// the browser scripts and the collector's routes and redirects never disagree.
import { everyTranslation, message } from "../i18n/index.js";
import type { CampaignModel, Locale, PageModel } from "./model.js";

/** Page ids that would collide with URLs mitreden generates itself. */
export const RESERVED_PAGE_IDS = ["accessibility", "leichte-sprache", "gebaerdensprache", "social-kit", "assets", "api", ...new Set(everyTranslation("site.thankYou.path"))];

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

/**
 * The explanation in Leichte Sprache and the page for the DGS video (BITV 2.0 § 4). Both are
 * German by nature: one page each per campaign, for campaigns that speak German.
 */
export function easyLanguagePath(campaign: Pick<CampaignModel, "slug">): string {
  return `/${campaign.slug}/leichte-sprache/`;
}

export function signLanguagePath(campaign: Pick<CampaignModel, "slug">): string {
  return `/${campaign.slug}/gebaerdensprache/`;
}

/** Whether a campaign gets the Leichte Sprache and DGS pages: when German is one of its languages. */
export function hasGermanPages(campaign: Pick<CampaignModel, "locales">): boolean {
  return campaign.locales.includes("de");
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

/**
 * The collector's routes, below its prefix (`site.collector`, default "/api"). The collector
 * registers exactly these; collectorUrls() fills them in for the pages and their scripts.
 */
export const COLLECTOR_ROUTES = {
  /** POST a survey's answers (JSON or a plain form). */
  responses: "/:slug/:page/responses",
  /** GET a form token for a survey (docs/adr/006-abuse-protection.md). */
  surveyToken: "/:slug/:page/token",
  /** POST a map contribution. */
  contributions: "/:slug/:page/contributions",
  contributionToken: "/:slug/:page/contributions/token",
  /** GET a proof-of-work challenge, for campaigns with `abuse.proofOfWork` (docs/adr/025-proof-of-work.md). */
  surveyChallenge: "/:slug/:page/challenge",
  contributionChallenge: "/:slug/:page/contributions/challenge",
  /** GET the map's public contributions as GeoJSON. */
  publicContributions: "/:slug/:page/contributions.geojson",
  /** GET what was submitted, for staff (Bearer MITREDEN_EXPORT_TOKEN). */
  export: "/:slug/:page/export",
} as const;

export interface CollectorUrls {
  /** Where the page's form POSTs: a survey's responses, a map's contributions. */
  submit: string;
  /** Where the page's script fetches a form token. */
  token: string;
  /** Where the proof-of-work widget fetches its challenge (campaigns with `abuse.proofOfWork`). */
  challenge: string;
  /** A map's public contributions (GeoJSON). */
  publicContributions: string;
  /** The staff export of what was submitted. */
  export: string;
}

/** The collector's addresses for a survey or map page, as its form and script use them. */
export function collectorUrls(campaign: Pick<CampaignModel, "slug" | "site">, page: Pick<PageModel, "id" | "type">): CollectorUrls {
  const fill = (route: string) => campaign.site.collector + route.replace(":slug", campaign.slug).replace(":page", page.id);
  const map = page.type === "map";
  return {
    submit: fill(map ? COLLECTOR_ROUTES.contributions : COLLECTOR_ROUTES.responses),
    token: fill(map ? COLLECTOR_ROUTES.contributionToken : COLLECTOR_ROUTES.surveyToken),
    challenge: fill(map ? COLLECTOR_ROUTES.contributionChallenge : COLLECTOR_ROUTES.surveyChallenge),
    publicContributions: fill(COLLECTOR_ROUTES.publicContributions),
    export: fill(COLLECTOR_ROUTES.export),
  };
}

/**
 * Where the collector sends a person after a plain form was stored: the thank-you page, root-relative
 * when the collector shares the site's origin ("/api"; so it also works on a preview host), else absolute.
 */
export function thankYouLocation(campaign: CampaignModel, locale: Locale, pageId: string): string {
  const path = thankYouPath(campaign, locale, pageId);
  return /^https?:\/\//.test(campaign.site.collector) ? absoluteUrl(campaign, path) : path;
}
