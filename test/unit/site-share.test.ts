// Share cards and the social-media kit in the REAL built site (not the modules alone): every page of
// the sitemap carries complete Open Graph and Twitter tags whose image exists at that URL, the kits
// and posters are built, kept out of search engines and show what the campaign files plan.
import { existsSync } from "node:fs";
import { readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import * as cheerio from "cheerio";
import ogs from "open-graph-scraper";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSiteModel, type SiteModel } from "../../src/campaign/index.js";
import { findShortLink } from "../../src/campaign/short-links.js";
import { PLATFORM_LIMITS, postUrl } from "../../src/campaign/social-text.js";
import { pagePath, socialKitPath } from "../../src/campaign/urls.js";
import { formatNumber, intlLocale } from "../../src/i18n/index.js";
import { buildSite, type BuildSiteResult } from "../../src/site/build.js";
import { fileOf, tmpDir, withReaders, type BuiltSite } from "./site-support.js";

const NOW = new Date("2027-03-20T12:00:00+01:00");
let site: BuiltSite;
let model: SiteModel;
let cardCacheDir: string;
let first: BuildSiteResult;
let second: BuildSiteResult;
/** Root-relative URLs of the sitemap, e.g. "/radverkehr/en/umfrage/". */
let sitemap: string[];

beforeAll(async () => {
  const outDir = tmpDir("share");
  cardCacheDir = `${outDir}-cache`;
  const build = () => buildSite({ campaignsDir: "campaigns", outDir, now: NOW, quiet: true, cardCacheDir });
  first = await build();
  // The same campaigns again: every card comes from the cache; the pages are the second build's.
  second = await build();
  site = withReaders(outDir, second);
  model = (await loadSiteModel("campaigns", { now: NOW })).model;
  const $ = cheerio.load(site.read("/sitemap.xml"), { xml: true });
  sitemap = $("url > loc").map((_, el) => new URL($(el).text()).pathname).get();
});
afterAll(async () => {
  await site?.remove();
  if (cardCacheDir) await rm(cardCacheDir, { recursive: true, force: true });
});

const campaign = (slug: string) => model.campaigns.find((c) => c.slug === slug)!;

describe("share tags on every page of the sitemap", () => {
  it("are complete and absolute, as an Open Graph parser reads them", async () => {
    expect(sitemap.length).toBeGreaterThanOrEqual(15);
    for (const url of sitemap) {
      const html = site.read(url);
      const $ = cheerio.load(html);
      const owner = model.campaigns.find((c) => url.startsWith(`/${c.slug}/`));
      const base = (owner ?? model.campaigns[0]!).site.baseUrl;
      const { result, error } = await ogs({ html });
      expect(error, url).toBe(false);
      expect(result.ogTitle, url).toBeTruthy();
      expect(result.ogTitle, url).toContain($("h1").text().trim());
      expect(result.ogDescription, url).toBe($('meta[name="description"]').attr("content"));
      expect(result.ogType, url).toBe("website");
      expect(result.ogUrl, url).toBe(`${base}${url}`);
      expect(result.ogUrl, url).toBe($('link[rel="canonical"]').attr("href"));
      expect(result.ogSiteName, url).toBe("Stadt Musterstadt");
      const lang = $("html").attr("lang");
      expect(result.ogLocale, url).toBe(lang === "en" ? "en_GB" : "de_DE");
      if (owner && owner.locales.length > 1) {
        expect(result.ogLocaleAlternate, url).toBe(lang === "en" ? "de_DE" : "en_GB");
      } else {
        expect(result.ogLocaleAlternate, url).toBeUndefined();
      }
      expect(result.ogImage, url).toHaveLength(1);
      const image = result.ogImage![0]!;
      expect(image.url.startsWith(`${base}/assets/cards/`), url).toBe(true);
      expect(String(image.width), url).toBe("1200");
      expect(String(image.height), url).toBe("630");
      // Cards with a photo: the JPEG, a sixth of the PNG (chat apps drop previews of large images).
      expect(image.type, url).toBe(image.url.endsWith(".jpg") ? "image/jpeg" : "image/png");
      expect(image.alt?.trim().length, url).toBeGreaterThan(10);
      expect(result.twitterCard, url).toBe("summary_large_image");
      expect(result.twitterImage?.[0]?.url, url).toBe(image.url);
    }
  });

  it("point at a 1200 × 630 image that exists at exactly that path of the built site, under 300 KB", async () => {
    const images = new Set<string>();
    for (const url of sitemap) {
      const $ = cheerio.load(site.read(url));
      images.add(new URL($('meta[property="og:image"]').attr("content")!).pathname);
    }
    // One card per page: no two pages share an image.
    expect(images.size).toBe(sitemap.length);
    for (const image of images) {
      const file = fileOf(site.outDir, image);
      expect(existsSync(file), image).toBe(true);
      const meta = await sharp(file).metadata();
      expect([meta.format, meta.width, meta.height], image).toEqual([image.endsWith(".jpg") ? "jpeg" : "png", 1200, 630]);
      expect(meta.size ?? (await readFile(file)).length, image).toBeLessThan(300_000);
    }
  });

  it("name the campaign's Mastodon account as the author of its pages (fediverse:creator)", () => {
    for (const url of sitemap) {
      const owner = model.campaigns.find((c) => url.startsWith(`/${c.slug}/`));
      expect(site.load(url)('meta[name="fediverse:creator"]').attr("content"), url).toBe(owner?.social.accounts.mastodon);
    }
    expect(site.load("/marktplatz/")('meta[name="fediverse:creator"]').attr("content")).toBe("@musterstadt@social.musterstadt.de");
  });

  it("are left off pages that are not public (404, social kit, posters)", () => {
    for (const url of site.htmlUrls.filter((u) => !sitemap.includes(u))) {
      const $ = site.load(url);
      expect($('meta[name="robots"]').attr("content"), url).toBe("noindex");
      expect($('meta[property^="og:"], meta[name^="twitter:"]'), url).toHaveLength(0);
    }
  });
});

