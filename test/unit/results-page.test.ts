// The results page of the example campaign (campaigns/marktplatz "ergebnisse", its figures in
// campaigns/marktplatz/results/): built after publishFrom, every figure as in the results file, the
// table first, bars proportional to the table's counts; before publishFrom, when results will come.
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSiteModel } from "../../src/campaign/index.js";
import type { ResultsPageModel, SurveyPageModel } from "../../src/campaign/model.js";
import { aggregateSurvey } from "../../src/collector/results/aggregate.js";
import type { SurveyResultsFile } from "../../src/campaign/results-file.js";
import { resultsView } from "../../src/site/results/view.js";
import { htmlValidate } from "./html-validate-rules.js";
import { buildInto, tmpDir, type BuiltSite } from "./site-support.js";

const AFTER = new Date("2027-05-10T10:00:00+02:00");
const figures = JSON.parse(readFileSync("campaigns/marktplatz/results/umfrage.json", "utf8")) as SurveyResultsFile;
let site: BuiltSite;

beforeAll(async () => {
  site = await buildInto("campaigns", { now: AFTER });
}, 180_000);
afterAll(async () => site?.remove());

describe("the published results page", () => {
  it("passes html-validate and says asked / said / did, then each survey and map", async () => {
    const report = await htmlValidate.validateString(site.read("/marktplatz/ergebnisse/"));
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
    const $ = site.load("/marktplatz/ergebnisse/");
    expect($("h2").map((_, el) => $(el).text().trim()).get()).toEqual(expect.arrayContaining(["Wir haben gefragt", "Ihr habt gesagt", "Wir tun", "Umfrage: Ihr Marktplatz", "Ideenkarte"]));
    expect($("main").text()).toContain("1.240 Personen haben an der Umfrage teilgenommen.");
  });

  it("shows every count of the results file in a table, before its chart, whose bars are proportional to the counts", () => {
    const $ = site.load("/marktplatz/ergebnisse/");
    const bezug = $('section[aria-labelledby="frage-umfrage-bezug"]');
    const counts = bezug.find("tbody td:nth-of-type(1)").map((_, el) => Number($(el).text())).get();
    const single = figures.questions.find((q) => q.id === "bezug") as { counts: Record<string, number> };
    expect(counts).toEqual(Object.values(single.counts));
    // The table comes first; the chart after it is hidden from screen readers (the table says it all).
    expect(bezug.children().index(bezug.find(".kern-table-responsive"))).toBeLessThan(bezug.children().index(bezug.find(".mr-results__chart")));
    expect(bezug.find(".mr-results__chart").attr("aria-hidden")).toBe("true");
    for (const section of $("section.mr-results__question").toArray()) {
      const bars = $(section).find("rect").map((_, el) => ({ width: Number($(el).attr("width")), count: Number($(el).attr("data-count")) })).get();
      const rows = $(section).find("tbody td:nth-of-type(1)").map((_, el) => Number($(el).text())).get();
      expect(bars.map((b) => b.count)).toEqual(rows);
      const largest = Math.max(...bars.map((b) => b.width));
      const most = Math.max(...rows);
      for (const bar of bars) expect(bar.width).toBeCloseTo((bar.count / most) * largest, 1);
    }
  });

  it("explains that multiple-choice shares add up to more than 100 %, and publishes no free text and no hidden question", () => {
    const $ = site.load("/marktplatz/ergebnisse/");
    expect($('section[aria-labelledby="frage-umfrage-nutzung"]').text()).toContain("mehr als 100 %");
    expect($('section[aria-labelledby="frage-umfrage-bezug"]').text()).not.toContain("mehr als 100 %");
    expect($("main").text()).not.toContain("Grün statt Grau");
    expect($('[id="frage-umfrage-drei_worte"]').length).toBe(0);
  });

  it("groups the map's published contributions by status, with the city's answer", () => {
    const $ = site.load("/marktplatz/ergebnisse/");
    expect($("h4").map((_, el) => $(el).text().trim()).get()).toEqual(expect.arrayContaining([expect.stringMatching(/^Umgesetzt \(1\)$/), expect.stringMatching(/^Wird umgesetzt \(1\)$/)]));
    expect($("main").text()).toContain("Antwort von Stadt Musterstadt: Die Bordsteinkante wurde im Mai abgesenkt.");
  });

  it("the landing page offers “Ergebnisse ansehen” once results are out; the sitemap lists the page", () => {
    const $ = site.load("/marktplatz/");
    expect($(".mr-hero .kern-btn--primary").text().trim()).toBe("Ergebnisse ansehen");
    expect(site.read("/sitemap.xml")).toContain("https://mitreden.musterstadt.de/marktplatz/ergebnisse/");
  });
});

describe("results views", () => {
  it("before publishFrom say when results come, and show no figures", async () => {
    const campaign = (await loadSiteModel("campaigns", { now: AFTER })).model.campaigns.find((c) => c.slug === "marktplatz")!;
    const page = campaign.pages.find((p): p is ResultsPageModel => p.type === "results")!;
    const before = resultsView(campaign, page, "de", "de", "2027-04-10T10:00:00.000Z");
    expect(before).toMatchObject({ published: false, sources: [] });
    const after = resultsView(campaign, page, "de", "de", AFTER.toISOString());
    expect(after.sources.map((s) => s.id)).toEqual(["umfrage", "karte"]);
  });

  it("a survey nobody took part in, and a question nobody answered, say so, with no empty table or chart", async () => {
    const dir = tmpDir("results-empty");
    cpSync("campaigns", dir, { recursive: true });
    const campaign = (await loadSiteModel(dir, { now: AFTER })).model.campaigns.find((c) => c.slug === "marktplatz")!;
    const survey = campaign.pages.find((p): p is SurveyPageModel => p.id === "umfrage")!;
    const empty = await aggregateSurvey(campaign, survey, (async function* () {})());
    writeFileSync(path.join(dir, "marktplatz/results/umfrage.json"), JSON.stringify(empty));
    const page = campaign.pages.find((p): p is ResultsPageModel => p.type === "results")!;
    const view = resultsView(campaign, page, "en", "en", AFTER.toISOString()).sources.find((s) => s.id === "umfrage")!;
    expect(view.intro).toBe("Nobody took part in this survey.");
    expect(view.questions.length).toBeGreaterThan(5);
    for (const q of view.questions) expect(q).toMatchObject({ answered: 0, answeredText: "Nobody answered this question.", rows: [] });
    rmSync(dir, { recursive: true, force: true });
  });
});
