// The v2 additions of the campaign format (campaign-format.md, "Additions (v2)") are accepted,
// documented in the schema, and arrive in the model with their defaults filled in.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadSiteModel } from "../../src/campaign/index.js";
import { validateCampaigns } from "../../src/campaign/validate.js";
import { fixtureVariant, type RawCampaign } from "./fixture-variant.js";

const fixture = path.resolve(import.meta.dirname, "../fixtures/valid-full");
const variant = (change: (campaign: RawCampaign) => void) => fixtureVariant(change, "v2");

describe("campaign format v2", () => {
  it("accepts every v2 field and fills the defaults", async () => {
    const dir = await variant((c) => {
      c.notices = [{ id: "verlaengert", from: "2027-10-20T08:00:00+02:00", until: "2027-11-15T23:59:00+01:00", text: { de: "Verlängert bis 15. November.", en: "Extended until 15 November." } }];
      c.retention = { personalDataDays: 90 };
      c.abuse = { proofOfWork: true };
      c.site = { ...c.site, allowedOrigins: ["https://www.musterstadt.de/"] };
      c.accessibility = {
        ...c.accessibility,
        audit: { date: "2027-08-20", method: "BITV-Test", by: "Prüfstelle Musterland", result: "partial" },
        easyLanguage: { de: "Die Stadt fragt Sie.", en: "The city asks you." },
      };
      c.social = { ...c.social, shortLinks: false, netiquette: "Bitte bleiben Sie freundlich.", replies: [{ id: "frist", label: "Frist", text: "Bis 31. Oktober." }] };
      c.social.posts[0] = { ...c.social.posts[0], format: "carousel", slides: [{ title: "Eins" }, { title: "Zwei", subtitle: "Untertitel" }] };
    });
    const { problems } = await validateCampaigns(dir);
    expect(problems.filter((p) => p.severity === "error")).toEqual([]);
    const campaign = (await loadSiteModel(dir)).model.campaigns[0]!;
    expect(campaign.notices).toEqual([{ id: "verlaengert", from: "2027-10-20T08:00:00+02:00", until: "2027-11-15T23:59:00+01:00", level: "info", text: { de: "Verlängert bis 15. November.", en: "Extended until 15 November." }, extendsPeriod: false }]);
    expect(campaign.retention).toEqual({ personalDataDays: 90 });
    expect(campaign.abuse).toEqual({ proofOfWork: true });
    // An origin is compared without a trailing slash.
    expect(campaign.site.allowedOrigins).toEqual(["https://www.musterstadt.de"]);
    expect(campaign.accessibility.audit).toMatchObject({ date: "2027-08-20", result: "partial", method: { de: "BITV-Test", en: "BITV-Test" } });
    expect(campaign.social.shortLinks).toBe(false);
    expect(campaign.social.replies[0]).toEqual({ id: "frist", label: { de: "Frist", en: "Frist" }, text: { de: "Bis 31. Oktober.", en: "Bis 31. Oktober." } });
    expect(campaign.social.posts[0]).toMatchObject({ format: "carousel", slides: [{ title: { de: "Eins" } }, { title: { de: "Zwei" }, subtitle: { de: "Untertitel" } }] });
  });

  it("gives a campaign without v2 fields the documented defaults", async () => {
    const campaign = (await loadSiteModel(fixture)).model.campaigns[0]!;
    expect(campaign.notices).toEqual([]);
    expect(campaign.retention).toBeUndefined();
    expect(campaign.abuse.proofOfWork).toBe(false);
    expect(campaign.site.allowedOrigins).toEqual([]);
    expect(campaign.social.shortLinks).toBe(true);
    expect(campaign.social.posts.every((post) => post.format === "link" && post.slides.length === 0)).toBe(true);
    const map = campaign.pages.find((p) => p.type === "map");
    if (map?.type !== "map") throw new Error("test/fixtures/valid-full lost its map page; update this test");
    expect(map.map.contributions.reasons.map((r) => r.id)).toEqual(["off-topic", "insulting", "personal-data", "advertising", "duplicate", "other"]);
    expect(map.map.contributions.answerTemplates).toEqual([]);
  });

  it("refuses a notice level it does not know, naming the field and the choices", async () => {
    const dir = await variant((c) => {
      c.notices = [{ id: "x", from: "2027-10-20T08:00:00+02:00", until: "2027-10-21T08:00:00+02:00", level: "danger", text: "Achtung" }];
    });
    const { problems } = await validateCampaigns(dir);
    expect(problems.some((p) => p.pointer === "/notices/0/level" && /info|warning/.test(p.message))).toBe(true);
  });

  it("builds results pages; their figures files are checked against the campaign (missing: a warning; wrong: an error naming file and fix)", async () => {
    const dir = await variant((c) => {
      c.pages.push({ id: "ergebnisse", type: "results", title: "Ergebnisse", did: "Der Rat entscheidet im Dezember.", hide: ["anderes"] });
    });
    const before = await validateCampaigns(dir);
    expect(before.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(before.problems.some((p) => p.severity === "warning" && /no results\/vorschlag\.json yet: .*mitreden results buergerhaushalt/.test(p.message))).toBe(true);

    const results = path.join(dir, "buergerhaushalt", "results");
    await mkdir(results, { recursive: true });
    const survey = {
      format: "mitreden-results/1",
      campaign: "buergerhaushalt",
      page: "vorschlag",
      type: "survey",
      responses: 10,
      questions: [
        { id: "bereich", type: "single", responses: 10, answered: 9, counts: { gruen: 5, verkehr: 3 } },
        { id: "anderes", type: "text", responses: 10, answered: 2 },
        { id: "gibtsnicht", type: "text", responses: 10, answered: 2 },
        { id: "wichtigkeit", type: "scale", responses: 10, answered: 12, counts: {}, median: null, mean: null },
      ],
    };
    await writeFile(path.join(results, "vorschlag.json"), JSON.stringify(survey));
    await writeFile(path.join(results, "karte.json"), JSON.stringify({ format: "mitreden-results/1", campaign: "buergerhaushalt", page: "karte", type: "map", received: 3, approved: 2, categories: {}, items: [] }));
    const errors = (await validateCampaigns(dir)).problems.filter((p) => p.severity === "error").map((p) => p.message);
    const expected = [/results\/vorschlag\.json: question "bereich": (counts options the question does not have|the counts add up to 8, not to the 9)/, /question "anderes" is in the results page's "hide"/, /question "gibtsnicht" is not in the survey/, /question "wichtigkeit": answered 12 times, more often than it was asked/, /results\/karte\.json: the categories add up to 0, not to the 2 approved/];
    for (const pattern of expected) expect(errors.some((m) => pattern.test(m) && m.includes('write it again with "mitreden results buergerhaushalt"')), String(pattern)).toBe(true);
  });
});