describe("social kit page", () => {
  it("exists for every campaign, is noindex and not in the sitemap", () => {
    const xml = site.read("/sitemap.xml");
    expect(xml).not.toContain("social-kit");
    for (const c of model.campaigns) {
      const url = socialKitPath(c);
      expect(site.pages).toContain(url);
      const $ = site.load(url);
      expect($('meta[name="robots"]').attr("content")).toBe("noindex");
      expect($('link[rel="canonical"]')).toHaveLength(0);
      expect($("html").attr("lang")).toBe(c.locale);
      expect($("h1")).toHaveLength(1);
    }
  });

  it("shows every post × platform × language with the count validation uses, the limit and a short link", () => {
    for (const c of model.campaigns) {
      const $ = site.load(socialKitPath(c));
      let expected = 0;
      for (const post of c.social.posts) {
        for (const locale of c.locales) {
          for (const platform of post.platforms) {
            expected++;
            const id = `post-${post.id}-${platform}-${locale}`;
            const field = $(`textarea#${id}`);
            expect(field.text(), id).toContain(post.text[locale]!.trim());
            const count = $(`#${field.attr("aria-describedby")}`).text();
            // A story has no caption: the kit says so instead of counting.
            expect(count, id).toContain(post.format === "story" ? "keinen Beitragstext" : formatNumber(PLATFORM_LIMITS[platform], intlLocale(c.locale)));

            // The short link beside the text leads to the page with the post's UTM parameters.
            const link = field.closest(".mr-kit__entry").find(`a[href^="${c.site.baseUrl}/l/"]`).first().attr("href")!;
            const target = new URL(findShortLink(model, link.split("/l/")[1]!)!.target);
            expect(target.toString()).toBe(postUrl(c.site.baseUrl, pagePath(c, locale, post.page), platform, c.slug, post.id));
            expect(Object.fromEntries(target.searchParams), id).toEqual({ utm_source: platform, utm_medium: "social", utm_campaign: c.slug, utm_content: post.id });
            // The copy button is named by its visible word and the entry's heading, not by hidden text.
            const button = $(`button[data-copy="${id}"]`);
            expect(button.find(".kern-sr-only")).toHaveLength(0);
            const name = button.attr("aria-labelledby")!.split(" ").map((ref) => $(`#${ref}`).text().trim());
            expect(name.join(" "), id).toMatch(/^(Kopieren|Copy) \S/);
          }
        }
      }
      expect(expected).toBeGreaterThan(0);
      expect($("textarea[id^=post-]:not([id*=-alt-])")).toHaveLength(expected);
    }
  });

  it("links a calendar (.ics, .csv) and images that exist, and loads only its copy script", async () => {
    for (const c of model.campaigns) {
      const kitUrl = socialKitPath(c);
      const $ = site.load(kitUrl);
      const ics = $('a[href$=".ics"]').attr("href")!;
      const plan = $('a[href$="-redaktionsplan.csv"]').attr("href")!;
      expect(await readFile(fileOf(site.outDir, ics), "utf8")).toMatch(/^BEGIN:VCALENDAR\r\n/);
      expect(await readFile(fileOf(site.outDir, plan), "utf8")).toMatch(/^\uFEFFDatum;Uhrzeit;Plattform;/);
      for (const src of $("main img").map((_, el) => $(el).attr("src")).get()) {
        expect(existsSync(fileOf(site.outDir, src)), src).toBe(true);
      }
      for (const href of $("main a[download]").map((_, el) => $(el).attr("href")).get()) {
        expect(existsSync(fileOf(site.outDir, href)), href).toBe(true);
      }
      expect($("script").map((_, el) => $(el).attr("src")).get()).toEqual([`${kitUrl}copy.js`]);
      expect(existsSync(fileOf(site.outDir, `${kitUrl}copy.js`))).toBe(true);
    }
  });
});

