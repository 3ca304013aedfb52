// The Eleventy plugin: puts the site model, its routes and the assets into the data cascade and
// gives the templates their filters. It renders nothing by itself: templates/eleventy/ holds the
// page templates (one paginates over the routes), templates/pages/<kind>.njk the content of <main>.
import type { UserConfig } from "@11ty/eleventy";
import type { CampaignModel, ImageModel, Locale, MapModel, MapPageModel, PageModel, Period, SiteModel, SurveyPageModel } from "../campaign/model.js";
import { absoluteUrl, accessibilityPath, collectorUrls, pagePath, thankYouPath } from "../campaign/urls.js";
import { renderSurveyForm } from "../forms/render.js";
import { packagePath } from "../package-root.js";
import { prepareAssets, type SiteAssets } from "./assets.js";
import { thirdPartyNotes } from "./basemap/third-party.js";
import type { MapAssets } from "./map-assets.js";
import { mapClientConfig } from "./map-config.js";
import { shareMetaForRoute, type ShareCard } from "./cards/index.js";
import { formatDate, languageName, translate } from "../i18n/index.js";
import { isoDate, periodState } from "./dates.js";
import { translateHtml } from "./i18n.js";
import { escapeAttr, pictureHtml, type PictureOptions } from "./images.js";
import { markdownToText, renderMarkdown } from "./markdown.js";
import { pageNavItems, participationPeriod, statusOf } from "./navigation.js";
import { buildRoutes, textIn, textLocale, type Route } from "./routes.js";
import type { KitData } from "./social/index.js";

export interface MitredenPluginOptions {
  model: SiteModel;
  /** Made by buildSite(); without it the plugin makes them itself before each build (plain `eleventy`). */
  assets?: SiteAssets;
  /** Folder the Nunjucks templates are looked up in; default: the package's templates/. */
  templatesDir?: string;
  /** Share card of each public page by its URL (renderCards); without it pages get basic share tags. */
  cards?: ReadonlyMap<string, ShareCard>;
  /** Social kit of each campaign by slug (buildSocialKit); without it there are no kit and poster pages. */
  kits?: ReadonlyMap<string, KitData>;
  /** Map pages' script, stylesheet and map library (prepareMapAssets); without them a map page is its plain form. */
  mapAssets?: MapAssets;
  /** Root-relative URLs of the bundled browser scripts by name (bundleClientScript), e.g. { survey }. */
  scripts?: Readonly<Record<string, string>>;
}

export default function mitredenPlugin(eleventyConfig: UserConfig, options: MitredenPluginOptions): void {
  const model = options.model;
  const templatesDir = options.templatesDir ?? packagePath("templates");
  // Filled now, or right before rendering; templates read it at render time.
  const assets: SiteAssets = options.assets ?? { stylesheet: "", images: new Map() };
  if (!options.assets) {
    eleventyConfig.on("eleventy.before", async ({ directories }) => {
      Object.assign(assets, await prepareAssets(model, directories.output));
    });
  }

  eleventyConfig.addGlobalData("routes", buildRoutes(model, options.kits));
  eleventyConfig.addGlobalData("site", { locale: model.locale, builtAt: model.builtAt, campaigns: model.campaigns });
  // A function, not the object: Eleventy copies configuration values, and `assets` may be filled
  // only after the configuration is read (eleventy.before above).
  eleventyConfig.addNunjucksGlobal("assets", () => assets);

  // {% include %}, {% extends %} and {% from %} resolve in our templates folder only, never in
  // the working directory, where a city's own files could shadow ours.
  eleventyConfig.on("eleventy.engine.njk", ({ environment }) => {
    for (const loader of environment.loaders) if (loader.searchPaths) loader.searchPaths = [templatesDir];
  });
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, trimBlocks: true, lstripBlocks: true });

  addFilters(eleventyConfig, model, assets);
  eleventyConfig.addNunjucksGlobal("mapAssets", () => options.mapAssets);
  /** The JSON a map page gives its script (src/site/map-config.ts); pipe into `| safe` inside <script type="application/json">. */
  eleventyConfig.addFilter("mapClientConfig", (page: MapPageModel, campaign: CampaignModel, locale: Locale, ui: Locale, open: boolean) =>
    mapClientConfig(campaign, page, locale, ui, options.mapAssets, open),
  );
  /** What a map makes browsers send to others than the site, as sentences (src/site/basemap/third-party.ts). */
  eleventyConfig.addFilter("mapThirdPartyNotes", (map: MapModel, ui: Locale) => thirdPartyNotes(map, ui));
  const scripts = options.scripts ?? {};
  eleventyConfig.addNunjucksGlobal("scripts", () => scripts);
  /** The survey form (src/forms/render.ts, shared with the collector's error page); pipe into `| safe`. */
  eleventyConfig.addFilter("surveyForm", (page: SurveyPageModel, campaign: CampaignModel, locale: Locale) =>
    renderSurveyForm(
      {
        campaign,
        page,
        locale,
        action: collectorUrls(campaign, page).submit,
        thankYou: thankYouPath(campaign, locale, page.id),
        validatorUrl: `/${campaign.slug}/${page.id}/`,
      },
      templatesDir,
    ),
  );

  const cards = options.cards ?? new Map<string, ShareCard>();
  /** Open Graph and Twitter tags of a public page with a share card, else undefined: {{ mrShareMeta(route | shareMeta) }}. */
  eleventyConfig.addFilter("shareMeta", (route: Route) => {
    const card = route.indexable ? cards.get(route.url) : undefined;
    return card ? shareMetaForRoute(model, route, card) : undefined;
  });
}

