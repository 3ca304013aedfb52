// What a page is, before a template draws it: its URL, language, <title>, heading, breadcrumbs,
// alternates. Computed in TypeScript, once, by the same functions for the static site (the site's
// route list, src/site/routes.ts) and for the collector's pages (an error page is its survey's
// route with "Fehler:" in front), so both share one title pattern and one trail of breadcrumbs.
import type { CampaignModel, Locale, MapPageModel, PageModel, SiteModel, SurveyPageModel } from "../campaign/model.js";
import { absoluteUrl, accessibilityPath, easyLanguagePath, hasGermanPages, pagePath, signLanguagePath, thankYouPath } from "../campaign/urls.js";
import { uiText } from "../forms/messages.js";
import { message, uiLocaleFor } from "../i18n/index.js";
import { markdownToText } from "./markdown.js";

/** The kinds of page: each is templates/pages/<kind>.njk inside templates/layouts/base.njk. */
export type RouteKind =
  | "index"
  | "landing"
  | "info"
  | "survey"
  | "map"
  | "results"
  | "accessibility"
  // BITV 2.0 § 4: the explanation in Leichte Sprache and the page for the DGS video (German only).
  | "easyLanguage"
  | "signLanguage"
  | "notFound"
  | "socialKit"
  | "poster"
  | "thankYou"
  | "mapThanks"
  // The collector's page for a plain form it could not accept (src/collector/pages.ts).
  | "formError"
  // A page of the campaign team's desk (src/collector/desk/): templates/pages/desk.njk draws templates/desk/<view>.njk.
  | "desk"
  // The collector's answer to /l/<code> with a code no campaign gives out (src/collector/reach/).
  | "shortLinkNotFound";

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
}

/** "Page – Campaign – Organization": every <title> of a campaign (empty parts left out). */
export function titleOf(...parts: string[]): string {
  return parts.filter(Boolean).join(" – ");
}

/** What every route of a campaign in one language starts from: its words, its trail of breadcrumbs. */
function campaignFrame(campaign: CampaignModel, locale: Locale) {
  const uiLocale = uiLocaleFor(locale);
  const campaignTitle = campaign.title[locale] ?? "";
  const home: Crumb = { text: message(locale, "site.breadcrumbs.home"), url: "/", lang: uiLocale === locale ? undefined : uiLocale };
  return {
    campaignTitle,
    organization: campaign.organization.name[locale] ?? "",
    uiLocale,
    /** Home › Campaign, then `crumbs`; the last one is the current page. */
    trail: (...crumbs: Crumb[]): Crumb[] => [home, ...(crumbs.length ? [{ text: campaignTitle, url: pagePath(campaign, locale) }] : [{ text: campaignTitle }]), ...crumbs],
    /** Interface words (not the campaign's) get the lang of their catalogue when it differs. */
    uiLang: home.lang,
    common: { campaign, locale, uiLocale, indexable: true },
    located: (path: (l: Locale) => string) => ({ url: path(locale), canonical: absoluteUrl(campaign, path(locale)), ...alternatesOf(campaign, path) }),
  };
}

/** Every route of one campaign in one language: landing page, its pages, accessibility statement, thank-you pages. */
export function campaignRoutes(campaign: CampaignModel, locale: Locale): Route[] {
  const { campaignTitle, organization, trail, uiLang, common, located } = campaignFrame(campaign, locale);

  const landing: Route = {
    ...common,
    ...located((l) => pagePath(campaign, l)),
    kind: "landing",
    title: titleOf(campaignTitle, organization),
    heading: campaignTitle,
    description: campaign.summary[locale] ?? "",
    breadcrumbs: trail(),
  };

  const statementTitle = message(locale, "site.a11y.title");
  const accessibility: Route = {
    ...common,
    ...located((l) => accessibilityPath(campaign, l)),
    kind: "accessibility",
    title: titleOf(statementTitle, campaignTitle, organization),
    heading: statementTitle,
    description: message(locale, "site.a11y.description", { campaign: campaignTitle }),
    breadcrumbs: trail({ text: statementTitle, lang: uiLang }),
  };

  // Where a submission without JavaScript leads (the collector's 303): for the person who just
  // took part, so noindex and out of the sitemap.
  const thanks = (type: "survey" | "map") =>
    campaign.pages.flatMap((page): Route[] => {
      if (page.type !== type) return [];
      const heading = page.type === "survey" ? message(locale, "site.thankYou.title") : message(locale, "map.thanks.title");
      return [
        {
          ...common,
          indexable: false,
          url: thankYouPath(campaign, locale, page.id),
          alternates: [],
          kind: page.type === "survey" ? "thankYou" : "mapThanks",
          page,
          title: titleOf(heading, campaignTitle, organization),
          heading,
          description: page.type === "survey" ? markdownToText(page.thankYou[locale] ?? "") : heading,
          breadcrumbs: trail({ text: page.title[locale] ?? "", url: pagePath(campaign, locale, page.id) }, { text: heading, lang: uiLang }),
        },
      ];
    });

  const pages = campaign.pages.map((page) => pageRoute(campaign, locale, page));
  return [landing, ...pages, accessibility, ...(locale === "de" ? germanOnlyRoutes(campaign) : []), ...thanks("survey"), ...thanks("map")];
}

/**
 * The Leichte Sprache and DGS pages: German in every interface language (Leichte Sprache and DGS
 * are German), so one each per campaign, built with its German routes; no language versions.
 */
