// The Nunjucks environment every HTML page is rendered with: the static site's (Eleventy uses it as
// its Nunjucks library) and the collector's pages at request time. One function makes it, so the
// two share the loader (the package's templates/, never the working directory), the options and
// every filter the layout and the components use; templates/layouts/base.njk draws both alike.
import nunjucks from "nunjucks";
import type { CampaignModel, ImageModel, Locale, MapPageModel, PageModel, Period, SiteModel, SurveyPageModel } from "../campaign/model.js";
import { absoluteUrl, accessibilityPath, collectorUrls, easyLanguagePath, hasGermanPages, pagePath, signLanguagePath, thankYouPath } from "../campaign/urls.js";
import { signLanguageVideoUrls } from "./sign-language.js";
import { contributionFormParams, surveyFormParams, type LocationQuestion, type MapFrameParams } from "../forms/render.js";
import { packagePath } from "../package-root.js";
import { loadCompiledTemplates } from "./compiled-templates.js";
import { formatDate, languageName, translate } from "../i18n/index.js";
import type { SiteAssets } from "./assets.js";
import { isoDate, periodState } from "./dates.js";
import { escapeHtml } from "./html.js";
import { markdownToText, renderMarkdown } from "./markdown.js";
import { currentNotices, pageNavItems, participationPeriod, statusOf } from "./navigation.js";
import { pictureHtml, type PictureOptions } from "./picture.js";
import { textIn, textLocale, type Route } from "./routes.js";

export interface PageEnvironmentOptions {
  model: SiteModel;
  /** Stylesheet and pictures; read when a page is rendered (the build fills them just before). */
  assets: () => SiteAssets;
  /** Another copy of mitreden's templates/ (a fork's, a test's); default the package's own. */
  templatesDir?: string;
  /** The moment open and closed states are judged at: the build's, or the collector's clock. */
  now?: () => string;
  /**
   * A picture the assets do not hold: a bug at build time ("throw"), or a collector without its
   * built site at hand ("omit": the page goes without the logo rather than without its answer).
   */
  missingPicture?: "throw" | "omit";
  /** Open Graph and Twitter tags of a public page (the site's share cards); none without. */
  shareMeta?: (route: Route) => unknown;
  /** A map for a survey's location question (the site, with its map script); none without. */
  /** The proof-of-work widget's files (src/site/pow-assets.ts): forms of campaigns with `abuse.proofOfWork` carry the widget. */
  proofOfWork?: { worker: string };
  surveyMap?: (campaign: CampaignModel, page: SurveyPageModel, question: LocationQuestion, locale: Locale, ui: Locale) => MapFrameParams | undefined;
  /** Keep compiled templates in the build cache too (a build; src/pages/compiled-templates.ts). */
  compiledOnDisk?: boolean;
}