function addFilters(eleventyConfig: UserConfig, model: SiteModel, assets: SiteAssets): void {
  const filter = (name: string, fn: (...args: never[]) => unknown) => eleventyConfig.addFilter(name, fn);

  /** Interface text (src/i18n): {{ "status.open" | t(ui, { date: d }) }}, {{ "map.form.category" | t(ui) }}. */
  filter("t", (key: string, locale: Locale, params?: Record<string, unknown>) => translate(locale, key, params));
  /** Interface text with markup in its placeholders (values from `| safe` stay markup); pipe into `| safe`. */
  filter("th", (key: string, locale: Locale, params: Record<string, unknown> = {}) => translateHtml(key, locale, params));
  /** A picture credit as written when it says what it is ("Foto: …", "© …"), else "Bild: …". */
  filter("credit", (credit: string, locale: Locale) =>
    /[:©]|^\(c\)/i.test(credit) ? credit : translate(locale, "image.credit", { credit }),
  );
  /** A phone number that never breaks across lines: no-break spaces and hyphens. */
  filter("phoneText", (phone: string) => phone.replace(/ /g, "\u00a0").replace(/-/g, "\u2011"));
  filter("markdown", (source: string | undefined) => (source ? renderMarkdown(source) : ""));
  filter("markdownText", (source: string | undefined, max?: number) => (source ? markdownToText(source, max) : ""));
  filter("date", (instant: string, locale: Locale, timeZone: string) => formatDate(instant, locale, timeZone));
  filter("isoDate", (instant: string, timeZone: string) => isoDate(instant, timeZone));
  filter("periodState", (period: Period) => periodState(period, model.builtAt));
  filter("languageName", (locale: Locale) => languageName(locale));
  /** ` lang="xx"` when a text's language differs from its surroundings, else nothing; pipe into `| safe`. */
  filter("langAttr", (textLocale: Locale, around: Locale) => (textLocale && textLocale !== around ? ` lang="${escapeAttr(textLocale)}"` : ""));
  filter("textIn", (text: Record<Locale, string> | undefined, locale: Locale, campaign: CampaignModel) =>
    text ? textIn(text, locale, campaign) : "",
  );
  filter("textLocale", (campaign: CampaignModel, locale: Locale) => textLocale(campaign, locale));
  /** { state, text, datetime } of a period (campaign or survey window) at build time. */
  filter("status", (period: Period, locale: Locale, timeZone: string) => statusOf(period, locale, timeZone, model.builtAt));
  filter("participationPeriod", (page: PageModel, campaign: CampaignModel) => participationPeriod(campaign, page));
  filter("pageNavItems", (campaign: CampaignModel, locale: Locale, currentUrl?: string) =>
    pageNavItems(campaign, locale, model.builtAt, currentUrl),
  );
  filter("pagePath", (campaign: CampaignModel, locale: Locale, pageId?: string) => pagePath(campaign, locale, pageId));
  filter("accessibilityPath", (campaign: CampaignModel, locale: Locale) => accessibilityPath(campaign, locale));
  filter("absoluteUrl", (path: string, campaign: CampaignModel) => absoluteUrl(campaign, path));
  /** The collector's addresses for a survey or map page (src/campaign/urls.ts): submit, token, publicContributions, export. */
  filter("collectorUrls", (campaign: CampaignModel, page: PageModel) => collectorUrls(campaign, page));
  /** <picture> for an image of the model; pipe into `| safe`. */
  filter("image", (image: ImageModel | undefined, locale: Locale, opts: ImageFilterOptions = {}) => {
    if (!image) return "";
    const asset = assets.images.get(image.file);
    if (!asset) throw new Error(`The image ${image.file} was not prepared; is it part of the campaign model?`);
    const alt = image.decorative || opts.decorative ? "" : (image.alt[locale] ?? "");
    return pictureHtml(asset, { ...opts, alt });
  });
}

interface ImageFilterOptions extends Omit<PictureOptions, "alt"> {
  /** Empty alt text here although the image has one, e.g. on a card whose title says it all. */
  decorative?: boolean;
}
