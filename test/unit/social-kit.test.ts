// The social-media kit of the example campaigns: every post on every platform with the counts
// validation enforces, UTM links, QR codes that scan back to their URL, images in the platform's
// size, a calendar that ical.js reads with the right events and times, and the kit page itself.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { load } from "cheerio";
import ICAL from "ical.js";
import jsQRModule from "jsqr";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { PLATFORM_LIMITS, composePost, postLength } from "../../src/campaign/social-text.js";
import type { CampaignModel } from "../../src/campaign/model.js";
import { formatNumber, intlLocale } from "../../src/i18n/index.js";
import { buildSocialKit, type KitData } from "../../src/site/social/index.js";
import { exampleModel, templates, tempDir } from "./cards-helpers.js";

// jsqr is CommonJS with an ES-style default export: TypeScript sees the module object, Node the function or it.
type Decode = (data: Uint8ClampedArray, width: number, height: number) => { data: string; version: number } | null;
const jsQR = ((jsQRModule as unknown as { default?: Decode }).default ?? jsQRModule) as unknown as Decode;
const SIZES = { "1200 × 630": [1200, 630], "1080 × 1080": [1080, 1080], "1080 × 1350": [1080, 1350], "1080 × 1920": [1080, 1920] };
let outDir: string;
const kits = new Map<string, { campaign: CampaignModel; kit: KitData }>();

beforeAll(async () => {
  const model = await exampleModel();
  const work = await tempDir("social-kit");
  outDir = path.join(work, "_site");
  for (const campaign of model.campaigns) {
    const kit = await buildSocialKit(campaign, outDir, { cacheDir: path.join(work, "cache"), now: new Date("2027-02-01T12:00:00Z") });
    kits.set(campaign.slug, { campaign, kit });
  }
});

const site = (url: string) => path.join(outDir, new URL(url, "https://x").pathname);

describe("posts", () => {
  it("lists every post on every platform it names, in every language, with the platform's count", () => {
    for (const { campaign, kit } of kits.values()) {
      expect(kit.posts.map((p) => p.id)).toEqual(campaign.social.posts.map((p) => p.id));
      for (const post of campaign.social.posts) {
        const entries = kit.posts.find((p) => p.id === post.id)!.entries;
        expect(entries.length).toBe(post.platforms.length * campaign.locales.length);
        for (const entry of entries) {
          const platform = post.platforms.find((p) => entry.id === `post-${post.id}-${p}-${entry.locale}`)!;
          expect(platform).toBeDefined();
          const expected = composePost(post.text[entry.locale]!, campaign.social.hashtags, entry.url);
          expect(entry.composed).toBe(expected);
          for (const tag of campaign.social.hashtags) expect(entry.composed).toContain(`#${tag}`);
          const length = postLength(platform, expected, entry.url);
          expect(entry.countLabel).toContain(formatNumber(length, intlLocale(campaign.locale)));
          // The kit speaks the campaign's language, numbers included: "341 von 2.200 Zeichen".
          expect(entry.countLabel).toContain(formatNumber(PLATFORM_LIMITS[platform], intlLocale(campaign.locale)));
          expect(entry.fits).toBe(length <= PLATFORM_LIMITS[platform]);

          const url = new URL(entry.url);
          expect(url.origin).toBe(campaign.site.baseUrl);
          expect(Object.fromEntries(url.searchParams)).toEqual({
            utm_source: platform,
            utm_medium: "social",
            utm_campaign: campaign.slug,
            utm_content: post.id,
          });
          expect(entry.composed.endsWith(entry.url)).toBe(true);
        }
      }
    }
  });

  it("offers each post's image in its platform's size, with alt text", async () => {
    for (const { kit } of kits.values()) {
      for (const entry of kit.posts.flatMap((p) => p.entries)) {
        expect(entry.images.length).toBeGreaterThan(0);
        for (const image of entry.images) {
          expect(image.alt.trim().length).toBeGreaterThan(10);
          const meta = await sharp(site(image.path)).metadata();
          expect([meta.width, meta.height]).toEqual([image.width, image.height]);
          expect(Object.values(SIZES)).toContainEqual([image.width, image.height]);
        }
        const sizes = entry.images.map((i) => `${i.width}x${i.height}`);
        if (entry.platformName === "Instagram") expect(sizes).toEqual(["1080x1350", "1080x1920"]);
        if (["X", "Mastodon", "Bluesky", "Facebook", "LinkedIn"].includes(entry.platformName)) expect(sizes).toEqual(["1200x630"]);
      }
    }
  });
});

