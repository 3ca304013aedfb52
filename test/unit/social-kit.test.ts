// The social-media kit of the example campaigns (issue 14): each post on each platform in the one
// way that platform shows it, with pictures only where the platform shows them together with the
// link, every picture with the web address, alt texts that describe the picture without repeating
// a sentence, an editorial plan German Excel opens in columns, the scheduling tools' documented
// layouts, a calendar with readable titles and reminders, reply, crisis and draft templates, and
// QR codes that scan back to their short link.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { load } from "cheerio";
import { parse } from "csv-parse/sync";
import ICAL from "ical.js";
import jsQRModule from "jsqr";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import type { CampaignModel, PostModel } from "../../src/campaign/model.js";
import { findShortLink } from "../../src/campaign/short-links.js";
import { PLATFORM_LIMITS, postLength } from "../../src/campaign/social-text.js";
import { formatNumber, intlLocale } from "../../src/i18n/index.js";
import { buildSocialKit, type KitData, type KitEntry } from "../../src/site/social/index.js";
import { planHeader } from "../../src/site/social/plan.js";
import { BUFFER_COLUMNS, TOOL_DOCS } from "../../src/site/social/tools.js";
import { exampleModel, templates, tempDir } from "./cards-helpers.js";

// jsqr is CommonJS with an ES-style default export: TypeScript sees the module object, Node the function or it.
type Decode = (data: Uint8ClampedArray, width: number, height: number) => { data: string; version: number } | null;
const jsQR = ((jsQRModule as unknown as { default?: Decode }).default ?? jsQRModule) as unknown as Decode;
const SIZES = [[1200, 630], [1080, 1080], [1080, 1350], [1080, 1920]];
let outDir: string;
const kits = new Map<string, { campaign: CampaignModel; kit: KitData }>();
const model = await exampleModel();

beforeAll(async () => {
  const work = await tempDir("social-kit");
  outDir = path.join(work, "_site");
  for (const campaign of model.campaigns) {
    const kit = await buildSocialKit(campaign, outDir, { cacheDir: path.join(work, "cache"), now: new Date("2027-02-01T12:00:00Z") });
    kits.set(campaign.slug, { campaign, kit });
  }
});

const site = (url: string) => path.join(outDir, new URL(url, "https://x").pathname);
const entriesOf = (slug: string) => kits.get(slug)!.kit.posts.flatMap((p) => p.entries);
const entry = (slug: string, post: string, platform: string, locale = "de") => entriesOf(slug).find((e) => e.id === `post-${post}-${platform}-${locale}`)!;
const postOf = (slug: string, id: string): PostModel => kits.get(slug)!.campaign.social.posts.find((p) => p.id === id)!;

