// What a manual BITV-style test found beyond the automated audit (issue 15), on the built pages:
// the pages BITV 2.0 § 4 asks for (the explanation in Leichte Sprache and the page for the video in
// Deutsche Gebärdensprache, linked from every page in every interface language, and what validation
// says about them), the one enforcement body a city has (finding 10), titles and headings (11, 12).
import { writeFile } from "node:fs/promises";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateCampaigns } from "../../src/campaign/validate.js";
import { fixtureVariant } from "./fixture-variant.js";
import { buildInto, type BuiltSite } from "./site-support.js";

let examples: BuiltSite;
beforeAll(async () => {
  examples = await buildInto("campaigns");
}, 180_000);
afterAll(async () => examples?.remove());

describe("the Leichte Sprache page", () => {
  it("explains the campaign site in German, with the campaign's own text and a way to take part", () => {
    const $ = examples.load("/marktplatz/leichte-sprache/");
    expect($("html").attr("lang")).toBe("de");
    expect($("h1").text()).toBe("Leichte Sprache");
    expect($("title").text()).toBe("Leichte Sprache – Neugestaltung Marktplatz – Stadt Musterstadt");
    const main = $("main").text();
    // The campaign's part (accessibility.easyLanguage) …
    expect(main).toContain("Der Markt·platz soll neu werden.");
    // … and the site's: what it is, how to take part (a link to each survey and map), help.
    expect($("h2").map((_, h) => $(h).text()).get()).toEqual([
      "Was ist diese Internet·seite?",
      "Worum geht es?",
      "Wie machen Sie mit?",
      "So finden Sie sich zurecht",
      "Was hilft beim Benutzen?",
      "Sie brauchen Hilfe?",
    ]);
    expect($('.mr-easy-read a[href="/marktplatz/umfrage/"]').text()).toBe("Umfrage: Ihr Marktplatz");
    expect($('.mr-easy-read a[href="/marktplatz/karte/"]').text()).toBe("Ideenkarte");
    expect($('main a[href="/marktplatz/gebaerdensprache/"]')).toHaveLength(1);
    expect($('main a[href="/marktplatz/accessibility/"]')).toHaveLength(1);
    expect($('main a[href="mailto:barrierefreiheit@musterstadt.de"]')).toHaveLength(1);
    // Leichte Sprache: one statement per paragraph, short sentences, no abbreviations like "z. B.".
    for (const p of $(".mr-easy-read > p").map((_, e) => $(e).text()).get()) {
      for (const sentence of p.split(/(?<=[.?!:])\s+/)) expect(sentence.split(/\s+/).length, sentence).toBeLessThanOrEqual(15);
      expect(p).not.toMatch(/\b(z\. ?B\.|bzw\.|ggf\.|usw\.|d\. ?h\.)/);
    }
  });

  it("says honestly that the campaign's text is missing, and whom to ask, when the city gives none", async () => {
    const dir = await fixtureVariant((c) => delete c.accessibility.easyLanguage, "easy-missing");
    const { problems } = await validateCampaigns(dir);
    const warning = problems.find((p) => p.pointer === "/accessibility" && p.severity === "warning");
    expect(warning?.message).toMatch(/no "easyLanguage".*\/buergerhaushalt\/leichte-sprache\/.*checked by readers from the target group/);
    const site = await buildInto(dir);
    try {
      const $ = site.load("/buergerhaushalt/leichte-sprache/");
      expect($("main").text()).toContain("Zu diesem Thema gibt es noch keinen Text in Leichter Sprache.");
      expect($("main").text()).not.toMatch(/geprüft/);
    } finally {
      await site.remove();
    }
  }, 120_000);
});

