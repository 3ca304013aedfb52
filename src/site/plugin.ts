// The Eleventy plugin: puts the site's routes into the data cascade and gives Eleventy the page
// environment (src/pages/environment.ts: loader, filters) as its Nunjucks library, the same one the
// collector renders its pages with. It renders nothing by itself: templates/eleventy/ holds the page
// templates (one paginates over the routes), templates/pages/<kind>.njk the content of <main>.
import type { ProofOfWorkAssets } from "./pow-assets.js";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import type { AuditReport } from "../audit/report.js";
import type { CampaignModel, Locale, MapModel, MapPageModel, PageModel, SiteModel } from "../campaign/model.js";
import { assetsManifest, ASSETS_MANIFEST, type SiteAssets } from "../pages/assets.js";
import { createPageEnvironment } from "../pages/environment.js";
import { controlId } from "../forms/fields.js";
import { prepareAssets } from "./assets.js";
import { message } from "../i18n/index.js";
import { accessibilityStatement } from "./accessibility-statement.js";
import { thirdPartyNotes } from "./basemap/third-party.js";
import { shareMetaForRoute, type ShareCard } from "./cards/index.js";
import type { MapAssets } from "./map-assets.js";
import { asJsonBlock, mapClientConfig, mapViewConfig } from "./map-config.js";
import { areaSymbol, categoryShape, categorySymbol, layerSymbol, ownPointSymbol, type Shape } from "../campaign/map-symbols.js";
import { buildRoutes, type Route } from "./routes.js";
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
  /** The latest `mitreden audit` report: the accessibility statement names its facts. */
  auditReport?: AuditReport;
  /** The proof-of-work widget's files (prepareProofOfWorkAssets), when a campaign turns it on. */
  proofOfWork?: ProofOfWorkAssets;
}

export default function mitredenPlugin(eleventyConfig: UserConfig, options: MitredenPluginOptions): void {
  const model = options.model;
  // Filled now, or right before rendering; templates read it at render time.
  const assets: SiteAssets = options.assets ?? { stylesheet: "", images: new Map() };
  if (!options.assets) {
    eleventyConfig.on("eleventy.before", async ({ directories }) => {
      Object.assign(assets, await prepareAssets(model, directories.output, { templatesDir: options.templatesDir }));
    });
  }
  // The collector's pages (errors of plain forms) wear this site's stylesheet and logo.
  eleventyConfig.on("eleventy.after", async ({ directories }) => {
    await mkdir(path.join(directories.output, path.dirname(ASSETS_MANIFEST)), { recursive: true });
    await writeFile(path.join(directories.output, ASSETS_MANIFEST), assetsManifest(assets));
  });

  const cards = options.cards ?? new Map<string, ShareCard>();
  // {% include %}, {% extends %} and {% from %} resolve in our templates folder only, never in the
  // working directory, where a city's own files could shadow ours.
  const env = createPageEnvironment({
    model,
    assets: () => assets,
    templatesDir: options.templatesDir,
    compiledOnDisk: true,
    shareMeta: (route) => {
      const card = route.indexable ? cards.get(route.url) : undefined;
      return card ? shareMetaForRoute(model, route as Route, card) : undefined;
    },
    proofOfWork: options.proofOfWork,
    // The map that places a location question's point, where the map script is built (prepareMapAssets).
    surveyMap: (campaign, _page, question, locale, ui) =>
      options.mapAssets && {
        id: `${controlId(question.id)}--map`,
        show: message(ui, "map.show"),
        keys: message(ui, "map.questionKeys"),
        noscript: message(ui, "map.questionNoscript"),
        config: asJsonBlock(mapViewConfig(campaign, question.map, question.id, locale, ui, options.mapAssets, true)),
        attributes: ui === locale ? {} : { lang: ui },
      },
  });
  const scripts = options.scripts ?? {};
  env.addGlobal("scripts", () => scripts);
  env.addGlobal("mapAssets", () => options.mapAssets);
  env.addGlobal("proofOfWorkAssets", () => options.proofOfWork);
  /** What the accessibility statement may claim, from evidence (src/site/accessibility-statement.ts). */
  env.addFilter("accessibilityStatement", (campaign: CampaignModel) => accessibilityStatement(campaign, options.auditReport));
  /** The JSON a map page gives its script (src/site/map-config.ts); pipe into `| safe` inside <script type="application/json">. */
  env.addFilter("mapClientConfig", (page: MapPageModel, campaign: CampaignModel, locale: Locale, ui: Locale, open: boolean) =>
    mapClientConfig(campaign, page, locale, ui, options.mapAssets, open),
  );
  /** What a map makes browsers send to others than the site, as sentences (src/site/basemap/third-party.ts). */
  env.addFilter("mapThirdPartyNotes", (map: MapModel, ui: Locale) => thirdPartyNotes(map, ui));
  /** A map symbol as SVG, as the map draws it (src/campaign/map-symbols.ts): a category's (the shape in its model; by position for anything without one), a layer's, the area, the person's point. */
  env.addFilter("categorySymbol", (category: { color: string; shape?: Shape }, index: number) => categorySymbol(category.shape ?? categoryShape(index), category.color));
  env.addFilter("mapSymbol", (kind: "area" | "own" | "layer", color?: string) => (kind === "area" ? areaSymbol() : kind === "own" ? ownPointSymbol() : layerSymbol(color ?? "#1b1b1b")));
  /** Whether a page shows a map (a map page, or a survey with a location question): then it loads the map script. */
  env.addFilter("showsMap", (page: PageModel | undefined) => page?.type === "map" || (page?.type === "survey" && page.questions.some((q) => q.type === "location")));
  eleventyConfig.setLibrary("njk", env);
  eleventyConfig.addGlobalData("routes", buildRoutes(model, options.kits));
}