describe("posts", () => {
  it("lists every post on every platform it names, in every language, counted as validation counts", () => {
    for (const { campaign, kit } of kits.values()) {
      expect(kit.posts.map((p) => p.id)).toEqual(campaign.social.posts.map((p) => p.id));
      for (const post of campaign.social.posts) {
        const entries = kit.posts.find((p) => p.id === post.id)!.entries;
        expect(entries.length).toBe(post.platforms.length * campaign.locales.length);
        for (const e of entries) {
          const platform = post.platforms.find((p) => e.id === `post-${post.id}-${p}-${e.locale}`)!;
          expect(platform).toBeDefined();
          expect(e.composed.startsWith(post.text[e.locale]!.trim())).toBe(true);
          const length = postLength(platform, e.composed, e.composed.includes(e.link.url) ? e.link.url : "");
          // A story has no caption to count.
          if (e.way.startsWith("Story")) {
            // A story has no caption to count: the kit says so instead of "0 of 2,200".
            expect(e.countLabel).toContain("keinen Beitragstext");
          } else {
            expect(e.countLabel).toContain(formatNumber(length, intlLocale(campaign.locale)));
            expect(e.countLabel).toContain(formatNumber(PLATFORM_LIMITS[platform], intlLocale(campaign.locale)));
          }
          expect(e.fits).toBe(true);
        }
      }
    }
  });

  it("gives out a short link per post and platform that leads to the page with the post's UTM parameters", () => {
    for (const { campaign } of kits.values()) {
      for (const e of entriesOf(campaign.slug)) {
        const post = campaign.social.posts.find((p) => e.id.startsWith(`post-${p.id}-`))!;
        expect(e.link.url).toMatch(new RegExp(`^${campaign.site.baseUrl}/l/[a-z0-9-]+$`));
        const link = findShortLink(model, e.link.url.split("/l/")[1]!)!;
        expect(link.target).toBe(e.target);
        expect(Object.fromEntries(new URL(e.target).searchParams)).toEqual({ utm_source: e.platform, utm_medium: "social", utm_campaign: campaign.slug, utm_content: post.id });
      }
    }
    expect(entry("marktplatz", "start", "instagram").link.url).toBe("https://mitreden.musterstadt.de/l/marktplatz-start-ig");
    expect(entry("radverkehr", "start", "mastodon", "en").link.url).toBe("https://mitreden.musterstadt.de/l/radverkehr-start-masto-en");
  });

  it("offers a picture only where the platform shows it together with the link", () => {
    // A link post: the text with the link; Mastodon, Bluesky, X and the others draw the preview from the page.
    for (const platform of ["mastodon", "x", "bluesky"]) {
      const e = entry("marktplatz", "ideenkarte", platform);
      expect(e.images, platform).toEqual([]);
      expect(e.composed.endsWith(e.link.url)).toBe(true);
      expect(e.preview.linkHost).toBe("mitreden.musterstadt.de");
    }
    for (const platform of ["mastodon", "bluesky", "facebook"]) expect(entry("radverkehr", "start", platform).images).toEqual([]);
    // Instagram has no link posts: a picture, the link in the bio, and the caption says so.
    for (const e of [entry("marktplatz", "ideenkarte", "instagram"), entry("radverkehr", "start", "instagram", "en")]) {
      expect(e.images.map((i) => [i.width, i.height])).toEqual([[1080, 1350]]);
      expect(e.composed).not.toContain("https://");
      expect(e.composed.endsWith(e.locale === "de" ? "Link in der Bio" : "Link in bio")).toBe(true);
      expect(e.link.label).toBe("Link für die Bio");
    }
    // An image post: 4:5 where feeds show it whole, the square elsewhere; the link in the text.
    for (const [platform, size] of [["facebook", [1080, 1350]], ["linkedin", [1080, 1350]], ["mastodon", [1080, 1080]], ["x", [1080, 1080]], ["bluesky", [1080, 1080]]] as const) {
      const e = entry("marktplatz", "start", platform);
      expect(e.images.map((i) => [i.width, i.height]), platform).toEqual([size]);
      expect(e.composed.endsWith(e.link.url)).toBe(true);
    }
    // A carousel: the slides in 4:5, at most four where the platform shows no more.
    expect(entry("marktplatz", "spaziergang", "instagram").images).toHaveLength(postOf("marktplatz", "spaziergang").slides.length);
    expect(entry("marktplatz", "spaziergang", "mastodon").images).toHaveLength(4);
    // A story: 9:16 with the link on the sticker, and a Reel cover on Instagram.
    const story = entry("marktplatz", "story-endspurt", "instagram");
    expect(story.images.map((i) => [i.format, i.width, i.height])).toEqual([["story", 1080, 1920], ["reel", 1080, 1920]]);
    expect(story.link.label).toBe("Link für den Link-Sticker");
    expect(entry("marktplatz", "story-endspurt", "facebook").images.map((i) => i.format)).toEqual(["story"]);
  });

  it("writes every picture at its declared size, with the photo's credit next to it and in the text where a photo goes out", async () => {
    for (const e of [...entriesOf("marktplatz"), ...entriesOf("radverkehr")]) {
      for (const image of e.images) {
        const meta = await sharp(site(image.path)).metadata();
        expect([meta.width, meta.height]).toEqual([image.width, image.height]);
        expect(SIZES).toContainEqual([image.width, image.height]);
        expect(image.url).toBe(`https://mitreden.musterstadt.de${image.path}`);
        expect(image.credit).toBe(e.locale === "de" ? "Illustration: Stadt Musterstadt" : "Illustration: City of Musterstadt");
      }
      // Image posts carry the credit in their text (no platform has a field for it); stories have no text.
      if (e.images.length && !e.way.startsWith("Story")) expect(e.composed).toContain(e.images[0]!.credit);
      if (!e.images.length) expect(e.composed).not.toContain("Illustration:");
    }
  });

  it("composes alt texts from the card's words and the picture's own description, without a repeated sentence", () => {
    const { campaign, kit } = kits.get("marktplatz")!;
    const heute = campaign.pages.find((p) => p.id === "worum-es-geht")!;
    const pictures = [campaign.hero!.alt.de!, heute.type === "info" ? heute.image!.alt.de! : ""];
    const alts = [...kit.cards.map((c) => c.image), ...entriesOf("marktplatz").flatMap((e) => e.images)].map((i) => i.alt);
    for (const alt of alts) {
      expect(pictures.some((p) => alt.includes(p)), alt).toBe(true);
      const sentences = alt.split(/(?<=[.!?])\s+/).map((s) => s.toLowerCase());
      expect(new Set(sentences).size, alt).toBe(sentences.length);
    }
    // The map card's subtitle says "Mitmachen bis 15. April 2027": the period is not said twice.
    const karte = kit.cards.find((c) => c.image.path.includes("marktplatz-karte-de"))!.image.alt;
    expect(karte.match(/15\. April 2027/g)).toHaveLength(1);
    expect(karte.startsWith("Neugestaltung Marktplatz – Ihre Ideen für den Marktplatz – direkt auf der Karte.")).toBe(true);
  });

  it("hints at the post language on Mastodon and Bluesky in a two-language campaign, and at mentions on Facebook", () => {
    expect(entry("radverkehr", "start", "mastodon").hints.join(" ")).toContain("Deutsch und Englisch");
    expect(entry("radverkehr", "start", "bluesky", "en").hints).toHaveLength(1);
    expect(entry("marktplatz", "start", "mastodon").hints).toEqual([]);
    const facebook = entry("marktplatz", "start", "facebook");
    expect(facebook.composed).toContain("@Innenstadt Musterstadt");
    expect(facebook.hints.join(" ")).toContain("@ tippen");
    expect(entry("radverkehr", "start", "mastodon").composed).toContain("@adfc_musterstadt@norden.social");
  });

  it("uses each platform's hashtags", () => {
    expect(entry("marktplatz", "start", "instagram").composed).toContain("#Musterstadt #MarktplatzMusterstadt #MusterstadtRedetMit");
    expect(entry("marktplatz", "start", "x").composed).toContain("\n#MarktplatzMusterstadt\n");
    expect(entry("marktplatz", "start", "mastodon").composed).toContain("\n#Musterstadt #MarktplatzMusterstadt\n");
  });

  it("previews each post as the feed shows it: Instagram folds the text after 125 characters", () => {
    const e = entry("marktplatz", "start", "instagram");
    expect(e.preview.folded).toBe(true);
    expect([...e.preview.text].length).toBeLessThanOrEqual(125);
    expect(e.preview.image?.frame).toBe("portrait");
    expect(entry("marktplatz", "story-endspurt", "instagram").preview.image?.frame).toBe("story");
  });
});

