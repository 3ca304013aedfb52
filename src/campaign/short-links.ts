// Short links: every link the social-media kit gives out (each post on each platform and language,
// each QR code and poster) as <site.baseUrl>/l/<code>, so the collector can count which post or
// poster brought people, on the server, without cookies (issue 11, docs/adr/017).
//
// Contract, for the site (the kit prints these links) and the collector (it answers them):
// - shortLinks(campaign) lists every short link of one campaign, in a fixed order; [] when the
//   campaign sets "social": { "shortLinks": false }, so the collector answers none of its codes.
// - A code is lower-case ASCII letters, digits and "-", derived from what the link stands for and
//   nothing else: "<campaign>-<post>-<platform>" for a post ("marktplatz-start-ig"),
//   "<campaign>-<page>-qr" for the QR code and poster of a page ("marktplatz-umfrage-qr"),
//   "<campaign>-qr" for the landing page's; "-<language>" is added for every language but the
//   campaign's first ("radverkehr-start-masto-en"). Rebuilding never changes a code; renaming a
//   post or page id or the campaign folder does (the old printed code then answers 404).
// - Codes are unique per site: shortLinkIndex(model) throws ShortLinkCollisionError, naming both
//   links and the fix, when two campaigns or posts would share one (validation reports the ones
//   inside a campaign at their file:line:col first).
// - findShortLink(model, code) finds a code case-insensitively (people type printed codes): the
//   collector answers GET/HEAD /l/<code> with a 302 to `target` and counts one click for
//   (campaign, post, platform or medium, day); an unknown code is a 404. `target` is the page's
//   absolute URL with utm_source (the platform, or "qr"), utm_medium ("social" or "print"),
//   utm_campaign (the campaign) and utm_content (the post id, or the page id, "start" for the
//   landing page): exactly the long link the kit gave out before short links.
// Pure: no I/O, no Eleventy, no Fastify; the site and the collector import it alike.
import { MitredenError } from "../errors.js";
import type { CampaignModel, Locale, Platform, SiteModel } from "./model.js";
import { resultsPage } from "./milestones.js";
import { postUrl } from "./social-text.js";
import { pagePath } from "./urls.js";

/** How a link reaches people: a post on a social network, or paper (QR code, poster). */
export type ShortLinkMedium = "social" | "print";

export interface ShortLink {
  /** "marktplatz-start-ig": what follows /l/. */
  code: string;
  /** The short link as given out: <baseUrl>/l/<code>. */
  url: string;
  /** Campaign slug. */
  campaign: string;
  locale: Locale;
  /** Page id the link leads to; undefined: the landing page. */
  page?: string;
  /** Post id (medium "social"). */
  post?: string;
  /** Platform (medium "social"). */
  platform?: Platform;
  medium: ShortLinkMedium;
  /** Where the redirect leads: the page with utm_source, utm_medium, utm_campaign and utm_content. */
  target: string;
}

/** Two links that would share a code: the site cannot tell them apart. */
export class ShortLinkCollisionError extends MitredenError {}

/** The platform's part of a code: short, and recognisable to the team that reads its statistics. */
export const PLATFORM_CODES: Record<Platform, string> = {
  instagram: "ig",
  facebook: "fb",
  mastodon: "masto",
  x: "x",
  bluesky: "bsky",
  threads: "threads",
  linkedin: "li",
};

const PRINT_CODE = "qr";
/** Path prefix of short links on the site, handled by the collector. */
export const SHORT_LINK_PREFIX = "/l/";

/** The code of a post's link on a platform: "marktplatz-start-ig", "radverkehr-start-masto-en". */
export function postLinkCode(slug: string, postId: string, platform: Platform, locale: Locale, defaultLocale: Locale): string {
  return `${slug}-${postId}-${PLATFORM_CODES[platform]}${languageSuffix(locale, defaultLocale)}`;
}

/** The code of a page's QR code and poster: "marktplatz-umfrage-qr"; the landing page's "marktplatz-qr". */
export function printLinkCode(slug: string, pageId: string | undefined, locale: Locale, defaultLocale: Locale): string {
  return `${slug}${pageId ? `-${pageId}` : ""}-${PRINT_CODE}${languageSuffix(locale, defaultLocale)}`;
}

function languageSuffix(locale: Locale, defaultLocale: Locale): string {
  return locale === defaultLocale ? "" : `-${locale.toLowerCase()}`;
}

/** <baseUrl>/l/<code>. */
export function shortLinkUrl(baseUrl: string, code: string): string {
  return `${baseUrl.replace(/\/+$/, "")}${SHORT_LINK_PREFIX}${code}`;
}

/** The absolute address of a page for print: utm_source=qr, utm_medium=print, utm_content=<page id or "start">. */
export function printUrl(baseUrl: string, path: string, slug: string, content: string): string {
  const params = new URLSearchParams({ utm_source: "qr", utm_medium: "print", utm_campaign: slug, utm_content: content });
  return `${baseUrl.replace(/\/+$/, "")}${path}?${params.toString()}`;
}

const perCampaign = new WeakMap<CampaignModel, ShortLink[]>();

/** Every short link of a campaign: posts × platforms × languages, then each page's QR code × languages. */
export function shortLinks(campaign: CampaignModel): ShortLink[] {
  let links = perCampaign.get(campaign);
  if (!links) {
    links = linksOf(campaign);
    perCampaign.set(campaign, links);
  }
  return links;
}

