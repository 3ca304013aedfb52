// A survey page carries its questions for the browser script as a JSON block (src/forms/client-config.ts).
// A location question's map data must stay out of it: the map reads its own config, and a GeoJSON
// basemap in there made the Marktplatz survey page 35 kB heavier (gzip) than it needs to be.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadSiteModel } from "../../src/campaign/index.js";
import type { SurveyPageModel } from "../../src/campaign/model.js";
import { clientConfig } from "../../src/forms/client-config.js";

describe("the survey script's config", () => {
  it("leaves out the map data of a location question (area, layers, basemap)", async () => {
    const { model } = await loadSiteModel(path.resolve("campaigns"), { now: new Date("2027-03-20T10:00:00+01:00") });
    const campaign = model.campaigns.find((c) => c.slug === "marktplatz")!;
    const page = campaign.pages.find((p): p is SurveyPageModel => p.type === "survey" && p.questions.some((q) => q.type === "location"))!;
    const location = page.questions.find((q) => q.type === "location")!;
    // The example's question does have a basemap to leave out.
    expect(location.type === "location" && location.map.basemap).toBeTruthy();
    const config = clientConfig({ campaign, page, locale: "de", action: "/api/marktplatz/umfrage/responses", thankYou: "/marktplatz/umfrage/danke/" });
    const sent = config.page.questions.find((q) => q.id === location.id)!;
    expect(sent.type === "location" && sent.map.basemap).toBeUndefined();
    expect(sent.type === "location" && sent.map.area.features).toEqual([]);
    // The questions themselves (ids, types, required) are all there.
    expect(config.page.questions.map((q) => [q.id, q.type])).toEqual(page.questions.map((q) => [q.id, q.type]));
    expect(JSON.stringify(config).length).toBeLessThan(20_000);
  });
});
