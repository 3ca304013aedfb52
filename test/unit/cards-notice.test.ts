// A notice that extends the period (campaign.json notices[].extendsPeriod) says so on the share
// cards: while it shows, the cards (the site's, the kit's link cards, a post's pictures) say
// "verlängert bis <new end>"; before and after it, "bis <end>" as always.
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { CampaignModel, SiteModel } from "../../src/campaign/model.js";
import { cardAlt, cardPages, landingPage, type CardContent } from "../../src/site/cards/index.js";
import { CardRenderer } from "../../src/site/cards/render.js";
import { crisisTemplates } from "../../src/site/social/crisis.js";
import { postCard } from "../../src/site/social/posts.js";
import { exampleModel, tempDir } from "./cards-helpers.js";

// Marktplatz runs until 15 April 2027; the city moves the end to 30 April and says so from 10 April.
const NEW_END = "2027-04-30T23:59:00+02:00";
const DURING = "2027-04-12T10:00:00.000Z";
const BEFORE = "2027-04-05T10:00:00.000Z";
const AFTER = "2027-05-02T10:00:00.000Z";

let base: SiteModel;

function extended(model: SiteModel, extendsPeriod = true): SiteModel {
  const campaigns = model.campaigns.map((c): CampaignModel => {
    if (c.slug !== "marktplatz") return c;
    return {
      ...c,
      period: { ...c.period, end: new Date(NEW_END).toISOString() },
      notices: [
        {
          id: "deadline-extended",
          from: "2027-04-10T06:00:00.000Z",
          until: new Date(NEW_END).toISOString(),
          level: "info",
          text: { de: "Die Beteiligung ist bis 30. April verlängert.", en: "Taking part is extended until 30 April." },
          extendsPeriod,
        },
      ],
    };
  });
  return { ...model, campaigns };
}

const marktplatzCards = (model: SiteModel) => cardPages(model).filter((p) => p.url.startsWith("/marktplatz/"));

beforeAll(async () => {
  base = await exampleModel();
});

describe("a notice that extends the period", () => {
  it("puts the new end on every card of the campaign while it shows, in each language", () => {
    const during = marktplatzCards(extended({ ...base, builtAt: DURING }));
    expect(during.length).toBeGreaterThan(5);
    // The results page's card says when results come ("ab …"), extension or not.
    for (const page of during.filter((p) => !p.url.includes("ergebnisse") && !p.url.includes("results"))) {
      const english = page.content.locale === "en";
      expect(page.content.period, page.url).toBe(english ? "extended until 30 April 2027" : "verlängert bis 30. April 2027");
      expect(cardAlt(page.content), page.url).toContain(english ? "extended until 30 April 2027" : "verlängert bis 30. April 2027");
    }
    // The other campaign has no such notice: its cards stay as they were.
    for (const page of cardPages(extended({ ...base, builtAt: DURING })).filter((p) => p.url.startsWith("/radverkehr/"))) {
      expect(page.content.period ?? "").not.toMatch(/verlängert|extended/);
    }
  });

  it("before and after it the cards say the end as always; a notice without extendsPeriod changes nothing", () => {
    for (const at of [BEFORE, AFTER]) {
      const landing = marktplatzCards(extended({ ...base, builtAt: at })).find((p) => p.url === "/marktplatz/")!;
      expect(landing.content.period, at).toBe("bis 30. April 2027");
    }
    const plain = marktplatzCards(extended({ ...base, builtAt: DURING }, false)).find((p) => p.url === "/marktplatz/")!;
    expect(plain.content.period).toBe("bis 30. April 2027");
  });

  it("draws the changed words into the card, so the picture changes with the notice", async () => {
    const renderer = await CardRenderer.create(await tempDir("cards-notice"));
    const model = extended(base);
    const campaign = model.campaigns.find((c) => c.slug === "marktplatz")!;
    const words = async (content: CardContent) => JSON.stringify((await renderer.layout(content, "link")).node);
    const during = landingPage(campaign, "de", DURING).content;
    const before = landingPage(campaign, "de", BEFORE).content;
    expect(await words(during)).toContain("verlängert bis 30. April 2027");
    expect(await words(before)).not.toContain("verlängert");
    expect(await words(before)).toContain("bis 30. April 2027");
    const hash = async (content: CardContent) => createHash("sha256").update((await renderer.render(content, "link")).png).digest("hex");
    expect(await hash(during)).not.toBe(await hash(before));
  }, 60_000);

  it("a post going out during the notice gets the new end on its pictures; the kit's template marks the notice", () => {
    const model = extended(base);
    const campaign = model.campaigns.find((c) => c.slug === "marktplatz")!;
    const post = campaign.social.posts[0]!;
    expect(postCard(campaign, { ...post, date: DURING }, "de").content.period).toBe("verlängert bis 30. April 2027");
    expect(postCard(campaign, { ...post, date: BEFORE }, "de").content.period).toBe("bis 30. April 2027");
    // The kit's "deadline extended" template hands out (or repeats) the notice with the mark set.
    const template = crisisTemplates(campaign).find((t) => t.kind === "extended")!;
    expect(JSON.parse(template.noticeJson)).toMatchObject({ id: "deadline-extended", extendsPeriod: true });
    const unmarked = crisisTemplates({ ...campaign, notices: [] }).find((t) => t.kind === "extended")!;
    expect(JSON.parse(unmarked.noticeJson)).toMatchObject({ extendsPeriod: true });
  });
});