describe("the DGS page", () => {
  it("says the video follows, and where the information is meanwhile, when there is none", () => {
    const $ = examples.load("/marktplatz/gebaerdensprache/");
    expect($("h1").text()).toBe("Gebärdensprache");
    expect($("main video")).toHaveLength(0);
    expect($("main h2").first().text()).toBe("Das Video folgt");
    expect($('main a[href="/marktplatz/leichte-sprache/"]')).toHaveLength(1);
  });

  it("plays the city's own video file with German captions and a transcript, all from the site itself", async () => {
    const dir = await fixtureVariant((c) => {
      c.accessibility.signLanguageVideo = {
        src: "media/dgs.mp4",
        poster: "media/rathaus.jpg",
        captions: "media/dgs.vtt",
        transcript: { de: "Willkommen beim **Bürgerhaushalt**.", en: "Welcome." },
      };
    }, "dgs-video");
    const media = path.join(dir, "buergerhaushalt", "media");
    await writeFile(path.join(media, "dgs.mp4"), "not really a video, but the build only copies it");
    await writeFile(path.join(media, "dgs.vtt"), "WEBVTT\n\n00:00.000 --> 00:02.000\nWillkommen\n");
    expect((await validateCampaigns(dir)).problems.filter((p) => p.severity === "error")).toEqual([]);
    const site = await buildInto(dir);
    try {
      const $ = site.load("/buergerhaushalt/gebaerdensprache/");
      const video = $("main video");
      expect(video.attr("controls")).toBeDefined();
      expect(video.attr("poster")).toBe("/buergerhaushalt/gebaerdensprache/rathaus.jpg");
      expect(video.find("source").attr("src")).toBe("/buergerhaushalt/gebaerdensprache/dgs.mp4");
      expect(video.find("source").attr("type")).toBe("video/mp4");
      const track = video.find("track");
      expect([track.attr("kind"), track.attr("srclang"), track.attr("src")]).toEqual(["captions", "de", "/buergerhaushalt/gebaerdensprache/dgs.vtt"]);
      expect(track.attr("default")).toBeDefined();
      expect($("main strong").text()).toBe("Bürgerhaushalt");
      for (const file of ["dgs.mp4", "dgs.vtt", "rathaus.jpg"]) expect(existsSync(path.join(site.outDir, "buergerhaushalt", "gebaerdensprache", file)), file).toBe(true);
    } finally {
      await site.remove();
    }
  }, 120_000);

  it("refuses captions that are not WebVTT and a video file that is missing, at their fields", async () => {
    const dir = await fixtureVariant((c) => {
      c.accessibility.signLanguageVideo = { src: "media/fehlt.mp4", captions: "media/untertitel.srt", transcript: { de: "x", en: "x" } };
    }, "dgs-bad");
    await writeFile(path.join(dir, "buergerhaushalt", "media", "untertitel.srt"), "1\n00:00:00,000 --> 00:00:02,000\nHallo\n");
    const errors = (await validateCampaigns(dir)).problems.filter((p) => p.severity === "error");
    expect(errors.map((e) => [e.pointer, e.message.replace(/: .*fehlt.mp4.*/, "")])).toEqual([
      ["/accessibility/signLanguageVideo/src", "video file not found"],
      ["/accessibility/signLanguageVideo/captions", '"media/untertitel.srt" is not a WebVTT file (it must start with "WEBVTT"); browsers show only WebVTT captions in <track>'],
    ]);
  });
});