function linksOf(campaign: CampaignModel): ShortLink[] {
  if (!campaign.social.shortLinks) return [];
  const links: ShortLink[] = [];
  const { baseUrl } = campaign.site;
  for (const post of campaign.social.posts) {
    for (const locale of campaign.locales) {
      for (const platform of post.platforms) {
        const code = postLinkCode(campaign.slug, post.id, platform, locale, campaign.locale);
        const target = postUrl(baseUrl, pagePath(campaign, locale, post.page), platform, campaign.slug, post.id);
        links.push({ code, url: shortLinkUrl(baseUrl, code), campaign: campaign.slug, locale, page: post.page, post: post.id, platform, medium: "social", target });
      }
    }
  }
  // The results milestone's post ("the results are out") is planned by the kit, not written in
  // campaign.json; it gets a post's links all the same, on every platform the campaign posts on:
  // "<campaign>-results-<platform>", leading to the results page. A post of the campaign with the
  // id "results" takes its place (and its codes).
  const results = resultsPage(campaign);
  if (results) {
    for (const locale of campaign.locales) {
      for (const platform of resultsPostPlatforms(campaign)) {
        const code = postLinkCode(campaign.slug, RESULTS_POST, platform, locale, campaign.locale);
        const target = postUrl(baseUrl, pagePath(campaign, locale, results.id), platform, campaign.slug, RESULTS_POST);
        links.push({ code, url: shortLinkUrl(baseUrl, code), campaign: campaign.slug, locale, page: results.id, post: RESULTS_POST, platform, medium: "social", target });
      }
    }
  }
  for (const locale of campaign.locales) {
    for (const page of [undefined, ...campaign.pages.map((p) => p.id)]) {
      const code = printLinkCode(campaign.slug, page, locale, campaign.locale);
      const target = printUrl(baseUrl, pagePath(campaign, locale, page), campaign.slug, page ?? "start");
      links.push({ code, url: shortLinkUrl(baseUrl, code), campaign: campaign.slug, locale, page, medium: "print", target });
    }
  }
  return links;
}

/** The post id of the results milestone's post, in its short links and the reach figures. */
export const RESULTS_POST = "results";

/**
 * Where the kit's results post goes out: every platform the campaign posts on, when the campaign has
 * a results page and no post of its own with the id "results" (which then takes its place); else none.
 */
export function resultsPostPlatforms(campaign: CampaignModel): Platform[] {
  if (!resultsPage(campaign) || campaign.social.posts.some((post) => post.id === RESULTS_POST)) return [];
  return postingPlatforms(campaign);
}

/** Every platform the campaign's posts go out on, in the order they first appear. */
export function postingPlatforms(campaign: CampaignModel): Platform[] {
  return [...new Set(campaign.social.posts.flatMap((post) => post.platforms))];
}

/** The short link of a post on a platform in a language, if the campaign gives out short links. */
export function postShortLink(campaign: CampaignModel, postId: string, platform: Platform, locale: Locale): ShortLink | undefined {
  return shortLinks(campaign).find((l) => l.post === postId && l.platform === platform && l.locale === locale);
}

/** The short link of a page's QR code and poster (page undefined: the landing page). */
export function printShortLink(campaign: CampaignModel, page: string | undefined, locale: Locale): ShortLink | undefined {
  return shortLinks(campaign).find((l) => l.medium === "print" && l.page === page && l.locale === locale);
}

/** What a link stands for, in words, for error messages. */
export function describeShortLink(link: ShortLink): string {
  const where = link.medium === "social" ? `post "${link.post}" on ${link.platform}` : `the QR code of ${link.page ? `page "${link.page}"` : "the landing page"}`;
  return `${where} (${link.locale}) of campaign "${link.campaign}"`;
}

/** Codes that occur more than once in `links`, with the links that share them. */
export function shortLinkCollisions(links: ShortLink[]): ShortLink[][] {
  const byCode = new Map<string, ShortLink[]>();
  for (const link of links) byCode.set(link.code, [...(byCode.get(link.code) ?? []), link]);
  return [...byCode.values()].filter((group) => group.length > 1);
}

/** Every short link of the site by code. Throws ShortLinkCollisionError when a code would be given out twice. */
export function shortLinkIndex(model: Pick<SiteModel, "campaigns">): Map<string, ShortLink> {
  const links = model.campaigns.flatMap(shortLinks);
  const collision = shortLinkCollisions(links)[0];
  if (collision) {
    throw new ShortLinkCollisionError(
      `The short link /l/${collision[0]!.code} would lead to ${collision.map(describeShortLink).join(" and to ")}. ` +
        `Rename one of the post or page ids (or a campaign folder) so that their codes differ.`,
    );
  }
  return new Map(links.map((link) => [link.code, link]));
}

const indexes = new WeakMap<object, Map<string, ShortLink>>();

/**
 * The short link with this code, or undefined. Case-insensitive; the index is built once per model
 * (the collector calls this for every redirect).
 */
export function findShortLink(model: Pick<SiteModel, "campaigns">, code: string): ShortLink | undefined {
  let index = indexes.get(model);
  if (!index) {
    index = shortLinkIndex(model);
    indexes.set(model, index);
  }
  return index.get(code.toLowerCase());
}
