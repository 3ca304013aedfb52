// The JSON a map page gives its script (src/client/map/config.ts): the map from the model in the
// page's language, the collector's URLs, the self-hosted library and the interface texts (the map
// namespace's js.* texts, with the Intl locale their numbers and plural forms are written in).
import type { CampaignModel, Locale, MapPageModel } from "../campaign/model.js";
import { collectorUrls } from "../campaign/urls.js";
import { intlLocale, messages } from "../i18n/index.js";
import { basemapClientConfig } from "./basemap/client-config.js";
import type { MapAssets } from "./map-assets.js";
import { textIn } from "./routes.js";

const CLIENT_TEXT = "js.";

export function mapClientConfig(campaign: CampaignModel, page: MapPageModel, locale: Locale, ui: Locale, assets: MapAssets | undefined, open: boolean): string {
  const map = page.map;
  const urls = collectorUrls(campaign, page);
  const text = (t: Record<Locale, string>) => textIn(t, locale, campaign);
  const library = map.renderer === "mapbox" ? assets?.mapbox : assets?.maplibre;
  const config = {
    slug: campaign.slug,
    page: page.id,
    locale,
    submitUrl: urls.submit,
    tokenUrl: urls.token,
    ...(map.contributions.public ? { contributionsUrl: urls.publicContributions } : {}),
    center: map.center,
    zoom: map.zoom,
    area: map.area,
    layers: map.layers.map((l) => ({ id: l.id, label: text(l.label), color: l.color, data: l.data })),
    categories: map.categories.map((c) => ({ id: c.id, label: text(c.label), color: c.color })),
    places: map.places.map((p) => ({ id: p.id, label: text(p.label), coordinates: p.coordinates })),
    ...basemapClientConfig(map, locale, assets?.basemaps, text),
    renderer: map.renderer,
    ...(map.accessToken ? { accessToken: map.accessToken } : {}),
    library: library ?? { js: "", css: "", module: true },
    open,
    maxLength: map.contributions.maxLength,
    moderation: map.contributions.moderation,
    textLocale: intlLocale(locale),
    text: Object.fromEntries(Object.entries(messages(ui, "map")).filter(([k]) => k.startsWith(CLIENT_TEXT)).map(([k, v]) => [k.slice(CLIENT_TEXT.length), v])),
  };
  // Inside <script type="application/json">: "</script>" or "<!--" in a text must not end the element.
  return JSON.stringify(config).replace(/</g, "\\u003c");
}