describe("links to both pages", () => {
  it("are in the footer of every campaign page, in every interface language, with pictograms", () => {
    const pages = examples.htmlUrls.filter((u) => /^\/(marktplatz|radverkehr)\//.test(u) && !u.includes("social-kit"));
    expect(pages.length).toBeGreaterThan(15);
    for (const url of pages) {
      const $ = examples.load(url);
      const slug = url.split("/")[1];
      const footer = $("footer.mr-site-footer");
      const easy = footer.find(`a[href="/${slug}/leichte-sprache/"]`);
      const sign = footer.find(`a[href="/${slug}/gebaerdensprache/"]`);
      expect(easy.find("svg.mr-pictogram[aria-hidden=true]"), url).toHaveLength(1);
      expect(sign.find("svg.mr-pictogram[aria-hidden=true]"), url).toHaveLength(1);
      if ($("html").attr("lang") === "en") {
        expect(easy.text().trim()).toBe("Easy-to-read German (Leichte Sprache)");
        expect(sign.text().trim()).toBe("German Sign Language (DGS)");
        expect(easy.attr("hreflang")).toBe("de");
      } else {
        expect(easy.text().trim()).toBe("Leichte Sprache");
        expect(sign.text().trim()).toBe("Gebärdensprache");
      }
    }
  });

  it("are on the landing page and in the sitemap", () => {
    const $ = examples.load("/radverkehr/en/");
    expect($('main a[href="/radverkehr/leichte-sprache/"]').text().trim()).toBe("Easy-to-read German (Leichte Sprache)");
    const sitemap = readFileSync(path.join(examples.outDir, "sitemap.xml"), "utf8");
    for (const slug of ["marktplatz", "radverkehr"]) {
      expect(sitemap).toContain(`<loc>https://mitreden.musterstadt.de/${slug}/leichte-sprache/</loc>`);
      expect(sitemap).toContain(`<loc>https://mitreden.musterstadt.de/${slug}/gebaerdensprache/</loc>`);
    }
  });

  it("are named in the accessibility statement, in German and English", () => {
    for (const url of ["/radverkehr/accessibility/", "/radverkehr/en/accessibility/"]) {
      const $ = examples.load(url);
      const section = $("h2#easy-read").next("p").next("ul");
      expect(section.find('a[href="/radverkehr/leichte-sprache/"]'), url).toHaveLength(1);
      expect(section.find('a[href="/radverkehr/gebaerdensprache/"]'), url).toHaveLength(1);
    }
  });

  it("have page ids of their own that a campaign page may not take", async () => {
    const dir = await fixtureVariant((c) => (c.pages[0].id = "leichte-sprache"), "easy-id");
    const errors = (await validateCampaigns(dir)).problems.filter((p) => p.severity === "error");
    expect(errors.map((e) => e.message).join("\n")).toMatch(/page id "leichte-sprache" is reserved/);
  });
});

describe("the enforcement body (finding 10)", () => {
  it("is the same for every campaign of a city: NRW's Ombudsstelle from site.json, in German and English", () => {
    for (const url of ["/marktplatz/accessibility/", "/radverkehr/accessibility/"]) {
      const $ = examples.load(url);
      expect($('a[href="https://www.lbbp.nrw.de/ombudsstelle"]'), url).toHaveLength(1);
      expect($("main").text(), url).not.toContain("schlichtungsstelle-bgg");
    }
    expect(examples.load("/radverkehr/en/accessibility/")("main").text()).toContain("Musterstadt is in North Rhine-Westphalia.");
  });

  it("written in site.json in more languages than one campaign has, is no warning", async () => {
    const { problems } = await validateCampaigns("campaigns");
    expect(problems.filter((p) => p.file.endsWith("site.json"))).toEqual([]);
  });
});

describe("the survey's location question (finding 6)", () => {
  it("has the map its hint promises, and the two ways without it", () => {
    const $ = examples.load("/marktplatz/umfrage/");
    const question = $('[data-question="lieblingsort"]');
    expect(question.find(".kern-hint").first().text()).toMatch(/Punkt auf die Karte/);
    expect(question.find("[data-map-frame]")).toHaveLength(1);
    expect(question.find("select")).toHaveLength(1);
    expect(question.find("textarea, input[type=text]").length).toBeGreaterThan(0);
  });
});

describe("titles and headings (findings 11, 12)", () => {
  it("gives every page a <title> of its own: a poster's starts with \"Plakat:\", not with its page's title", () => {
    const titles = new Map<string, string>();
    for (const url of examples.htmlUrls) {
      const title = examples.load(url)("title").text();
      expect(titles.get(title), `${url} has the <title> of ${titles.get(title)}`).toBeUndefined();
      titles.set(title, url);
    }
    const posters = examples.htmlUrls.filter((u) => u.includes("/social-kit/") && u !== "/marktplatz/social-kit/" && u !== "/radverkehr/social-kit/" && u.endsWith("/"));
    expect(posters.length).toBeGreaterThan(3);
    for (const url of posters) expect(examples.load(url)("title").text(), url).toMatch(/^(Plakat|Poster): /);
  });

  it("gives the social kit one heading per name, and posts their titles, not internal ids", () => {
    const $ = examples.load("/marktplatz/social-kit/");
    const h12 = $("h1, h2").map((_, h) => $(h).text().trim()).get();
    expect(new Set(h12).size, h12.join(" | ")).toBe(h12.length);
    const posts = $("article.mr-kit__post > h3").map((_, h) => $(h).text().trim()).get();
    expect(posts.length).toBeGreaterThan(3);
    for (const title of posts) expect(title).not.toMatch(/^[a-z0-9-]+: /);
  });
});

describe("the built stylesheet (finding 1)", () => {
  it("keeps the forced-colours rules for checkboxes and radios, in system colours", () => {
    const href = examples.load("/marktplatz/umfrage/")('link[rel="stylesheet"]').first().attr("href")!;
    const css = readFileSync(path.join(examples.outDir, href), "utf8");
    const forced = [...css.matchAll(/@media\s*\(\s*forced-colors\s*:\s*active\s*\)\s*\{/g)].map((m) => css.slice(m.index, m.index + 3000));
    const ours = forced.find((block) => /kern-form-check__radio:focus-visible/.test(block) && /highlight/i.test(block));
    expect(ours, "no @media (forced-colors: active) block with the radio's Highlight ring").toBeDefined();
    expect(ours).toMatch(/kern-form-check__checkbox:checked:+before\s*\{\s*border-color\s*:\s*CanvasText/i);
    expect(ours).toMatch(/kern-form-check__radio:checked:+before\s*\{\s*background-color\s*:\s*CanvasText/i);
  });
});