describe("editorial plan", () => {
  it("is a spreadsheet for German Excel: ';', byte order mark, every column, the team's columns empty", async () => {
    const { campaign, kit } = kits.get("radverkehr")!;
    const text = await readFile(site(kit.calendar.plan), "utf8");
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(text).toContain("\r\n");
    const rows: string[][] = parse(text, { delimiter: ";", bom: true, relax_column_count: false });
    expect(rows[0]).toEqual(planHeader("de"));
    expect(rows[0]).toEqual(["Datum", "Uhrzeit", "Plattform", "Konto", "Sprache", "Format", "Text", "Link", "Bilddatei", "Alternativtext", "Erster Kommentar", "Verantwortlich", "Status", "Freigabe durch"]);
    const body = rows.slice(1);
    const posts = campaign.social.posts.reduce((n, p) => n + p.platforms.length * campaign.locales.length, 0);
    expect(body.length).toBe(posts + kit.drafts.length * campaign.locales.length);
    for (const row of body) {
      expect(row).toHaveLength(14);
      expect(row[0]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(row[1]).toMatch(/^\d{2}:\d{2}$/);
      expect(row.slice(12)).toEqual(["", ""]);
    }
    const x = body.find((r) => r[2] === "X" && r[4] === "en")!;
    expect(x.slice(0, 6)).toEqual(["2027-05-24", "17:00", "X", "", "en", "Bildbeitrag"]);
    expect(x[8]).toMatch(/^https:\/\/mitreden\.musterstadt\.de\/assets\/social\/radverkehr\/radverkehr-endspurt-square-en\.[0-9a-f]{8}\.jpg$/);
    expect(x[9]).toContain("Drawing of a street with a green bike lane");
    expect(x[11]).toBe("Amt für Mobilität, Öffentlichkeitsarbeit");
    const mastodon = body.find((r) => r[2] === "Mastodon")!;
    expect(mastodon[3]).toBe("musterstadt@social.musterstadt.de");
  });
});

describe("scheduling tools", () => {
  const files = async (slug: string, tool: string) => {
    const { kit } = kits.get(slug)!;
    const found = kit.tools.find((t) => t.tool === tool)!;
    return Promise.all(found.files.map(async (f) => ({ ...f, text: await readFile(site(f.href), "utf8") })));
  };

  // https://support.buffer.com/article/926-how-to-upload-posts-in-bulk-to-buffer
  it("writes Buffer's documented columns: Text, Image URL, Tags, Posting Time", async () => {
    expect(TOOL_DOCS.buffer).toBe("https://support.buffer.com/article/926-how-to-upload-posts-in-bulk-to-buffer");
    const written = await files("marktplatz", "buffer");
    expect(written.map((f) => f.name)).toContain("marktplatz-buffer-instagram-de.csv");
    for (const file of written) {
      expect(file.text.startsWith("Text,Image URL,Tags,Posting Time\r\n")).toBe(true);
      const rows: Record<string, string>[] = parse(file.text, { columns: true });
      expect(Object.keys(rows[0]!)).toEqual([...BUFFER_COLUMNS]);
      for (const row of rows) {
        expect(row["Posting Time"]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
        if (row["Image URL"]) expect(row["Image URL"]).toMatch(/^https:\/\/mitreden\.musterstadt\.de\/assets\/social\/.+\.(jpg|png)$/);
        expect(row.Text!.length).toBeGreaterThan(20);
      }
    }
    const instagram = parse(written.find((f) => f.name === "marktplatz-buffer-instagram-de.csv")!.text, { columns: true }) as Record<string, string>[];
    // Instagram needs a picture for every post; the carousel and the story are set up in Buffer itself.
    expect(instagram.map((r) => r["Posting Time"])).toEqual(["2027-03-01 09:00", "2027-03-22 08:30", "2027-04-08 09:00"]);
    expect(instagram.every((r) => r["Image URL"] !== "")).toBe(true);
  });

  // https://help.hootsuite.com/s/article/bulk-schedule
  it("writes Hootsuite's documented layout: no heading, date and time, text, link", async () => {
    expect(TOOL_DOCS.hootsuite).toBe("https://help.hootsuite.com/s/article/bulk-schedule");
    const written = await files("marktplatz", "hootsuite");
    for (const file of written) {
      const rows: string[][] = parse(file.text);
      for (const [when, text, link] of rows) {
        expect(when).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
        expect(Number(when!.slice(-2)) % 5).toBe(0);
        expect(text).not.toContain(link || "\u0000");
        if (link) expect(link).toMatch(/^https:\/\/mitreden\.musterstadt\.de\/l\//);
      }
    }
    const x: string[][] = parse(written.find((f) => f.name === "marktplatz-hootsuite-x-de.csv")!.text);
    expect(x[0]![0]).toBe("01/03/2027 09:00");
    expect(x[0]![2]).toBe("https://mitreden.musterstadt.de/l/marktplatz-start-x");
  });
});

describe("editorial calendar", () => {
  it("is valid iCalendar with readable titles, reminders, every language's text and drafts for milestones without a post", async () => {
    const { campaign, kit } = kits.get("marktplatz")!;
    const text = await readFile(site(kit.calendar.ics), "utf8");
    expect(text.split("\r\n").every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const calendar = new ICAL.Component(ICAL.parse(text));
    const zone = calendar.getFirstSubcomponent("vtimezone");
    expect(zone?.getFirstPropertyValue("tzid")).toBe("Europe/Berlin");
    ICAL.TimezoneService.register(zone!);
    const vevents = calendar.getAllSubcomponents("vevent");
    const events = vevents.map((e) => new ICAL.Event(e));
    const posts = campaign.social.posts.reduce((n, p) => n + p.platforms.length, 0);
    expect(events.length).toBe(4 + posts + kit.drafts.length);

    const start = events.find((e) => e.uid.startsWith("marktplatz-post-start-instagram@"))!;
    expect(start.summary).toBe("Instagram: Start der Beteiligung");
    expect(start.startDate.toJSDate().toISOString()).toBe("2027-03-01T08:00:00.000Z");
    expect(start.description).toContain("Wie soll unser Marktplatz künftig aussehen?");
    // 09:00 on 8 April is CEST: the offset comes from the VTIMEZONE.
    expect(events.find((e) => e.uid.startsWith("marktplatz-post-endspurt-x@"))!.startDate.toString()).toBe("2027-04-08T09:00:00");
    for (const vevent of vevents.filter((v) => /-(post|draft)-/.test(String(v.getFirstPropertyValue("uid"))))) {
      const event = new ICAL.Event(vevent);
      expect(event.summary, event.uid).toMatch(/^(Instagram|Facebook|Mastodon|X|Bluesky|LinkedIn|Threads|Entwurf): \S/);
      const alarm = vevent.getFirstSubcomponent("valarm")!;
      expect(alarm.getFirstPropertyValue("action")).toBe("DISPLAY");
      expect(String(alarm.getFirstPropertyValue("trigger"))).toBe("-PT30M");
    }
    // The last day and the day after have no post: each gets a tentative draft.
    expect(kit.drafts.map((d) => d.id)).toEqual(["draft-last-day", "draft-results"]);
    const lastDay = events.find((e) => e.uid.startsWith("marktplatz-draft-last-day@"))!;
    expect(lastDay.summary).toBe("Entwurf: Letzter Tag der Beteiligung");
    expect(lastDay.startDate.toString()).toBe("2027-04-15T09:00:00");
    expect(lastDay.component.getFirstPropertyValue("status")).toBe("TENTATIVE");
    const day = (id: string) => events.find((e) => e.uid.startsWith(`marktplatz-${id}@`))!.startDate;
    expect(day("launch").toString()).toBe("2027-03-01");
    expect(day("launch").isDate).toBe(true);
    expect(day("results").toString()).toBe("2027-04-16");
  });

  it("carries the English texts of a two-language campaign", async () => {
    const { kit } = kits.get("radverkehr")!;
    const events = new ICAL.Component(ICAL.parse(await readFile(site(kit.calendar.ics), "utf8"))).getAllSubcomponents("vevent").map((e) => new ICAL.Event(e));
    const start = events.find((e) => e.uid.startsWith("radverkehr-post-start-mastodon@"))!;
    expect(start.summary).toBe("Mastodon: Start der Umfrage");
    expect(start.description).toContain("How safe do you feel on your bike in Musterstadt?");
    expect(start.description).toContain("Wie sicher fühlen Sie sich auf dem Rad in Musterstadt?");
  });
});

describe("replies, crises and drafts", () => {
  it("makes reply templates from the campaign, with the campaign's own ones and its FAQ", () => {
    const { kit } = kits.get("marktplatz")!;
    const ids = kit.replies.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining(["reply-where", "reply-deadline", "reply-without-map", "reply-data", "reply-next", "reply-netiquette", "reply-hours", "reply-parken"]));
    const text = (id: string) => kit.replies.find((r) => r.id === id)!.texts[0]!.text;
    expect(text("reply-deadline")).toBe("Sie können bis 15. April 2027 mitmachen: https://mitreden.musterstadt.de/marktplatz/");
    expect(text("reply-without-map")).toContain("„Ideenkarte“");
    expect(text("reply-data")).toContain("https://www.musterstadt.de/datenschutz/buergerbeteiligung");
    expect(text("reply-netiquette")).toContain("https://mitreden.musterstadt.de/marktplatz/#netiquette");
    expect(text("reply-hours")).toContain("montags bis freitags von 9 bis 16 Uhr");
    const faq = kit.replies.find((r) => r.label === "Was passiert mit meinen Beiträgen?")!;
    expect(faq.texts[0]!.text).toMatch(/^Alle Antworten und Hinweise werden .* https:\/\/mitreden\.musterstadt\.de\/marktplatz\/ablauf\/$/);
    // The radverkehr campaign has no map: no reply about taking part without one.
    expect(kits.get("radverkehr")!.kit.replies.map((r) => r.id)).not.toContain("reply-without-map");
    expect(kits.get("radverkehr")!.kit.replies.find((r) => r.id === "reply-where")!.texts.map((t) => t.locale)).toEqual(["de", "en"]);
  });

  it("pairs each crisis template with a notice for the site that says the same", () => {
    const { kit } = kits.get("radverkehr")!;
    expect(kit.crisis.map((c) => c.id)).toEqual(["crisis-disrupted", "crisis-extended", "crisis-cancelled", "crisis-false-claim"]);
    for (const template of kit.crisis) {
      const notice = JSON.parse(template.noticeJson);
      // The extension's notice carries the mark that puts "verlängert bis" on the share cards.
      expect(Object.keys(notice)).toEqual(["id", "from", "until", "level", "text", ...(template.id === "crisis-extended" ? ["extendsPeriod"] : [])]);
      for (const t of template.texts) expect(t.text.startsWith(notice.text[t.locale].replace(/\.$/, ""))).toBe(true);
    }
  });
});

describe("QR codes", () => {
  it("decode to the page's short link, which leads to the page with utm_medium=print; SVG and PNG", async () => {
    for (const { campaign, kit } of kits.values()) {
      expect(kit.qrCodes.length).toBe(campaign.locales.length * (campaign.pages.length + 1));
      for (const qr of kit.qrCodes) {
        expect(qr.url).toMatch(new RegExp(`^${campaign.site.baseUrl}/l/${campaign.slug}(-[a-z0-9-]+)?-qr(-en)?$`));
        const link = findShortLink(model, qr.url.split("/l/")[1]!)!;
        expect(link.medium).toBe("print");
        expect(link.target).toBe(qr.target);
        const target = new URL(qr.target);
        expect(target.searchParams.get("utm_medium")).toBe("print");
        expect(target.searchParams.get("utm_campaign")).toBe(campaign.slug);
        expect(qr.shortUrl).toBe((target.origin + target.pathname).replace(/^https:\/\//, "").replace(/\/$/, ""));
        for (const file of [qr.png, qr.svg]) {
          const { data, info } = await sharp(await readFile(site(file))).resize(600, 600, { kernel: "nearest" }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
          const decoded = jsQR(new Uint8ClampedArray(data), info.width, info.height);
          expect(decoded?.data, file).toBe(qr.url);
        }
        // Quiet zone: the outermost 4 modules of the PNG are white.
        const { data, info } = await sharp(site(qr.png)).raw().toBuffer({ resolveWithObject: true });
        const margin = Math.floor(info.width * 0.03);
        for (let x = 0; x < info.width; x += 7) expect(data[(margin * info.width + x) * info.channels]).toBe(255);
      }
    }
  });
});

describe("kit page and poster", () => {
  it("shows every post × platform with a selectable text, its count, its link and a hidden copy button", () => {
    const env = templates();
    for (const { campaign, kit } of kits.values()) {
      const $ = load(env.render("pages/socialKit.njk", { campaign, locale: campaign.locale, kit }));
      const entries: KitEntry[] = kit.posts.flatMap((p) => p.entries);
      for (const e of entries) {
        const field = $(`#${e.id}`);
        expect(field.text()).toBe(e.composed);
        expect($(`label[for="${e.id}"]`).length).toBe(1);
        expect($(`#${field.attr("aria-describedby")}`).text()).toContain(e.countLabel);
        expect($(`button[data-copy="${e.id}"]`).attr("hidden")).toBeDefined();
        expect(field.closest(".mr-kit__entry").find(`a[href="${e.link.url}"]`)).toHaveLength(1);
        // Alt text of every picture offered, next to it.
        expect(field.closest(".mr-kit__entry").find("textarea[id*=-alt-]")).toHaveLength(e.images.length);
      }
      const ids = $("[id]").map((_, el) => $(el).attr("id")).get();
      expect(new Set(ids).size).toBe(ids.length);
      // Every picture has an alt attribute: its description, or empty in the feed previews (a sketch of the same picture).
      expect($("img:not([alt])")).toHaveLength(0);
      expect($(".mr-feed img[alt!='']")).toHaveLength(0);
      expect($(".mr-feed__phone").attr("aria-hidden")).toBe("true");
      // No style attributes: the site's Content Security Policy allows none.
      expect($("[style]")).toHaveLength(0);
      expect($(`a[href="${kit.calendar.ics}"]`).length).toBe(1);
      expect($(`a[href="${kit.calendar.plan}"]`).length).toBe(1);
      expect($(`script[src="${kit.copyScript}"]`).length).toBe(1);
    }
  });

  it("prints an A4 poster with the title, the QR code and the page's address to type", async () => {
    const env = templates();
    const { campaign, kit } = kits.get("marktplatz")!;
    const poster = kit.posters.find((p) => p.url.endsWith("/umfrage-de/"))!;
    const $ = load(env.render("pages/poster.njk", { campaign, locale: "de", kit, poster }));
    expect($("h1").text()).toBe("Umfrage: Ihr Marktplatz");
    expect($(".mr-poster__url").text()).toBe("mitreden.musterstadt.de/marktplatz/umfrage");
    expect($(".mr-poster__qr").attr("src")).toBe(poster.qrSvg);
    const css = await readFile(site(kit.posterStylesheet), "utf8");
    expect(css).toContain("size: A4");
    // The campaign's colour comes with the stylesheet: no style attribute for a CSP to block.
    expect(css).toContain(`--mr-poster-primary: ${campaign.theme.primary.toLowerCase()};`);
    expect($("[style]")).toHaveLength(0);
  });
});
