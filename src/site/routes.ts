// Every page the site has, computed once in TypeScript: one template paginates over this list,
// the sitemap lists it, tests walk it. Titles, canonical URLs and language alternates are decided
// here, so templates only print them.
import type { CampaignModel, Locale, PageModel, ResultsPageModel, SiteModel } from "../campaign/model.js";
import { absoluteUrl, accessibilityPath, pagePath, thankYouPath } from "../campaign/urls.js";
import type { KitData, KitPoster } from "./social/index.js";
import { message, uiLocaleFor } from "../i18n/index.js";
import { markdownToText } from "./markdown.js";

export type RouteKind = "index" | "landing" | "info" | "survey" | "map" | "accessibility" | "notFound" | "socialKit" | "poster" | "thankYou" | "mapThanks";

export interface Alternate {
  locale: Locale;
  /** Root-relative, for the language switcher. */
  url: string;
  /** Absolute, for <link rel="alternate" hreflang> and the sitemap. */
  href: string;
}

export interface Crumb {
  text: string;
  /** Set when the text is interface text in a fallback language (see Route.uiLocale). */
  lang?: Locale;
  /** Undefined for the current page (the last crumb). */
  url?: string;
}

export interface Route {
  /** Root-relative URL; directories end in "/", the 404 page is "/404.html". */
  url: string;
  kind: RouteKind;
  /** Undefined on the index and the 404 page. */
  campaign?: CampaignModel;
  /** Language of the page content (html lang). */
  locale: Locale;
  /** Language of the interface texts: `locale`, or English when mitreden has no catalogue for it. */
  uiLocale: Locale;
  page?: PageModel;
  /** The page in every language of its campaign, this one included; empty when there is only one. */
  alternates: Alternate[];
  /** Absolute URL of the default-language version, for hreflang="x-default". */
  xDefault?: string;
  /** The full <title>: "Page – Campaign – Organization". */
  title: string;
  /** The page's <h1>. */
  heading: string;
  description: string;
  /** Absolute canonical URL; undefined for the 404 page, which stands in for any address. */
  canonical?: string;
  breadcrumbs: Crumb[];
  /** Listed in the sitemap and open to search engines. */
  indexable: boolean;
  /** The campaign's social-media kit (kinds "socialKit" and "poster"). */
  kit?: KitData;
  /** The poster this route shows (kind "poster"), one of kit.posters. */
  poster?: KitPoster;
}

const SEPARATOR = " – ";

/** `kits` (by campaign slug, from buildSocialKit) adds each campaign's social kit and its posters. */
export function buildRoutes(model: SiteModel, kits?: ReadonlyMap<string, KitData>): Route[] {
  const routes: Route[] = [indexRoute(model)];
  for (const campaign of model.campaigns) {
    for (const locale of campaign.locales) routes.push(...campaignRoutes(campaign, locale));
    const kit = kits?.get(campaign.slug);
    if (kit) routes.push(...kitRoutes(campaign, kit));
  }
  routes.push(notFoundRoute(model));
  return routes;
}

function campaignRoutes(campaign: CampaignModel, locale: Locale): Route[] {
  const organization = campaign.organization.name[locale] ?? "";
  const campaignTitle = campaign.title[locale] ?? "";
  const landingUrl = pagePath(campaign, locale);
  const uiLocale = uiLocaleFor(locale);
  const home: Crumb = { text: message(locale, "site.breadcrumbs.home"), url: "/", lang: uiLocale === locale ? undefined : uiLocale };
  const common = { campaign, locale, uiLocale, indexable: true };
  const located = (path: (l: Locale) => string) => ({
    url: path(locale),
    canonical: absoluteUrl(campaign, path(locale)),
    ...alternatesOf(campaign, path),
  });

  const landing: Route = {
    ...common,
    ...located((l) => pagePath(campaign, l)),
    kind: "landing",
    title: [campaignTitle, organization].join(SEPARATOR),
    heading: campaignTitle,
    description: campaign.summary[locale] ?? "",
    breadcrumbs: [home, { text: campaignTitle }],
  };

  // Results pages are refused by validation until they are built (campaign/checks/not-yet-built.ts).
  const pages = campaign.pages.filter((page): page is Exclude<PageModel, ResultsPageModel> => page.type !== "results").map((page): Route => {
    const pageTitle = page.title[locale] ?? "";
    const intro = page.intro?.[locale];
    return {
      ...common,
      ...located((l) => pagePath(campaign, l, page.id)),
      kind: page.type,
      page,
      title: [pageTitle, campaignTitle, organization].join(SEPARATOR),
      heading: pageTitle,
      description: intro ? markdownToText(intro) : (campaign.summary[locale] ?? ""),
      breadcrumbs: [home, { text: campaignTitle, url: landingUrl }, { text: pageTitle }],
    };
  });

  const statementTitle = message(locale, "site.a11y.title");
  const accessibility: Route = {
    ...common,
    ...located((l) => accessibilityPath(campaign, l)),
    kind: "accessibility",
    title: [statementTitle, campaignTitle, organization].join(SEPARATOR),
    heading: statementTitle,
    description: message(locale, "site.a11y.description", { campaign: campaignTitle }),
    breadcrumbs: [home, { text: campaignTitle, url: landingUrl }, { text: statementTitle, lang: home.lang }],
  };

  // Where a submitted survey leads: for the person who just answered, so noindex and out of the sitemap.
  const thankYous = campaign.pages.flatMap((page): Route[] => {
    if (page.type !== "survey") return [];
    const pageTitle = page.title[locale] ?? "";
    const heading = message(locale, "site.thankYou.title");
    return [
      {
        ...common,
        indexable: false,
        url: thankYouPath(campaign, locale, page.id),
        alternates: [],
        kind: "thankYou",
        page,
        title: [heading, campaignTitle, organization].join(SEPARATOR),
        heading,
        description: markdownToText(page.thankYou[locale] ?? ""),
        breadcrumbs: [home, { text: campaignTitle, url: landingUrl }, { text: pageTitle, url: pagePath(campaign, locale, page.id) }, { text: heading, lang: home.lang }],
      },
    ];
  });

  // After a map contribution sent without JavaScript (the collector's 303): noindex, out of the sitemap.
  const mapThanks = campaign.pages.flatMap((page): Route[] => {
    if (page.type !== "map") return [];
    const pageTitle = page.title[locale] ?? "";
    const heading = message(locale, "map.thanks.title");
    const pageUrl = pagePath(campaign, locale, page.id);
    return [{ ...common, indexable: false, url: thankYouPath(campaign, locale, page.id), alternates: [], kind: "mapThanks", page, heading, description: heading,
      title: [heading, campaignTitle, organization].join(SEPARATOR),
      breadcrumbs: [home, { text: campaignTitle, url: landingUrl }, { text: pageTitle, url: pageUrl }, { text: heading, lang: home.lang }] }];
  });

  return [landing, ...pages, accessibility, ...thankYous, ...mapThanks];
}

