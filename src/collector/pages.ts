// The collector's own HTML pages, rendered at request time in the site's frame: the same page
// environment, layout and components as the static site (src/pages/environment.ts), the route made
// by the same code as the site's (src/pages/routes.ts), the stylesheet and logo of the built site
// (its assets manifest). The error page of a plain form is the first; the desk's pages come next.
import type nunjucks from "nunjucks";
import type { CampaignModel, Locale, PageModel, SiteModel } from "../campaign/model.js";
import { pagePath } from "../campaign/urls.js";
import type { FormFields } from "../forms/fields.js";
import { uiText } from "../forms/messages.js";
import { message, uiLocaleFor } from "../i18n/index.js";
import { contributionFormParams, errorSummaryParams, surveyFormParams } from "../forms/render.js";
import type { SiteAssets } from "../pages/assets.js";
import { createPageEnvironment } from "../pages/environment.js";
import { deskRoute, formErrorRoute, siteRoute, textIn, titleOf } from "../pages/routes.js";
import { collectorOrigin } from "../security/policy.js";
import { printLinkCode, shortLinkUrl } from "../campaign/short-links.js";
import type { HttpError } from "./errors.js";

export interface ErrorPageRequest {
  error: HttpError;
  campaign?: CampaignModel;
  /** The survey or map the submission was for, when known: its form is shown again. */
  page?: PageModel;
  locale?: Locale;
  /** The form's fields as posted. */
  fields?: FormFields;
  /** Where the form posts again. */
  action: string;
  token?: string;
}

/** A page of the desk (src/collector/desk/): templates/desk/<view>.njk in the site's frame. */
export interface DeskPageRequest {
  locale: Locale;
  /** The page's own address, and the desk's start page (for the breadcrumbs). */
  url: string;
  home: string;
  heading: string;
  view: string;
  /** Everything the view draws; the template gets it as `desk`. */
  [key: string]: unknown;
}

export interface CollectorPages {
  errorPage(request: ErrorPageRequest): string;
  deskPage(request: DeskPageRequest): string;
  /** A part of a desk page alone, templates/desk/<view>.njk without the frame (the queue keeps its items' HTML). */
  deskFragment(view: string, locale: Locale, desk: Record<string, unknown>): string;
  /** The 404 of /l/<code> for a code no campaign gives out: the site's 404 frame, what short links look like, the campaigns. */
  shortLinkNotFound(code: string): string;
}

export interface CollectorPagesOptions {
  /** The current site model (it changes when `mitreden serve` rebuilds). */
  model: () => SiteModel;
  /** The built site's stylesheet and pictures; without them the pages go unstyled and without the logo. */
  assets?: () => SiteAssets | undefined;
  /** The collector's clock: pages say "open until …" as the collector judges it. */
  now: () => Date;
  templatesDir?: string;
}

const NO_ASSETS: SiteAssets = { stylesheet: "", images: new Map() };

export function createCollectorPages(options: CollectorPagesOptions): CollectorPages {
  let made: { model: SiteModel; env: nunjucks.Environment } | undefined;
  // One environment per model: templates are compiled once, and a rebuilt model brings new filters' data.
  const environment = (model: SiteModel) => {
    if (made?.model !== model) {
      const env = createPageEnvironment({
        model,
        assets: () => options.assets?.() ?? NO_ASSETS,
        templatesDir: options.templatesDir,
        now: () => options.now().toISOString(),
        missingPicture: "omit",
      });
      made = { model, env };
    }
    return made.env;
  };

  return {
    errorPage(r) {
      const model = options.model();
      const { error, campaign, page } = r;
      const locale = r.locale ?? campaign?.locale ?? model.locale;
      const participation = page?.type === "survey" || page?.type === "map" ? page : undefined;
      const heading = participation?.title[locale] ?? (error.statusCode === 404 || !campaign ? uiText("notFoundTitle", locale) : campaign.title[locale]);
      const route = formErrorRoute(model, { campaign, page: participation, locale, heading });
      const issues = error.data.issues;
      // Nothing to correct when it is closed or not there: then the summary says why, with the way back.
      const withForm = campaign && participation && r.fields && error.statusCode !== 403 && error.statusCode !== 404;
      // A collector on an origin of its own (site.collector absolute): the page's links, stylesheet and
      // pictures are the site's, so it takes the site as <base>; the form posts back here, absolutely.
      const ownOrigin = campaign ? collectorOrigin(campaign) : undefined;
      const baseHref = ownOrigin ? `${new URL(campaign!.site.baseUrl).origin}/` : undefined;
      const action = ownOrigin ? new URL(r.action, ownOrigin).href : r.action;
      const input = { campaign: campaign!, locale, action, fields: r.fields, issues, token: r.token };
      const form = !withForm
        ? undefined
        : participation.type === "survey"
          ? { survey: surveyFormParams({ ...input, page: participation }) }
          : { contribution: { ...contributionFormParams({ ...input, page: participation }), autofocus: true } };
      const back = !campaign
        ? undefined
        : participation
          ? { href: pagePath(campaign, locale, participation.id), text: participation.type === "survey" ? uiText("backToSurvey", locale) : message(locale, "map.thanks.back") }
          : { href: pagePath(campaign, locale), text: campaign.title[locale] ?? "" };
      return environment(model).render("layouts/route.njk", { route, form, back, baseHref, summary: errorSummaryParams(participation, campaign, locale, issues) });
    },
    deskPage(r) {
      const model = options.model();
      return environment(model).render("layouts/route.njk", { route: deskRoute(model, r), desk: r });
    },
    deskFragment(view, locale, desk) {
      return environment(options.model()).render(`desk/${view}.njk`, { locale, ui: uiLocaleFor(locale), desk });
    },
    shortLinkNotFound(code) {
      const model = options.model();
      const notFound = siteRoute(model, "notFound");
      const locale = notFound.locale;
      const heading = message(locale, "reach.notFound.title");
      const first = model.campaigns[0];
      const organization = first ? textIn(first.organization.name, locale, first) : "";
      const route = { ...notFound, kind: "shortLinkNotFound" as const, heading, title: titleOf(heading, organization) };
      const link = (campaign: CampaignModel) => ({ href: pagePath(campaign, campaign.locale), title: campaign.title[campaign.locale] ?? campaign.slug, lang: campaign.locale });
      // A code that starts with a campaign's folder name was most likely meant for it (a typo in the rest).
      const lower = code.toLowerCase();
      const meant = [...model.campaigns].sort((a, b) => b.slug.length - a.slug.length).find((c) => lower.startsWith(`${c.slug}-`) || lower === c.slug);
      const shown = code.length > 80 ? `${code.slice(0, 80)}…` : code;
      // A collector on an origin of its own may be asked for /l/ directly: the page's stylesheet,
      // pictures and links are the site's, so it takes the site as <base> (as the form error page).
      const framing = meant ?? first;
      const baseHref = framing && collectorOrigin(framing) ? `${new URL(framing.site.baseUrl).origin}/` : undefined;
      return environment(model).render("layouts/route.njk", {
        route,
        baseHref,
        shortLink: {
          link: first ? shortLinkUrl(first.site.baseUrl, shown) : `/l/${shown}`,
          example: first ? shortLinkUrl(first.site.baseUrl, printLinkCode(first.slug, undefined, first.locale, first.locale)) : "/l/…",
          meant: meant ? link(meant) : undefined,
          campaigns: model.campaigns.map(link),
        },
      });
    },
  };
}
