// Every page the static site has, computed once in TypeScript: one template paginates over this
// list, the sitemap lists it, tests walk it. What a route is and how a campaign's routes are made
// is shared with the collector's pages (src/pages/routes.ts); the social kit is the site's own.
import type { CampaignModel, Locale, SiteModel } from "../campaign/model.js";
import { pagePath } from "../campaign/urls.js";
import { campaignRoutes, siteRoute, textIn, titleOf, type Crumb, type Route as PageRoute } from "../pages/routes.js";
import { message, uiLocaleFor } from "../i18n/index.js";
import { openDataView, type OpenDataView } from "./open-data/view.js";
import { resultsView, type ResultsView } from "./results/view.js";
import type { KitData, KitPoster } from "./social/index.js";

export interface Route extends PageRoute {
  /** The campaign's social-media kit (kinds "socialKit" and "poster"). */
  kit?: KitData;
  /** The poster this route shows (kind "poster"), one of kit.posters. */
  poster?: KitPoster;
  /** A results page's figures and texts (kind "results"). */
  results?: ResultsView;
  /** A published results page's downloads and DCAT-AP.de metadata (kind "results"). */
  openData?: OpenDataView;
}

/** `kits` (by campaign slug, from buildSocialKit) adds each campaign's social kit and its posters. */
export function buildRoutes(model: SiteModel, kits?: ReadonlyMap<string, KitData>): Route[] {
  const routes: Route[] = [siteRoute(model, "index")];
  for (const campaign of model.campaigns) {
    for (const locale of campaign.locales) routes.push(...campaignRoutes(campaign, locale).map((route) => withResults(route, model.builtAt)));
    const kit = kits?.get(campaign.slug);
    if (kit) routes.push(...kitRoutes(campaign, kit));
  }
  routes.push(siteRoute(model, "notFound"));
  return routes;
}

/** A results page's route with its figures, as they stand at the build (publishFrom decides whether they show). */
function withResults(route: PageRoute, now: string): Route {
  if (route.page?.type !== "results" || !route.campaign) return route;
  return { ...route, results: resultsView(route.campaign, route.page, route.locale, route.uiLocale, now), openData: openDataView(route.campaign, route.page, route.locale, route.uiLocale, now) };
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
    title: titleOf(heading, campaignTitle(campaignLocale), organization(campaignLocale)),
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
    // "Plakat: …" first: the poster's page must not share its <title> with the page it advertises
    // (WCAG 2.4.2). A landing page's poster is titled with the campaign; that is not repeated.
    title: titleOf(message(poster.uiLocale, "kit.posterTitle", { page: poster.title }), ...new Set([campaignTitle(poster.locale), organization(poster.locale)].filter((t) => t !== poster.title))),
    heading: poster.title,
    description: `${poster.call} ${poster.until}`,
    breadcrumbs: crumbs(poster.locale, poster.title),
    indexable: false,
    kit,
    poster,
  }));
  return [socialKit, ...posters];
}
