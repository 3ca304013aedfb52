// The Content-Security-Policy a campaign gets: strict for the examples, and widened by a
// configuration exactly as far as it needs (a third-party basemap, a collector on another origin).
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadSiteModel } from "../../src/campaign/index.js";
import type { CampaignModel, MapPageModel, SiteModel } from "../../src/campaign/model.js";
import { CampaignValidationError } from "../../src/errors.js";
import { campaignPolicy, collectorPolicy, formatPolicy, PERMISSIONS_POLICY, sitePolicy } from "../../src/security/policy.js";
import { TMP, tmpDir } from "../unit/site-support.js";

/** The policy the attacker test injected, without the `blob:` sources MapLibre turned out not to need. */
const STRICT =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

let model: SiteModel;
beforeAll(async () => {
  model = (await loadSiteModel("campaigns")).model;
});

/** A copy of the Marktplatz campaign, changed by `change`. */
function marktplatz(change: (campaign: CampaignModel, map: MapPageModel["map"]) => void): CampaignModel {
  const campaign = structuredClone(model.campaigns.find((c) => c.slug === "marktplatz")!);
  change(campaign, (campaign.pages.find((p) => p.type === "map") as MapPageModel).map);
  return campaign;
}

/** Directive → sources that `policy` has beyond the strict one. */
function widening(campaign: CampaignModel): Record<string, string[]> {
  const strict = sitePolicy();
  const extra: Record<string, string[]> = {};
  for (const [name, sources] of campaignPolicy(campaign)) {
    const added = sources.filter((source) => !(strict.get(name) ?? []).includes(source));
    if (added.length) extra[name] = added;
  }
  return extra;
}