export function createPageEnvironment(options: PageEnvironmentOptions): nunjucks.Environment {
  const templatesDir = options.templatesDir ?? packagePath("templates");
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(templatesDir), { autoescape: true, trimBlocks: true, lstripBlocks: true });
  loadCompiledTemplates(env, { onDisk: options.compiledOnDisk ?? false });
  compileOnLoad(env);
  const { model } = options;
  const now = options.now ?? (() => model.builtAt);
  // Only where the widget's files were built: a page rendered without them keeps its plain form.
  const proofOfWork = (campaign: CampaignModel, page: PageModel) =>
    campaign.abuse.proofOfWork && options.proofOfWork ? { challenge: collectorUrls(campaign, page).challenge, worker: options.proofOfWork.worker } : undefined;
  const filter = (name: string, fn: (...args: never[]) => unknown) => env.addFilter(name, fn as (...args: unknown[]) => unknown);

  env.addGlobal("site", { locale: model.locale, builtAt: model.builtAt, campaigns: model.campaigns });
  // Functions, not values: the build fills the assets after the environment is made.
  env.addGlobal("assets", () => options.assets());
  // What the static site adds on its pages (src/site/plugin.ts); the collector's pages have none.
  env.addGlobal("scripts", () => ({}));
  env.addGlobal("mapAssets", () => undefined);

  /** Interface text (src/i18n): {{ "status.open" | t(ui, { date: d }) }}, {{ "map.show" | t(ui) }}. */
  filter("t", (key: string, locale: Locale, params?: Record<string, unknown>) => translate(locale, key, params));
  /** Interface text with markup in its placeholders (values from `| safe` stay markup); pipe into `| safe`. */
  filter("th", (key: string, locale: Locale, params: Record<string, unknown> = {}) => translateHtml(key, locale, params));
  /** A picture credit as written when it says what it is ("Foto: …", "© …"), else "Bild: …". */
  filter("credit", (credit: string, locale: Locale) => (/[:©]|^\(c\)/i.test(credit) ? credit : translate(locale, "image.credit", { credit })));
  /** A phone number that never breaks across lines: no-break spaces and hyphens. */
  filter("phoneText", (phone: string) => phone.replace(/ /g, "\u00a0").replace(/-/g, "\u2011"));
  filter("markdown", (source: string | undefined) => (source ? renderMarkdown(source) : ""));
  filter("markdownText", (source: string | undefined, max?: number) => (source ? markdownToText(source, max) : ""));
  filter("date", (instant: string, locale: Locale, timeZone: string) => formatDate(instant, locale, timeZone));
  filter("isoDate", (instant: string, timeZone: string) => isoDate(instant, timeZone));
  filter("periodState", (period: Period) => periodState(period, now()));
  filter("languageName", (locale: Locale) => languageName(locale));
  /** ` lang="xx"` when a text's language differs from its surroundings, else nothing; pipe into `| safe`. */
  filter("langAttr", (textLocale: Locale, around: Locale) => (textLocale && textLocale !== around ? ` lang="${escapeHtml(textLocale)}"` : ""));
  filter("textIn", (text: Record<Locale, string> | undefined, locale: Locale, campaign: CampaignModel) => (text ? textIn(text, locale, campaign) : ""));
  filter("textLocale", (campaign: CampaignModel, locale: Locale) => textLocale(campaign, locale));
  /** { state, text, datetime } of a period (campaign or survey window) now. */
  filter("status", (period: Period, locale: Locale, timeZone: string) => statusOf(period, locale, timeZone, now()));
  /** The campaign's notices that are current now (from ≤ now < until), in their order. */
  filter("currentNotices", (campaign: CampaignModel) => currentNotices(campaign, now()));
  filter("participationPeriod", (page: PageModel, campaign: CampaignModel) => participationPeriod(campaign, page));
  filter("pageNavItems", (campaign: CampaignModel, locale: Locale, currentUrl?: string) => pageNavItems(campaign, locale, now(), currentUrl));
  filter("pagePath", (campaign: CampaignModel, locale: Locale, pageId?: string) => pagePath(campaign, locale, pageId));
  filter("accessibilityPath", (campaign: CampaignModel, locale: Locale) => accessibilityPath(campaign, locale));
  /** The Leichte Sprache and DGS pages (BITV 2.0 § 4): their paths, or "" for a campaign without German. */
  filter("easyLanguagePath", (campaign: CampaignModel) => (hasGermanPages(campaign) ? easyLanguagePath(campaign) : ""));
  filter("signLanguagePath", (campaign: CampaignModel) => (hasGermanPages(campaign) ? signLanguagePath(campaign) : ""));
  /** Where the DGS video, its poster and captions are published: { src, poster?, captions }, or undefined. */
  filter("signLanguageVideo", (campaign: CampaignModel) => signLanguageVideoUrls(campaign));
  filter("absoluteUrl", (path: string, campaign: CampaignModel) => absoluteUrl(campaign, path));
  /** The collector's addresses for a survey or map page (src/campaign/urls.ts): submit, token, publicContributions, export. */
  filter("collectorUrls", (campaign: CampaignModel, page: PageModel) => collectorUrls(campaign, page));
  /** <picture> for an image of the model; pipe into `| safe`. */
  filter("image", (image: ImageModel | undefined, locale: Locale, opts: ImageFilterOptions = {}) => {
    if (!image) return "";
    const asset = options.assets().images.get(image.file);
    if (!asset) {
      if (options.missingPicture === "omit") return "";
      throw new Error(`The image ${image.file} was not prepared; is it part of the campaign model?`);
    }
    const alt = image.decorative || opts.decorative ? "" : (image.alt[locale] ?? "");
    return pictureHtml(asset, { ...opts, alt });
  });
  /** Open Graph and Twitter tags of a public page with a share card, else undefined: {{ mrShareMeta(route | shareMeta) }}. */
  filter("shareMeta", (route: Route) => options.shareMeta?.(route));
  /** Params of components/survey-form for a survey page (src/forms/render.ts decides, the component draws). */
  filter("surveyForm", (page: SurveyPageModel, campaign: CampaignModel, locale: Locale, ui: Locale = locale) =>
    surveyFormParams({
      campaign,
      page,
      locale,
      action: collectorUrls(campaign, page).submit,
      thankYou: thankYouPath(campaign, locale, page.id),
      validatorUrl: `/${campaign.slug}/${page.id}/`,
      mapFrame: options.surveyMap && ((question) => options.surveyMap!(campaign, page, question, locale, ui)),
      proofOfWork: proofOfWork(campaign, page),
    }),
  );
  /** Params of components/contribution-form for a map page. */
  filter("contributionForm", (page: MapPageModel, campaign: CampaignModel, locale: Locale) =>
    contributionFormParams({ campaign, page, locale, action: collectorUrls(campaign, page).submit, proofOfWork: proofOfWork(campaign, page) }),
  );
  return env;
}