describe("the kit's link pictures", () => {
  it("are the site's share cards of the same build, drawn once while the kit drew its posts' pictures", async () => {
    // Kits are made beside the share cards; a kit that did not wait for them would draw its
    // link pictures again under /assets/social/, or point at cards that are not there.
    const cards = new Set(await readdir(path.join(site.outDir, "assets", "cards")));
    for (const c of model.campaigns) {
      const $ = site.load(socialKitPath(c));
      const links = $("main a[download]").map((_, el) => $(el).attr("href")).get().filter((href) => href.startsWith("/assets/cards/"));
      expect(links.length, c.slug).toBeGreaterThan(0);
      for (const href of links) expect(cards.has(path.posix.basename(href)), href).toBe(true);
      const own = await readdir(path.join(site.outDir, "assets", "social", c.slug));
      expect(own.filter((name) => /-link\./.test(name)), c.slug).toEqual([]);
    }
    expect(first.cards.rendered + first.cards.reused).toBe(second.cards.reused);
  });
});

describe("posters", () => {
  it("exist for every page the kit lists, each with its print styles and QR code", async () => {
    for (const c of model.campaigns) {
      const $kit = site.load(socialKitPath(c));
      const posters = $kit(`a[href^="${socialKitPath(c)}poster/"]`).map((_, el) => $kit(el).attr("href")).get();
      expect(posters.length).toBe(c.locales.length * (c.pages.length + 1));
      for (const url of posters) {
        expect(site.pages, url).toContain(url);
        const $ = site.load(url);
        expect($('meta[name="robots"]').attr("content"), url).toBe("noindex");
        expect($("h1"), url).toHaveLength(1);
        expect($("html").attr("lang"), url).toMatch(/^(de|en)$/);
        const css = $('head link[rel="stylesheet"][href$="/poster.css"]').attr("href")!;
        expect(css, url).toBe(`${socialKitPath(c)}poster.css`);
        expect(await readFile(fileOf(site.outDir, css), "utf8")).toContain("size: A4");
        const qr = $("img.mr-poster__qr").attr("src")!;
        expect(qr, url).toMatch(/\/qr\/.+\.svg$/);
        expect(existsSync(fileOf(site.outDir, qr)), qr).toBe(true);
        expect($("script"), url).toHaveLength(0);
      }
    }
    expect(site.load("/marktplatz/social-kit/poster/umfrage-de/")(".mr-poster__url").text()).toBe("mitreden.musterstadt.de/marktplatz/umfrage");
    expect(site.load("/radverkehr/social-kit/poster/umfrage-en/")("html").attr("lang")).toBe("en");
    expect(campaign("radverkehr").locales).toEqual(["de", "en"]);
  });
});