describe("the Content-Security-Policy", () => {
  it("is the strict one for every example campaign and for pages outside campaigns", () => {
    expect(formatPolicy(sitePolicy())).toBe(STRICT);
    for (const campaign of model.campaigns) expect(formatPolicy(campaignPolicy(campaign)), campaign.slug).toBe(STRICT);
  });

  it("lets a third-party basemap style's server in, and the servers named in basemap.origins, nothing more", () => {
    const styled = marktplatz((_, map) => void (map.basemap = { kind: "style", style: "https://tiles.example.org/styles/positron/style.json?key=1" }));
    expect(widening(styled)).toEqual({ "img-src": ["https://tiles.example.org"], "connect-src": ["https://tiles.example.org"] });
    const withOrigins = marktplatz(
      (_, map) => void (map.basemap = { kind: "style", style: "https://styles.example.org/style.json", origins: ["https://tiles.example.net", "https://*.fonts.example.com"] }),
    );
    const servers = ["https://styles.example.org", "https://tiles.example.net", "https://*.fonts.example.com"];
    expect(widening(withOrigins)).toEqual({ "img-src": servers, "connect-src": servers });
  });

  it("lets the basemap of a location question in as well", () => {
    const campaign = marktplatz(() => {});
    const survey = campaign.pages.find((p) => p.type === "survey")!;
    const question = survey.type === "survey" ? survey.questions.find((q) => q.type === "location") : undefined;
    if (question?.type !== "location") throw new Error("the Marktplatz survey has a location question");
    question.map.basemap = { kind: "style", style: "http://127.0.0.1:8090/style.json" };
    expect(widening(campaign)).toEqual({ "img-src": ["http://127.0.0.1:8090"], "connect-src": ["http://127.0.0.1:8090"] });
  });

  it("needs nothing more for a self-hosted basemap", () => {
    const pmtiles = marktplatz((_, map) => void (map.basemap = { kind: "pmtiles", pmtiles: { src: "media/x.pmtiles", file: "/x.pmtiles" } }));
    expect(formatPolicy(campaignPolicy(pmtiles))).toBe(STRICT);
  });

  it("lets a collector on another origin receive forms and the scripts' requests", () => {
    const campaign = marktplatz((c) => void (c.site.collector = "https://beteiligung-api.musterstadt.de/api"));
    expect(widening(campaign)).toEqual({ "connect-src": ["https://beteiligung-api.musterstadt.de"], "form-action": ["https://beteiligung-api.musterstadt.de"] });
  });

  it("is not widened by allowedOrigins: they may post to the collector, but no page may be framed", () => {
    const campaign = marktplatz((c) => void (c.site.allowedOrigins = ["https://www.musterstadt.de"]));
    expect(formatPolicy(campaignPolicy(campaign))).toBe(STRICT);
  });

  it("allows what Mapbox GL JS needs when a campaign chooses it", () => {
    const plainStyle = marktplatz((_, map) => {
      map.renderer = "mapbox";
      map.basemap = { kind: "style", style: "https://tiles.example.org/style.json" };
    });
    const mapbox = ["https://api.mapbox.com", "https://*.tiles.mapbox.com", "https://events.mapbox.com"];
    expect(widening(plainStyle)).toEqual({
      "img-src": ["https://tiles.example.org"],
      "connect-src": [...mapbox, "https://tiles.example.org"],
      "worker-src": ["blob:"],
    });
    const mapboxStyle = marktplatz((_, map) => {
      map.renderer = "mapbox";
      map.basemap = { kind: "style", style: "mapbox://styles/mapbox/standard" };
    });
    expect(widening(mapboxStyle)).toEqual({ "script-src": ["'wasm-unsafe-eval'"], "img-src": ["blob:", ...mapbox], "connect-src": mapbox, "worker-src": ["blob:"] });
  });

  it("keeps the collector's own pages script-free, posting to itself and back to the sites of campaigns with a collector elsewhere", () => {
    expect(formatPolicy(collectorPolicy(model))).toBe(
      "default-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    );
    const elsewhere = marktplatz((c) => void (c.site.collector = "https://api.musterstadt.de/api"));
    const site = { ...model, campaigns: [elsewhere, ...model.campaigns.filter((c) => c.slug !== "marktplatz")] };
    expect(collectorPolicy(site).get("form-action")).toEqual(["'self'", "https://mitreden.musterstadt.de"]);
    // Its error pages wear the site's stylesheet, fonts and logo and take the site as <base>: that origin, no other.
    for (const directive of ["style-src", "font-src"]) expect(collectorPolicy(site).get(directive)).toEqual(["'self'", "https://mitreden.musterstadt.de"]);
    expect(collectorPolicy(site).get("img-src")).toEqual(["'self'", "data:", "https://mitreden.musterstadt.de"]);
    expect(collectorPolicy(site).get("base-uri")).toEqual(["https://mitreden.musterstadt.de"]);
  });

  it("switches off the powerful features no page uses", () => {
    for (const feature of ["camera", "microphone", "geolocation", "payment", "usb", "browsing-topics", "interest-cohort"]) {
      expect(PERMISSIONS_POLICY).toContain(`${feature}=()`);
    }
  });
});

describe("basemap.origins in campaign.json", () => {
  async function loadWith(basemap: unknown) {
    mkdirSync(TMP, { recursive: true });
    const dir = tmpDir("basemap-origins");
    cpSync("campaigns", dir, { recursive: true });
    const file = path.join(dir, "marktplatz", "campaign.json");
    const campaign = JSON.parse(readFileSync(file, "utf8"));
    campaign.pages.find((p: { id: string }) => p.id === "karte").map.basemap = basemap;
    writeFileSync(file, JSON.stringify(campaign, null, 2));
    try {
      return await loadSiteModel(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it("reaches the policy as written, in lower case", async () => {
    const { model: loaded } = await loadWith({ style: "https://Styles.example.org/style.json", origins: ["https://Tiles.Example.net", "https://*.fonts.example.com:8443"] });
    const policy = campaignPolicy(loaded.campaigns.find((c) => c.slug === "marktplatz")!);
    expect(policy.get("connect-src")).toEqual(["'self'", "https://styles.example.org", "https://tiles.example.net", "https://*.fonts.example.com:8443"]);
  });

  it("is refused with the place and an example when an entry is not an origin", async () => {
    const error = await loadWith({ style: "https://styles.example.org/style.json", origins: ["https://tiles.example.net/tiles/", "tiles.example.net"] }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CampaignValidationError);
    const problems = (error as CampaignValidationError).problems.filter((p) => p.pointer.includes("/origins/"));
    expect(problems.map((p) => [p.pointer, p.message])).toEqual([
      ["/pages/3/map/basemap/origins/0", 'must be a server\'s origin: scheme and host, a port if needed, no path, e.g. "https://tiles.example.org"'],
      ["/pages/3/map/basemap/origins/1", 'must be a server\'s origin: scheme and host, a port if needed, no path, e.g. "https://tiles.example.org"'],
    ]);
    expect(problems[0]!.file).toMatch(/marktplatz[/\\]campaign\.json$/);
    expect(problems[0]!.line).toBeGreaterThan(1);
  });
});
