// The desk says when each campaign's personal data is deleted (issue 12, DSGVO): the date from
// retention.personalDataDays after the campaign's end, that the day has come, or that none is set.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SiteModel } from "../../src/campaign/model.js";
import { exampleSite } from "./helpers/campaigns.js";
import { testCollector, type TestCollector } from "./helpers/collector.js";
import { addStaff, loggedIn, type LoggedIn } from "./helpers/desk.js";

/** marktplatz ends on 15 April 2027: 90 days later is 14 July 2027. radverkehr sets no retention. */
function withRetention(): SiteModel {
  const site = exampleSite();
  for (const campaign of site.campaigns) if (campaign.slug === "marktplatz") campaign.retention = { personalDataDays: 90 };
  return site;
}

describe("the desk's line on personal data", () => {
  const collectors: TestCollector[] = [];
  const at = async (now: Date): Promise<LoggedIn> => {
    const collector = await testCollector({ model: withRetention(), now });
    collectors.push(collector);
    await addStaff(collector.store, "anna", "moderator");
    return loggedIn(collector, "anna");
  };
  let during: LoggedIn;
  let after: LoggedIn;
  beforeAll(async () => {
    during = await at(new Date("2027-03-15T12:00:00+01:00"));
    after = await at(new Date("2027-08-01T12:00:00+02:00"));
  });
  afterAll(async () => {
    for (const c of collectors) await c.close();
  });

  it("names the deletion date in German and English, and says so where no date is set", async () => {
    const de = (await during.get("/admin/surveys", { "accept-language": "de" })).body;
    expect(de).toContain("Personenbezogene Daten werden am 14. Juli 2027 gelöscht (mitreden purge marktplatz löscht sie ab diesem Tag).");
    expect(de).toContain("Für personenbezogene Daten ist keine Löschfrist festgelegt (retention.personalDataDays in campaign.json).");
    const en = (await during.get("/admin/surveys", { "accept-language": "en" })).body;
    expect(en).toContain("Personal data will be deleted on 14 July 2027 (mitreden purge marktplatz deletes it from that day on).");
    expect(en).toContain("No deletion date is set for personal data");
  });

  it("once the date has passed, says the deletion is due instead of promising it", async () => {
    const de = (await after.get("/admin/surveys", { "accept-language": "de" })).body;
    expect(de).toContain("Personenbezogene Daten sind seit dem 14. Juli 2027 zu löschen: mitreden purge marktplatz.");
    expect(de).not.toContain("werden am 14. Juli 2027 gelöscht");
  });
});