function germanOnlyRoutes(campaign: CampaignModel): Route[] {
  if (!hasGermanPages(campaign)) return [];
  const { campaignTitle, organization, trail, common } = campaignFrame(campaign, "de");
  const route = (kind: "easyLanguage" | "signLanguage", url: string): Route => {
    const heading = message("de", kind === "easyLanguage" ? "easyRead.easy.title" : "easyRead.sign.title");
    return {
      ...common,
      url,
      canonical: absoluteUrl(campaign, url),
      alternates: [],
      kind,
      title: titleOf(heading, campaignTitle, organization),
      heading,
      description: message("de", kind === "easyLanguage" ? "easyRead.easy.description" : "easyRead.sign.description"),
      breadcrumbs: trail({ text: heading }),
    };
  };
  return [route("easyLanguage", easyLanguagePath(campaign)), route("signLanguage", signLanguagePath(campaign))];
}

/** The route of one page of a campaign (info, survey, map or results). */
export function pageRoute(campaign: CampaignModel, locale: Locale, page: PageModel): Route {
  const { campaignTitle, organization, trail, common, located } = campaignFrame(campaign, locale);
  const pageTitle = page.title[locale] ?? "";
  const intro = page.intro?.[locale];
  return {
    ...common,
    ...located((l) => pagePath(campaign, l, page.id)),
    kind: page.type,
    page,
    title: titleOf(pageTitle, campaignTitle, organization),
    heading: pageTitle,
    description: intro ? markdownToText(intro) : (campaign.summary[locale] ?? ""),
    breadcrumbs: trail({ text: pageTitle }),
  };
}

/**
 * The collector's page for a submission it could not accept: the route of the page the form is on
 * (its breadcrumbs, its place in the page list), with "Fehler:" in front of the title as the browser
 * script writes it too, noindex and without language versions (switching would lose what was typed).
 * Without a known page: the campaign's, or the site's (an unknown campaign).
 */
export function formErrorRoute(model: SiteModel, at: { campaign?: CampaignModel; page?: SurveyPageModel | MapPageModel; locale?: Locale; heading?: string }): Route {
  const { campaign, page } = at;
  const locale = at.locale ?? campaign?.locale ?? model.locale;
  let route: Route;
  if (campaign && page) route = pageRoute(campaign, locale, page);
  else if (campaign) {
    const { campaignTitle, organization, trail, common } = campaignFrame(campaign, locale);
    const heading = at.heading ?? campaignTitle;
    route = { ...common, url: pagePath(campaign, locale), alternates: [], kind: "landing", title: titleOf(heading, campaignTitle, organization), heading, description: "", breadcrumbs: trail({ text: heading }) };
  } else {
    const notFound = siteRoute(model, "notFound");
    const first = model.campaigns[0];
    const heading = at.heading ?? notFound.heading;
    route = { ...notFound, heading, title: titleOf(heading, first ? textIn(first.organization.name, notFound.locale, first) : "") };
  }
  return { ...route, kind: "formError", title: `${uiText("errorTitlePrefix", locale)}: ${route.title}`, alternates: [], xDefault: undefined, canonical: undefined, indexable: false };
}

/** Language versions of one page; hreflang is only worth writing when there is more than one. */
function alternatesOf(campaign: CampaignModel, path: (l: Locale) => string): Pick<Route, "alternates" | "xDefault"> {
  if (campaign.locales.length < 2) return { alternates: [] };
  return {
    alternates: campaign.locales.map((l) => ({ locale: l, url: path(l), href: absoluteUrl(campaign, path(l)) })),
    xDefault: absoluteUrl(campaign, path(campaign.locale)),
  };
}

/** The index and the 404 page speak the site's language; their organization and base URL are the first campaign's. */
export function siteRoute(model: SiteModel, kind: "index" | "notFound"): Route {
  const locale = model.locale;
  const first = model.campaigns[0];
  const organization = first ? textIn(first.organization.name, locale, first) : "";
  const title = message(locale, kind === "index" ? "site.index.title" : "site.notFound.title");
  const common = { kind, locale, uiLocale: uiLocaleFor(locale), alternates: [], title: titleOf(title, organization), breadcrumbs: [] };
  if (kind === "notFound") return { ...common, url: "/404.html", heading: title, description: message(locale, "site.notFound.text"), indexable: false };
  return {
    ...common,
    url: "/",
    heading: message(locale, "site.index.heading"),
    description: message(locale, "site.index.lead", { organization: organization || title }),
    canonical: first ? absoluteUrl(first, "/") : undefined,
    indexable: true,
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

/**
 * A page of the campaign team's desk (/admin/): in the site's frame and language, titled
 * "Heading – Redaktion – Organization", breadcrumbs Redaktion › Heading, never indexed.
 */
export function deskRoute(model: SiteModel, at: { locale: Locale; url: string; heading: string; home: string }): Route {
  const locale = at.locale;
  const first = model.campaigns[0];
  const organization = first ? textIn(first.organization.name, locale, first) : "";
  const desk = message(locale, "desk.title");
  // The start page (the queue) is the desk itself: no trail back to where one already is.
  const atHome = at.url === at.home || at.url.startsWith(`${at.home}?`);
  return {
    kind: "desk",
    url: at.url,
    locale,
    uiLocale: uiLocaleFor(locale),
    alternates: [],
    title: titleOf(...(atHome ? [desk] : [at.heading, desk]), organization),
    heading: at.heading,
    description: desk,
    breadcrumbs: atHome ? [] : [{ text: desk, url: at.home }, { text: at.heading }],
    indexable: false,
  };
}
