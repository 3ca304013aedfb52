// The collector's own HTML pages, rendered at request time in the site's frame: the same page
// environment, layout and components as the static site (src/pages/environment.ts), the route made
// by the same code as the site's (src/pages/routes.ts), the stylesheet and logo of the built site
// (its assets manifest). The error page of a plain form is the first; the desk's pages come next.
import type nunjucks from "nunjucks";
import type { CampaignModel, Locale, PageModel, SiteModel } from "../campaign/model.js";
import { pagePath } from "../campaign/urls.js";
import type { FormFields } from "../forms/fields.js";
import { uiText } from "../forms/messages.js";
import { message } from "../i18n/index.js";
import { contributionFormParams, errorSummaryParams, surveyFormParams } from "../forms/render.js";
import type { SiteAssets } from "../pages/assets.js";
import { createPageEnvironment } from "../pages/environment.js";
import { deskRoute, formErrorRoute } from "../pages/routes.js";
import { collectorOrigin } from "../security/policy.js";
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
  };
}
