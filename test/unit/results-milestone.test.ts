// The kit's "results" milestone: on the day the results page publishes its figures (publishFrom),
// a draft post in German and English that leads to the results page with a counted short link per
// platform, like a post's; in the editorial plan (CSV), the calendar (.ics) and the reach chart.
import { parse } from "csv-parse/sync";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { milestones } from "../../src/campaign/milestones.js";
import type { CampaignModel, ResultsPageModel } from "../../src/campaign/model.js";
import { findShortLink } from "../../src/campaign/short-links.js";
import { calendarIcs } from "../../src/site/social/calendar.js";
import { draftPosts } from "../../src/site/social/drafts.js";
import { planCsv } from "../../src/site/social/plan.js";
import { cardAlt, cardPages } from "../../src/site/cards/index.js";
import { CardRenderer } from "../../src/site/cards/render.js";
import { exampleModel, tempDir } from "./cards-helpers.js";

const model = await exampleModel();
const marktplatz = model.campaigns.find((c) => c.slug === "marktplatz")!;

/** Marktplatz in German and English, its results out on 20 May 2027 (five weeks after the end). */
function later(campaign: CampaignModel): CampaignModel {
  const pages = campaign.pages.map((p) => (p.type === "results" ? ({ ...p, publishFrom: "2027-05-20T08:00:00.000Z" } satisfies ResultsPageModel) : p));
  const both = <T extends Record<string, string>>(text: T) => ({ ...text, en: text.en ?? `${text.de} (en)` });
  return { ...campaign, locales: ["de", "en"], title: both(campaign.title), pages };
}

describe("the results milestone", () => {
  it("is the day the results page publishes; the thanks the day after the end stay a milestone of their own when that is later", () => {
    const campaign = later(marktplatz);
    expect(milestones(campaign).map((m) => [m.id, m.date])).toEqual([
      ["launch", "2027-03-01"],
      ["one-week-left", "2027-04-08"],
      ["last-day", "2027-04-15"],
      ["closed", "2027-04-16"],
      ["results", "2027-05-20"],
    ]);
    // Results out the day after the end (Marktplatz's default): one post says thanks and shows them.
    expect(milestones(marktplatz).map((m) => m.id)).toEqual(["launch", "one-week-left", "last-day", "results"]);
    // No results page: the thanks, no results.
    const plain = { ...marktplatz, pages: marktplatz.pages.filter((p) => p.type !== "results") };
    expect(milestones(plain).map((m) => m.id)).toEqual(["launch", "one-week-left", "last-day", "closed"]);
  });

  it("gets a draft in German and English with the short link of each platform, leading to the results page", () => {
    const campaign = later(marktplatz);
    const draft = draftPosts(campaign).find((d) => d.milestone.id === "results")!;
    expect(draft.date).toBe("2027-05-20T09:00:00+02:00"); // 09:00, summer time
    expect(draft.url).toEqual({ de: "https://mitreden.musterstadt.de/marktplatz/ergebnisse/", en: "https://mitreden.musterstadt.de/marktplatz/en/ergebnisse/" });
    const ig = (locale: string) => draft.links.find((l) => l.platform === "instagram" && l.locale === locale)!;
    expect(ig("de").url).toBe("https://mitreden.musterstadt.de/l/marktplatz-results-ig");
    expect(ig("de").text).toMatch(/^Wir haben gefragt, Sie haben geantwortet: Die Ergebnisse von „.+“ sind da.* https:\/\/mitreden\.musterstadt\.de\/l\/marktplatz-results-ig$/);
    expect(ig("en").text).toMatch(/^We asked, you answered: the results of “.+” are out.* https:\/\/mitreden\.musterstadt\.de\/l\/marktplatz-results-ig-en$/);
    // The short link answers, and leads to the results page in the post's language.
    const site = { campaigns: model.campaigns.map((c) => (c.slug === "marktplatz" ? campaign : c)) };
    expect(findShortLink(site, "marktplatz-results-ig-en")!.target).toMatch(/^https:\/\/mitreden\.musterstadt\.de\/marktplatz\/en\/ergebnisse\/\?utm_source=instagram&/);
    // The "closed" draft still leads to the landing page, without a short link.
    const closed = draftPosts(campaign).find((d) => d.milestone.id === "closed")!;
    expect(closed.links).toEqual([]);
    expect(closed.text.de).toContain("ist beendet");
  });

  it("stands in the editorial plan with a row per platform and language, and in the calendar", () => {
    const campaign = later(marktplatz);
    const drafts = draftPosts(campaign);
    const rows: string[][] = parse(planCsv(campaign, [], drafts, () => []), { delimiter: ";", bom: true });
    const results = rows.slice(1).filter((r) => r[0] === "2027-05-20");
    const platforms = new Set(campaign.social.posts.flatMap((p) => p.platforms)).size;
    expect(results).toHaveLength(platforms * 2);
    const instagram = results.find((r) => r[2] === "Instagram" && r[4] === "de")!;
    expect(instagram.slice(0, 6)).toEqual(["2027-05-20", "09:00", "Instagram", expect.any(String), "de", "Entwurf"]);
    expect(instagram[7]).toBe("https://mitreden.musterstadt.de/l/marktplatz-results-ig");
    expect(instagram[6]).toContain(instagram[7]);

    const events = new ICAL.Component(ICAL.parse(calendarIcs(campaign, [], drafts, new Date("2027-03-01T00:00:00Z")))).getAllSubcomponents("vevent").map((e) => new ICAL.Event(e));
    expect(events.find((e) => e.uid.startsWith("marktplatz-results@"))!.summary).toBe("Ergebnisse veröffentlicht: " + campaign.title.de);
    const draft = events.find((e) => e.uid.startsWith("marktplatz-draft-results@"))!;
    expect(draft.summary).toBe("Entwurf: Ergebnisse veröffentlicht");
    expect(draft.description).toContain("Die Ergebnisse von");
    expect(draft.description).toContain("the results of");
  });
});

describe("the results page's share card", () => {
  it("names the page and the campaign and says from when results are out, in each language", async () => {
    const cards = cardPages(model).filter((p) => p.url === "/marktplatz/ergebnisse/");
    expect(cards).toHaveLength(1);
    const card = cards[0]!;
    expect(card.name).toBe("marktplatz-ergebnisse-de");
    expect(card.content).toMatchObject({ title: "Ergebnisse", period: "ab 16. April 2027", address: "mitreden.musterstadt.de/marktplatz/ergebnisse" });
    expect(cardAlt(card.content)).toContain("Ergebnisse. ");
    const renderer = await CardRenderer.create(await tempDir("results-card"));
    const words = JSON.stringify((await renderer.layout(card.content, "link")).node);
    for (const text of ["Ergebnisse", "ab 16. April 2027", "mitreden.musterstadt.de/marktplatz/ergebnisse"]) expect(words).toContain(text);
    const english = cardPages({ ...model, campaigns: [later(marktplatz)] }).find((p) => p.url === "/marktplatz/en/ergebnisse/")!;
    expect(english.content.period).toBe("from 20 May 2027");
  }, 60_000);
});