describe("netiquette", () => {
  it("stands on the landing page, where the footer of every page of the campaign and the reply templates point", () => {
    const $ = site.load("/marktplatz/");
    const section = $("section#netiquette");
    expect(section.find("h2").text()).toBe("Regeln für Kommentare in unseren Social-Media-Kanälen");
    expect(section.text()).toContain("Bleiben Sie beim Thema und respektvoll");
    expect(section.text()).toContain("Wann wir antworten: montags bis freitags von 9 bis 16 Uhr");
    for (const url of ["/marktplatz/", "/marktplatz/umfrage/", "/marktplatz/accessibility/"]) {
      expect(site.load(url)(`footer a[href="/marktplatz/#netiquette"]`).text(), url).toBe("Regeln für Kommentare");
    }
    expect(site.load("/radverkehr/en/")(`footer a[href="/radverkehr/en/#netiquette"]`).text()).toBe("Rules for comments");
    expect(site.load("/radverkehr/en/")("section#netiquette").text()).toContain("When we reply: Monday to Thursday");
  });
});

describe("--kit-out", () => {
  let publicDir: string;
  let kitDir: string;
  let built: BuildSiteResult;
  beforeAll(async () => {
    publicDir = tmpDir("share-public");
    kitDir = tmpDir("share-kit");
    built = await buildSite({ campaignsDir: "campaigns", outDir: publicDir, kitOutDir: kitDir, now: NOW, quiet: true, cardCacheDir });
  });
  afterAll(async () => Promise.all([publicDir, kitDir].map((dir) => rm(dir, { recursive: true, force: true }))));

  it("leaves no kit in the site: no kit page, poster, plan, calendar or reply template", async () => {
    const files = (await readdir(publicDir, { recursive: true })).map(String);
    expect(files.filter((f) => f.includes("social-kit"))).toEqual([]);
    expect(built.pages.filter((url) => url.includes("social-kit"))).toEqual([]);
    for (const file of files.filter((f) => /\.(html|csv|ics|txt|xml)$/.test(f))) {
      const text = await readFile(path.join(publicDir, file), "utf8");
      expect(text, file).not.toContain("Antwortvorlagen");
      expect(text, file).not.toContain("Hinweis auf die Regeln");
    }
    // The pictures posts attach stay public: scheduling tools fetch them from the site.
    expect(files.some((f) => f.startsWith(path.join("assets", "social", "marktplatz")))).toBe(true);
  });

  it("builds the kits into their own folder, which works on its own server", async () => {
    for (const c of model.campaigns) {
      const page = await readFile(fileOf(kitDir, socialKitPath(c)), "utf8");
      const $ = cheerio.load(page);
      expect($("h1").text()).toBe("Social-Media-Kit");
      for (const ref of [...$("img").map((_, el) => $(el).attr("src")).get(), ...$("link[rel=stylesheet]").map((_, el) => $(el).attr("href")).get(), ...$("a[download]").map((_, el) => $(el).attr("href")).get()]) {
        expect(existsSync(fileOf(kitDir, ref)), ref).toBe(true);
      }
    }
    // With the security headers for its server (docs/adr/016).
    expect(await readFile(path.join(kitDir, "_headers"), "utf8")).toMatch(/^ {2}Content-Security-Policy: default-src 'self';/m);
    // A second build replaces the kit folder it made; a folder it did not make is refused.
    await buildSite({ campaignsDir: "campaigns", outDir: publicDir, kitOutDir: kitDir, now: NOW, quiet: true, cardCacheDir });
    expect(existsSync(fileOf(kitDir, "/marktplatz/social-kit/"))).toBe(true);
    await expect(buildSite({ campaignsDir: "campaigns", outDir: publicDir, kitOutDir: "campaigns", now: NOW, quiet: true, cardCacheDir })).rejects.toThrow(/Refusing to replace .*campaigns: it is not empty and has no \.mitreden-kit/);
  });
});

describe("rebuild", () => {
  it("renders no card when nothing changed", () => {
    // A fresh cache: the first build renders the cards (kit images that look like a page's card are reused).
    expect(first.cards.rendered).toBeGreaterThan(sitemap.length);
    expect(second.cards.rendered).toBe(0);
    expect(second.cards.reused).toBe(first.cards.rendered + first.cards.reused);
    expect(second.pages).toEqual(first.pages);
  });
});