/**
 * The social kit and its A4 posters: for the communications team, so noindex, out of the sitemap,
 * without canonical URL or share tags. The kit speaks the campaign's language, a poster its page's.
 */
function kitRoutes(campaign: CampaignModel, kit: KitData): Route[] {
  const campaignLocale = campaign.locale;
  const campaignTitle = (l: Locale) => textIn(campaign.title, l, campaign);
  const organization = (l: Locale) => textIn(campaign.organization.name, l, campaign);
  const heading = kit.labels.title ?? kit.title;
  const crumbs = (l: Locale, text: string): Crumb[] => {
    const uiLocale = uiLocaleFor(l);
    const trail: Crumb[] = [
      { text: message(l, "site.breadcrumbs.home"), url: "/", lang: uiLocale === l ? undefined : uiLocale },
      { text: campaignTitle(l), url: pagePath(campaign, l) },
    ];
    if (text !== heading) trail.push({ text: heading, url: kit.url, lang: l === kit.lang ? undefined : kit.lang });
    return [...trail, { text }];
  };
  const socialKit: Route = {
    url: kit.url,
    kind: "socialKit",
    campaign,
    locale: campaignLocale,
    uiLocale: uiLocaleFor(campaignLocale),
    alternates: [],
    title: [heading, campaignTitle(campaignLocale), organization(campaignLocale)].join(SEPARATOR),
    heading,
    description: kit.labels.intro ?? kit.title,
    breadcrumbs: crumbs(campaignLocale, heading),
    indexable: false,
    kit,
  };
  const posters = kit.posters.map((poster): Route => ({
    url: poster.url,
    kind: "poster",
    campaign,
    locale: poster.locale,
    uiLocale: uiLocaleFor(poster.locale),
    alternates: [],
    // A landing page's poster is titled with the campaign; it is not repeated.
    title: [...new Set([poster.title, campaignTitle(poster.locale), organization(poster.locale)])].join(SEPARATOR),
    heading: poster.title,
    description: `${poster.call} ${poster.until}`,
    breadcrumbs: crumbs(poster.locale, poster.title),
    indexable: false,
    kit,
    poster,
  }));
  return [socialKit, ...posters];
}

/** Language versions of one page; hreflang is only worth writing when there is more than one. */
function alternatesOf(campaign: CampaignModel, path: (l: Locale) => string): Pick<Route, "alternates" | "xDefault"> {
  if (campaign.locales.length < 2) return { alternates: [] };
  return {
    alternates: campaign.locales.map((l) => ({ locale: l, url: path(l), href: absoluteUrl(campaign, path(l)) })),
    xDefault: absoluteUrl(campaign, path(campaign.locale)),
  };
}

/** The index speaks the site's language; its organization and base URL are the first campaign's. */
function indexRoute(model: SiteModel): Route {
  const locale = model.locale;
  const first = model.campaigns[0];
  const organization = first ? textIn(first.organization.name, locale, first) : "";
  const title = message(locale, "site.index.title");
  return {
    url: "/",
    kind: "index",
    locale,
    uiLocale: uiLocaleFor(locale),
    alternates: [],
    title: organization ? [title, organization].join(SEPARATOR) : title,
    heading: message(locale, "site.index.heading"),
    description: message(locale, "site.index.lead", { organization: organization || title }),
    canonical: first ? absoluteUrl(first, "/") : undefined,
    breadcrumbs: [],
    indexable: true,
  };
}

function notFoundRoute(model: SiteModel): Route {
  const locale = model.locale;
  const first = model.campaigns[0];
  const organization = first ? textIn(first.organization.name, locale, first) : "";
  const title = message(locale, "site.notFound.title");
  return {
    url: "/404.html",
    kind: "notFound",
    locale,
    uiLocale: uiLocaleFor(locale),
    alternates: [],
    title: organization ? [title, organization].join(SEPARATOR) : title,
    heading: title,
    description: message(locale, "site.notFound.text"),
    breadcrumbs: [],
    indexable: false,
  };
}

/** A campaign text in `locale` if the campaign has it, else in the campaign's own language. */
export function textIn(text: Record<Locale, string>, locale: Locale, campaign: CampaignModel): string {
  return text[locale] ?? text[campaign.locale] ?? "";
}

/** The language a campaign text is shown in on a page of `locale` (see {@link textIn}). */
export function textLocale(campaign: CampaignModel, locale: Locale): Locale {
  return campaign.locales.includes(locale) ? locale : campaign.locale;
}