describe("QR codes", () => {
  it("decode back to the page's URL with utm_medium=print, from SVG and PNG", async () => {
    for (const { campaign, kit } of kits.values()) {
      expect(kit.qrCodes.length).toBe(campaign.locales.length * (campaign.pages.length + 1));
      for (const qr of kit.qrCodes) {
        const url = new URL(qr.url);
        expect(url.searchParams.get("utm_medium")).toBe("print");
        expect(url.searchParams.get("utm_campaign")).toBe(campaign.slug);
        expect(qr.shortUrl).toBe((url.origin + url.pathname).replace(/^https:\/\//, "").replace(/\/$/, ""));
        for (const file of [qr.png, qr.svg]) {
          const { data, info } = await sharp(await readFile(site(file))).resize(600, 600, { kernel: "nearest" }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
          const decoded = jsQR(new Uint8ClampedArray(data), info.width, info.height);
          expect(decoded?.data, file).toBe(qr.url);
          expect(decoded!.version).toBeGreaterThan(0);
        }
        // Quiet zone: the outermost 4 modules of the PNG are white.
        const { data, info } = await sharp(site(qr.png)).raw().toBuffer({ resolveWithObject: true });
        const margin = Math.floor(info.width * 0.03);
        for (let x = 0; x < info.width; x += 7) expect(data[(margin * info.width + x) * info.channels]).toBe(255);
      }
    }
  });
});

describe("editorial calendar", () => {
  it("is valid iCalendar with the posts at their times in Europe/Berlin and the milestones", async () => {
    const { campaign, kit } = kits.get("marktplatz")!;
    const text = await readFile(site(kit.calendar.ics), "utf8");
    expect(text.split("\r\n").every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const calendar = new ICAL.Component(ICAL.parse(text));
    const zone = calendar.getFirstSubcomponent("vtimezone");
    expect(zone?.getFirstPropertyValue("tzid")).toBe("Europe/Berlin");
    ICAL.TimezoneService.register(zone!);
    const events = calendar.getAllSubcomponents("vevent").map((e) => new ICAL.Event(e));
    expect(events.length).toBe(campaign.social.posts.length + 4);

    for (const post of campaign.social.posts) {
      const event = events.find((e) => e.uid.startsWith(`marktplatz-post-${post.id}@`))!;
      expect(event.component.getFirstProperty("dtstart")!.getParameter("tzid")).toBe("Europe/Berlin");
      expect(event.startDate.zone.tzid).toBe("Europe/Berlin");
      expect(event.startDate.toJSDate().getTime()).toBe(new Date(post.date).getTime());
      expect(event.description).toContain(post.text.de!.slice(0, 40));
    }
    // 08:00 on 8 April (CEST) and 09:00 on 1 March (CET): both offsets come from the VTIMEZONE.
    const endspurt = events.find((e) => e.uid.startsWith("marktplatz-post-endspurt@"))!;
    expect(endspurt.startDate.toString()).toBe("2027-04-08T09:00:00");
    expect(endspurt.startDate.toJSDate().toISOString()).toBe("2027-04-08T07:00:00.000Z");

    const day = (id: string) => events.find((e) => e.uid.startsWith(`marktplatz-${id}@`))!.startDate;
    expect(day("launch").toString()).toBe("2027-03-01");
    expect(day("launch").isDate).toBe(true);
    expect(day("one-week-left").toString()).toBe("2027-04-08");
    expect(day("last-day").toString()).toBe("2027-04-15");
    expect(day("results").toString()).toBe("2027-04-16");
  });

  it("is a spreadsheet with every milestone and every post × platform × language", async () => {
    const { campaign, kit } = kits.get("radverkehr")!;
    const text = await readFile(site(kit.calendar.csv), "utf8");
    expect(text.startsWith("\uFEFFdate,time,type,id,platform,language,page,text,link,characters,limit\r\n")).toBe(true);
    const rows = text.split(/\r\n(?=\d{4}-)/).slice(1);
    const posts = campaign.social.posts.reduce((n, p) => n + p.platforms.length * campaign.locales.length, 0);
    expect(rows.length).toBe(posts + 4);
    expect(rows.some((r) => r.startsWith("2027-05-24,17:00,post,endspurt,X,en,"))).toBe(true);
  });
});

describe("kit page and poster", () => {
  it("shows every post × platform with a selectable text, its count and a hidden copy button", () => {
    const env = templates();
    for (const { campaign, kit } of kits.values()) {
      const $ = load(env.render("pages/socialKit.njk", { campaign, locale: campaign.locale, kit }));
      const entries = kit.posts.flatMap((p) => p.entries);
      expect($("textarea[readonly][id^=post-]:not([id*=-alt-])").length).toBe(entries.length);
      for (const entry of entries) {
        const field = $(`#${entry.id}`);
        expect(field.text()).toBe(entry.composed);
        expect($(`label[for="${entry.id}"]`).length).toBe(1);
        expect($(`#${field.attr("aria-describedby")}`).text()).toContain(entry.countLabel);
        expect($(`button[data-copy="${entry.id}"]`).attr("hidden")).toBeDefined();
      }
      const ids = $("[id]").map((_, el) => $(el).attr("id")).get();
      expect(new Set(ids).size).toBe(ids.length);
      expect($("img").filter((_, el) => !$(el).attr("alt")).length).toBe(0);
      expect($(`a[href="${kit.calendar.ics}"]`).length).toBe(1);
      expect($(`a[href="${kit.calendar.csv}"]`).length).toBe(1);
      expect($(`script[src="${kit.copyScript}"]`).length).toBe(1);
    }
  });

  it("prints an A4 poster with the title, the QR code and the short URL", async () => {
    const env = templates();
    const { campaign, kit } = kits.get("marktplatz")!;
    const poster = kit.posters.find((p) => p.url.endsWith("/umfrage-de/"))!;
    const $ = load(env.render("pages/poster.njk", { campaign, locale: "de", kit, poster }));
    expect($("h1").text()).toBe("Umfrage: Ihr Marktplatz");
    expect($(".mr-poster__url").text()).toBe("mitreden.musterstadt.de/marktplatz/umfrage");
    expect($(".mr-poster__qr").attr("src")).toBe(poster.qrSvg);
    expect(await readFile(site(kit.posterStylesheet), "utf8")).toContain("size: A4");
  });
});
