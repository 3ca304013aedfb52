// Loading: folders, site.json merging, and where values from site.json are reported.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadCampaigns } from "../../src/campaign/load.js";
import { validateCampaigns } from "../../src/campaign/validate.js";

describe("loadCampaigns", () => {
  it("merges site.json under campaign.json: campaign wins, objects key by key, site paths rebased", async () => {
    const { campaigns, problems } = await loadCampaigns("test/fixtures/valid-full");
    expect(problems).toEqual([]);
    expect(campaigns).toHaveLength(1);
    const [campaign] = campaigns;
    expect(campaign!.slug).toBe("buergerhaushalt");
    expect(campaign!.dir).toBe(path.resolve("test/fixtures/valid-full/buergerhaushalt"));
    expect(campaign!.file).toBe("test/fixtures/valid-full/buergerhaushalt/campaign.json");
    const { organization, theme, site } = campaign!.data;
    expect(organization.name).toEqual({ de: "Stadt Musterstadt", en: "City of Musterstadt" });
    expect(organization.department).toEqual({ de: "Kämmerei", en: "Treasury" });
    expect(theme).toEqual({ primary: "#00566b", accent: "#b3440f" });
    expect(site.baseUrl).toBe("https://mitreden.musterstadt.de/");
    // Written relative to the campaigns folder in site.json; the model resolves against the campaign folder.
    expect(organization.logo?.src).toBe("../media/wappen.svg");
  });

  it("reports a missing campaigns folder and how to create a campaign", async () => {
    const { campaigns, problems } = await loadCampaigns("test/fixtures/does-not-exist");
    expect(campaigns).toEqual([]);
    expect(problems).toEqual([
      {
        severity: "error",
        file: "test/fixtures/does-not-exist",
        line: 1,
        column: 1,
        pointer: "",
        message: 'the campaigns folder "test/fixtures/does-not-exist" does not exist; `mitreden new <slug>` scaffolds a campaign in campaigns/<slug>/',
      },
    ]);
  });

  it("loads campaigns the schema would reject: judging them is validation's job", async () => {
    const { campaigns, problems } = await loadCampaigns("test/fixtures/invalid-enum");
    expect(problems).toEqual([]);
    expect(campaigns.map((c) => c.slug)).toEqual(["marktplatz"]);
  });
});

describe("validateCampaigns and site.json", () => {
  it("reports a syntax error in a shared site.json once, and validates no campaign without it", async () => {
    const { campaigns, problems } = await validateCampaigns("test/fixtures/invalid-site-syntax");
    expect(campaigns).toEqual([]);
    expect(problems).toEqual([
      {
        severity: "error",
        file: "test/fixtures/invalid-site-syntax/site.json",
        line: 4,
        column: 5,
        pointer: "",
        message: "unexpected text — is a comma missing after the previous entry (line 3, column 31)?",
      },
    ]);
  });

  it("keeps campaigns with only warnings, and reports the warnings", async () => {
    const { campaigns, problems } = await validateCampaigns("test/fixtures/warnings-only");
    expect(campaigns.map((c) => c.slug)).toEqual(["marktplatz"]);
    expect(problems.every((p) => p.severity === "warning")).toBe(true);
    expect(problems.map((p) => [p.file, p.line, p.column, p.pointer])).toEqual([
      ["test/fixtures/warnings-only/entwurf", 1, 1, ""],
      ["test/fixtures/warnings-only/marktplatz/campaign.json", 19, 42, "/pages/0/title/en"],
      ["test/fixtures/warnings-only/marktplatz/campaign.json", 23, 16, "/pages/0/image/alt"],
    ]);
    expect(problems[0]!.message).toBe("folder ignored: it has no campaign.json (`mitreden new entwurf` scaffolds a campaign)");
    expect(problems[1]!.message).toContain('"en" is not in "locales" (de), so this text is never shown');
  });
});
