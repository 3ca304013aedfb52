// The JSON a page gives the map script (src/client/map/config.ts): a map from the model in the
// page's language with the self-hosted library and the interface texts (the map namespace's js.*
// texts, with the Intl locale their numbers and plural forms are written in) — for a map page, with the
// collector's addresses and the contribution form's rules; for a survey's location question, the
// question whose point it places.
import type { CampaignModel, Locale, MapModel, MapPageModel } from "../campaign/model.js";
import { collectorUrls } from "../campaign/urls.js";
import { CONTRIBUTION_QUESTION, contributionQuestions } from "../forms/contribution.js";
import { plainLabel } from "../forms/issues.js";
import { textIn } from "../pages/routes.js";
import { intlLocale, messages } from "../i18n/index.js";
import { basemapClientConfig } from "./basemap/client-config.js";
import type { MapAssets } from "./map-assets.js";

const CLIENT_TEXT = "js.";

/** One map: a map page's, or the one in a survey's location question `question`. */
export function mapViewConfig(campaign: CampaignModel, map: MapModel, question: string, locale: Locale, ui: Locale, assets: MapAssets | undefined, open: boolean): Record<string, unknown> {
  const text = (t: Record<Locale, string>) => textIn(t, locale, campaign);
  const library = map.renderer === "mapbox" ? assets?.mapbox : assets?.maplibre;
  return {
    locale,
    center: map.center,
    zoom: map.zoom,
    area: map.area,
    layers: map.layers.map((l) => ({ id: l.id, label: text(l.label), color: l.color, data: l.data })),
    categories: map.categories.map((c) => ({ id: c.id, label: text(c.label), color: c.color, shape: c.shape })),
    places: map.places.map((p) => ({ id: p.id, label: text(p.label), coordinates: p.coordinates })),
    ...basemapClientConfig(map, locale, assets?.basemaps, text),
    renderer: map.renderer,
    ...(map.accessToken ? { accessToken: map.accessToken } : {}),
    library: library ?? { js: "", css: "", module: true },
    open,
    question,
    textLocale: intlLocale(locale),
    text: Object.fromEntries(Object.entries(messages(ui, "map")).filter(([k]) => k.startsWith(CLIENT_TEXT)).map(([k, v]) => [k.slice(CLIENT_TEXT.length), v])),
  };
}

/** The forms' words the map page's checks use (src/client/map/contribute.ts): every issue contributionIssues() can find. */
const MAP_FORM_TEXT = ["errorTitlePrefix", "charactersLeft", "charactersOver", "issue.required", "issue.option", "issue.too-long", "issue.location", "issue.outside-area", "issue.invalid"] as const;

function pick<T extends Record<string, unknown>>(from: T, keys: readonly (keyof T & string)[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((key) => [key, from[key]]));
}

/** A map page's: its map, where contributions go and come from, and the contribution form's rules and labels. */
export function mapClientConfig(campaign: CampaignModel, page: MapPageModel, locale: Locale, ui: Locale, assets: MapAssets | undefined, open: boolean): string {
  const map = page.map;
  const urls = collectorUrls(campaign, page);
  const questions = contributionQuestions(campaign, map);
  const config = {
    ...mapViewConfig(campaign, map, CONTRIBUTION_QUESTION.location, locale, ui, assets, open),
    slug: campaign.slug,
    page: page.id,
    submitUrl: urls.submit,
    tokenUrl: urls.token,
    ...(map.contributions.public ? { contributionsUrl: urls.publicContributions } : {}),
    maxLength: map.contributions.maxLength,
    moderation: map.contributions.moderation,
    labels: Object.fromEntries(questions.map((q) => [q.id, plainLabel(textIn(q.label, locale, campaign))])),
    formText: pick(messages(ui, "forms"), MAP_FORM_TEXT),
    answerText: Object.fromEntries(Object.entries(messages(ui, "desk")).filter(([k]) => k.startsWith("publicStatus.") || k.startsWith("publicAnswer."))),
  };
  return asJsonBlock(config);
}

/** JSON inside <script type="application/json">: "</script>" or "<!--" in a text must not end the element. */
export function asJsonBlock(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}
