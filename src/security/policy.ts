// The Content-Security-Policy and the other security headers, computed from the campaigns: one
// strict policy for every page, widened per campaign exactly as far as its configuration needs (a
// third-party basemap, a collector on another origin). The site's `_headers` file, the nginx and
// Caddy snippets, `mitreden serve` and the collector all take their headers from here.
// See docs/adr/016-content-security-policy.md.
import type { CampaignModel, MapModel, SiteModel } from "../campaign/model.js";

/** Directive name → sources, in the order they are written. */
export type Policy = Map<string, string[]>;

/**
 * What every page of the site may do: everything from its own origin, nothing inline, no plugins,
 * no <base>, forms only to itself, never framed. `data:` images: KERN's stylesheet draws its form
 * icons as data: SVGs, and the pages' favicon is `data:,`. MapLibre runs its worker from our own
 * /assets file (setWorkerUrl), so workers need no `blob:`; measured in Chromium with the map drawn.
 */
const SITE_POLICY: [string, string[]][] = [
  ["default-src", ["'self'"]],
  ["script-src", ["'self'"]],
  ["style-src", ["'self'"]],
  ["img-src", ["'self'", "data:"]],
  ["font-src", ["'self'"]],
  ["connect-src", ["'self'"]],
  ["worker-src", ["'self'"]],
  ["object-src", ["'none'"]],
  ["base-uri", ["'none'"]],
  ["form-action", ["'self'"]],
  ["frame-ancestors", ["'none'"]],
];

/**
 * Mapbox GL JS 3 (`"renderer": "mapbox"`): measured in Chromium, its standard build starts its
 * worker from a blob: URL and reports every map load to Mapbox's servers, whatever the style.
 * Mapbox's own `mapbox://` styles load tiles, sprites and glyphs from those servers, draw images
 * from blob: URLs and need WebAssembly for the Standard style (Mapbox's CSP guide; those need a
 * Mapbox account to measure).
 */
const MAPBOX_HOSTS = ["https://api.mapbox.com", "https://*.tiles.mapbox.com", "https://events.mapbox.com"];

/** Powerful features no page of mitreden uses, switched off for the page and anything it embeds. */
// geolocation is off too: no page asks for the position today. A "use my location" button on the
// map would need `geolocation=(self)` on that campaign's pages (ADR 016).
const FEATURES_OFF = ["camera", "microphone", "geolocation", "display-capture", "payment", "usb", "serial", "hid", "midi", "browsing-topics", "interest-cohort"];
export const PERMISSIONS_POLICY = FEATURES_OFF.map((feature) => `${feature}=()`).join(", ");

/** Full URLs to the site itself (the collector counts reach by the page a form was on); only the origin to others. */
export const SITE_REFERRER_POLICY = "strict-origin-when-cross-origin";
/** The collector's own answers link nowhere that needs to know where a person came from. */
export const COLLECTOR_REFERRER_POLICY = "no-referrer";

/** The policy of pages that belong to no campaign (the index of campaigns, the 404 page) and of campaigns that need nothing more. */
export function sitePolicy(): Policy {
  return new Map(SITE_POLICY.map(([name, sources]) => [name, [...sources]]));
}

/** The policy of one campaign's pages: the site's, plus its basemap's servers and its collector's origin. */
export function campaignPolicy(campaign: CampaignModel): Policy {
  const policy = sitePolicy();
  for (const map of campaignMaps(campaign)) {
    if (map.renderer === "mapbox") {
      allow(policy, "worker-src", ["blob:"]);
      allow(policy, "connect-src", MAPBOX_HOSTS);
    }
    const basemap = map.basemap;
    if (basemap?.kind !== "style") continue;
    if (basemap.style.startsWith("mapbox://")) {
      allow(policy, "connect-src", MAPBOX_HOSTS);
      allow(policy, "img-src", ["blob:", ...MAPBOX_HOSTS]);
      allow(policy, "script-src", ["'wasm-unsafe-eval'"]);
      continue;
    }
    // The style, and the tiles, glyphs and sprites it names: fetched by the map (connect-src);
    // raster tiles and sprites may also be drawn as images (img-src).
    const servers = [new URL(basemap.style).origin, ...(basemap.origins ?? [])];
    allow(policy, "connect-src", servers);
    allow(policy, "img-src", servers);
  }
  const collector = collectorOrigin(campaign);
  if (collector) {
    // The survey's and the map's script send to it and fetch tokens and contributions from it; without JavaScript, the form posts to it.
    allow(policy, "connect-src", [collector]);
    allow(policy, "form-action", [collector]);
  }
  return policy;
}

/**
 * The policy of the collector's own responses: error pages that show the form again, with the
 * site's stylesheet and fonts, and no script. A form posted there may be redirected to the
 * thank-you page of the site, on another origin when the collector has one of its own.
 */
export function collectorPolicy(model: SiteModel): Policy {
  const sites = unique(model.campaigns.filter((campaign) => collectorOrigin(campaign)).map((campaign) => new URL(campaign.site.baseUrl).origin));
  // A collector on an origin of its own draws its pages with the site's stylesheet, fonts and
  // pictures and takes the site as <base> (src/collector/pages.ts): exactly those origins, no more.
  return new Map([
    ["default-src", ["'none'"]],
    ["style-src", ["'self'", ...sites]],
    ["img-src", ["'self'", "data:", ...sites]],
    ["font-src", ["'self'", ...sites]],
    ["base-uri", sites.length ? sites : ["'none'"]],
    ["form-action", unique(["'self'", ...sites])],
    ["frame-ancestors", ["'none'"]],
  ]);
}

/** `default-src 'self'; script-src 'self'; …` */
export function formatPolicy(policy: Policy): string {
  return [...policy].map(([name, sources]) => [name, ...sources].join(" ")).join("; ");
}

/** The collector's origin when the campaign names one absolutely (`site.collector`), else undefined (it is on the site's own origin). */
export function collectorOrigin(campaign: CampaignModel): string | undefined {
  return /^https?:\/\//i.test(campaign.site.collector) ? new URL(campaign.site.collector).origin : undefined;
}

/** Every map of the campaign: its map pages', and the maps of its location questions. */
function campaignMaps(campaign: CampaignModel): MapModel[] {
  return campaign.pages.flatMap((page) => {
    if (page.type === "map") return [page.map];
    if (page.type === "survey") return page.questions.flatMap((question) => (question.type === "location" ? [question.map] : []));
    return [];
  });
}

function allow(policy: Policy, directive: string, sources: string[]): void {
  policy.set(directive, unique([...(policy.get(directive) ?? []), ...sources]));
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