interface ImageFilterOptions extends Omit<PictureOptions, "alt"> {
  /** Empty alt text here although the image has one, e.g. on a card whose title says it all. */
  decorative?: boolean;
}

const SAFE = (value: unknown): value is { val: string } => typeof value === "object" && value !== null && typeof (value as { val?: unknown }).val === "string";

/**
 * The `th` filter: an interface text with markup in its placeholders. Values a template marked
 * `| safe` stay markup, everything else is escaped. Numbers go in as they are, so they still
 * choose a plural form.
 */
function translateHtml(key: string, locale: Locale, params: Readonly<Record<string, unknown>>): string {
  // Placeholders become markers, the text is escaped, then each marker becomes its value.
  const names = Object.keys(params).filter((name) => typeof params[name] !== "number");
  const markers = Object.fromEntries(names.map((name, i) => [name, `\ue000${i}\ue001`]));
  const escaped = escapeHtml(translate(locale, key, { ...params, ...markers }));
  return escaped.replace(/\ue000(\d+)\ue001/g, (_m, i: string) => {
    const value = params[names[Number(i)]!];
    return SAFE(value) ? value.val : escapeHtml(String(value));
  });
}

/**
 * Compiles every template when it is loaded. Nunjucks compiles an included template lazily, and a
 * syntax error in a component included from its macro (components/<name>/macro.njk) then reaches a
 * callback that a synchronous render ignores: the component rendered as nothing, without an error
 * (mozilla/nunjucks#1120, #1164). Compiled on load, the error is thrown where the include is.
 */
function compileOnLoad(env: nunjucks.Environment): void {
  type GetTemplate = (name: string, eagerCompile?: unknown, parentName?: unknown, ignoreMissing?: unknown, callback?: unknown) => unknown;
  const load = env.getTemplate.bind(env) as GetTemplate;
  (env as unknown as { getTemplate: GetTemplate }).getTemplate = (name, eagerCompile, parentName, ignoreMissing, callback) =>
    // getTemplate(name, callback) is a form Nunjucks itself uses.
    typeof eagerCompile === "function" ? load(name, true, undefined, undefined, eagerCompile) : load(name, true, parentName, ignoreMissing, callback);
}
