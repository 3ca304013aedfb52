// Short links (issue 11, the site's side): every post × platform × language and every QR code gets a
// code that is short, readable, the same in every rebuild, unique on the site, and found again by
// the collector (src/campaign/short-links.ts is the contract it builds on).
import { describe, expect, it } from "vitest";
import type { CampaignModel, SiteModel } from "../../src/campaign/model.js";
import { findShortLink, shortLinkIndex, shortLinks, ShortLinkCollisionError } from "../../src/campaign/short-links.js";
import { exampleModel } from "./cards-helpers.js";

const model = await exampleModel();
const marktplatz = model.campaigns.find((c) => c.slug === "marktplatz")!;
const radverkehr = model.campaigns.find((c) => c.slug === "radverkehr")!;

describe("short links", () => {
  it("cover every post on every platform in every language, and every page's QR code", () => {
    for (const campaign of model.campaigns) {
      const links = shortLinks(campaign);
      const posts = campaign.social.posts.reduce((n, p) => n + p.platforms.length, 0) * campaign.locales.length;
      // A campaign with a results page: the kit's results post on every platform it posts on.
      const platforms = new Set(campaign.social.posts.flatMap((p) => p.platforms)).size;
      const results = campaign.pages.some((p) => p.type === "results") ? platforms * campaign.locales.length : 0;
      const print = (campaign.pages.length + 1) * campaign.locales.length;
      expect(links.filter((l) => l.medium === "social")).toHaveLength(posts + results);
      expect(links.filter((l) => l.medium === "print")).toHaveLength(print);
    }
  });

  it("have short, readable codes without characters that need escaping, named after what they stand for", () => {
    for (const link of model.campaigns.flatMap(shortLinks)) {
      expect(link.code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(link.code.length).toBeLessThanOrEqual(40);
      expect(link.url).toBe(`https://mitreden.musterstadt.de/l/${link.code}`);
    }
    const codes = shortLinks(marktplatz).map((l) => l.code);
    expect(codes).toContain("marktplatz-start-ig");
    expect(codes).toContain("marktplatz-ideenkarte-masto");
    expect(codes).toContain("marktplatz-umfrage-qr");
    expect(codes).toContain("marktplatz-qr");
    expect(shortLinks(radverkehr).map((l) => l.code)).toEqual(expect.arrayContaining(["radverkehr-start-bsky", "radverkehr-start-bsky-en", "radverkehr-umfrage-qr-en"]));
  });

  it("give the results milestone's post a link per platform to the results page; a post named \"results\" takes it over", () => {
    const results = shortLinks(marktplatz).filter((l) => l.post === "results");
    expect(results.map((l) => l.platform)).toEqual([...new Set(marktplatz.social.posts.flatMap((p) => p.platforms))]);
    expect(findShortLink(model, "marktplatz-results-ig")!.target).toBe("https://mitreden.musterstadt.de/marktplatz/ergebnisse/?utm_source=instagram&utm_medium=social&utm_campaign=marktplatz&utm_content=results");
    // No results page, no results links.
    expect(shortLinks(radverkehr).filter((l) => l.post === "results")).toEqual([]);
    const own: CampaignModel = { ...marktplatz, social: { ...marktplatz.social, posts: [...marktplatz.social.posts, { ...marktplatz.social.posts[0]!, id: "results", platforms: ["mastodon"] }] } };
    expect(shortLinks(own).filter((l) => l.post === "results").map((l) => l.code)).toEqual(["marktplatz-results-masto"]);
  });

  it("lead to the page with utm_source, utm_medium, utm_campaign and utm_content", () => {
    const post = findShortLink(model, "radverkehr-start-masto-en")!;
    expect(post).toMatchObject({ campaign: "radverkehr", post: "start", platform: "mastodon", medium: "social", locale: "en", page: "umfrage" });
    expect(post.target).toBe("https://mitreden.musterstadt.de/radverkehr/en/umfrage/?utm_source=mastodon&utm_medium=social&utm_campaign=radverkehr&utm_content=start");
    const poster = findShortLink(model, "marktplatz-qr")!;
    expect(poster).toMatchObject({ campaign: "marktplatz", medium: "print" });
    expect([poster.page, poster.post, poster.platform]).toEqual([undefined, undefined, undefined]);
    expect(poster.target).toBe("https://mitreden.musterstadt.de/marktplatz/?utm_source=qr&utm_medium=print&utm_campaign=marktplatz&utm_content=start");
  });

  it("are the same in every rebuild, and found whatever the case a person typed", async () => {
    const again = await exampleModel();
    expect(again.campaigns.flatMap(shortLinks)).toEqual(model.campaigns.flatMap(shortLinks));
    expect(findShortLink(model, "MARKTPLATZ-Umfrage-QR")?.code).toBe("marktplatz-umfrage-qr");
    expect(findShortLink(model, "marktplatz-gibt-es-nicht")).toBeUndefined();
  });

  it("are unique on the site, and a collision names both links and the fix", () => {
    const index = shortLinkIndex(model);
    expect(index.size).toBe(model.campaigns.flatMap(shortLinks).length);
    // Campaign "markt" with post "platz-start" and campaign "markt-platz" with post "start" would share a code.
    const markt: CampaignModel = { ...marktplatz, slug: "markt", social: { ...marktplatz.social, posts: [{ ...marktplatz.social.posts[0]!, id: "platz-start" }] } };
    const marktPlatz: CampaignModel = { ...marktplatz, slug: "markt-platz" };
    const clashing: SiteModel = { ...model, campaigns: [markt, marktPlatz] };
    expect(() => shortLinkIndex(clashing)).toThrow(ShortLinkCollisionError);
    expect(() => shortLinkIndex(clashing)).toThrow(/\/l\/markt-platz-start-ig would lead to post "platz-start" on instagram \(de\) of campaign "markt" and to post "start" on instagram \(de\) of campaign "markt-platz"\. Rename/);
  });

  it("are none when a campaign turns them off: the collector then answers none of its codes", () => {
    const off: CampaignModel = { ...marktplatz, social: { ...marktplatz.social, shortLinks: false } };
    expect(shortLinks(off)).toEqual([]);
    expect(findShortLink({ campaigns: [off, radverkehr] }, "marktplatz-start-ig")).toBeUndefined();
    expect(findShortLink({ campaigns: [off, radverkehr] }, "radverkehr-start-ig")).toBeDefined();
  });
});
