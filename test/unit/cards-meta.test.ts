// Every public page carries complete Open Graph and Twitter tags, read back by a real Open Graph
// parser, and every og:image exists in the built site at the path and size it declares.
import path from "node:path";
import { load } from "cheerio";
import ogs from "open-graph-scraper";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import type { SiteModel } from "../../src/campaign/model.js";
import { renderCards, shareMetaForRoute, type ShareCard } from "../../src/site/cards/index.js";
import { buildRoutes } from "../../src/site/routes.js";
import { exampleModel, templates, tempDir } from "./cards-helpers.js";

let model: SiteModel;
let outDir: string;
let cards: Map<string, ShareCard>;

beforeAll(async () => {
  model = await exampleModel();
  const work = await tempDir("cards-meta");
  outDir = path.join(work, "_site");
  ({ cards } = await renderCards(model, outDir, { cacheDir: path.join(work, "cache") }));
});

function head(tags: string): string {
  return `<!DOCTYPE html><html><head><title>t</title>${tags}</head><body></body></html>`;
}

describe("share tags", () => {
  it("are complete on every public page, as an Open Graph parser reads them", async () => {
    const env = templates();
    const routes = buildRoutes(model).filter((r) => r.indexable);
    expect(routes.length).toBe(cards.size);
    for (const route of routes) {
      const card = cards.get(route.url)!;
      const campaign = route.campaign ?? model.campaigns[0]!;
      const html = head(env.renderString('{% from "components/share-meta/macro.njk" import mrShareMeta %}{{ mrShareMeta(share) }}', { share: shareMetaForRoute(model, route, card) }));
      const { result, error } = await ogs({ html });
      expect(error, route.url).toBe(false);
      expect(result.ogTitle, route.url).toContain(route.heading);
      expect(result.ogDescription).toBe(route.description);
      expect(result.ogType).toBe("website");
      expect(result.ogUrl).toBe(campaign.site.baseUrl + route.url);
      expect(result.ogSiteName).toBe(campaign.organization.name[route.locale] ?? campaign.organization.name[campaign.locale]);
      expect(result.ogLocale).toBe(route.locale === "en" ? "en_GB" : "de_DE");
      expect(result.twitterCard).toBe("summary_large_image");
      const image = result.ogImage?.[0];
      expect(image?.url).toBe(campaign.site.baseUrl + card.path);
      // The JPEG where it is at most half the PNG (cards with a photo), else the PNG.
      const jpeg = card.bytes.jpeg !== undefined && card.bytes.jpeg <= card.bytes.png / 2;
      expect(image?.type, route.url).toBe(jpeg ? "image/jpeg" : "image/png");
      expect(card.path, route.url).toBe(jpeg ? card.jpeg : card.png);
      expect([Number(image?.width), Number(image?.height)]).toEqual([1200, 630]);
      expect(result.twitterImage?.[0]?.url).toBe(image?.url);
      const $ = load(html);
      expect($('meta[property="og:image:alt"]').attr("content")).toBe(card.alt);
      const alternates = $('meta[property="og:locale:alternate"]').map((_, el) => $(el).attr("content")).get();
      expect(alternates).toEqual(route.campaign && route.campaign.locales.length > 1 ? [route.locale === "de" ? "en_GB" : "de_DE"] : []);

      // The image is in the site at exactly the URL path and size the tags declare.
      const file = path.join(outDir, new URL(image!.url).pathname);
      const meta = await sharp(file).metadata();
      expect([meta.width, meta.height, meta.format]).toEqual([1200, 630, jpeg ? "jpeg" : "png"]);
      // Mastodon names the city's account under previews of its pages.
      const creator = $('meta[name="fediverse:creator"]').attr("content");
      expect(creator, route.url).toBe(route.campaign ? route.campaign.social.accounts.mastodon : undefined);
    }
  });

  it("point og:image to the JPEG of a card with a photo: WhatsApp drops previews of large images", () => {
    const withPhoto = cards.get("/marktplatz/umfrage/")!;
    expect(withPhoto.type).toBe("image/jpeg");
    expect(withPhoto.bytes.jpeg! * 2).toBeLessThanOrEqual(withPhoto.bytes.png);
    expect(withPhoto.bytes.jpeg!).toBeLessThan(300_000);
    // The site index has no photo: its PNG of flat colour and words is small and sharp.
    const plain = cards.get("/")!;
    expect(plain.type).toBe("image/png");
    expect(plain.bytes.png).toBeLessThan(100_000);
  });

  it("escape what campaigns write", () => {
    const env = templates();
    const html = env.renderString('{% from "components/share-meta/macro.njk" import mrShareMeta %}{{ mrShareMeta(share) }}', {
      share: { tags: [{ property: "og:title", content: 'Plätze "für alle" <jetzt>' }] },
    });
    expect(html).toContain('content="Plätze &quot;für alle&quot; &lt;jetzt&gt;"');
  });
});
