// A results page for a survey nobody took part in, and for a question nobody answered (a follow-up
// question whose condition nobody met): built, the page says so in words, draws no empty table or
// chart, and passes html-validate and pa11y.
import { cpSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { CheerioAPI } from "cheerio";
import { afterAll, describe, expect, it } from "vitest";
import { audit } from "../../src/audit/index.js";
import { loadSiteModel } from "../../src/campaign/index.js";
import type { SurveyPageModel } from "../../src/campaign/model.js";
import { aggregateSurvey } from "../../src/collector/results/aggregate.js";
import { marktplatzAnswers } from "../collector/helpers/seed.js";
import { htmlValidate } from "./html-validate-rules.js";
import { buildInto, tmpDir, type BuiltSite } from "./site-support.js";

const PUBLISHED = new Date("2027-05-10T10:00:00+02:00");
const URL = "/marktplatz/ergebnisse/";
const cleanup: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const step of cleanup) await step();
});

/** The example campaigns with the survey's results file made from `answers`, built after publishFrom. */
async function siteWith(answers: Record<string, unknown>[]): Promise<{ site: BuiltSite; dir: string }> {
  const dir = tmpDir("results-edge");
  cpSync("campaigns", dir, { recursive: true });
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  const campaign = (await loadSiteModel(dir, { now: PUBLISHED })).model.campaigns.find((c) => c.slug === "marktplatz")!;
  const survey = campaign.pages.find((p): p is SurveyPageModel => p.id === "umfrage")!;
  // As `mitreden results` writes it: the results page's hidden questions left out.
  const hide = campaign.pages.flatMap((p) => (p.type === "results" ? p.hide : []));
  const figures = await aggregateSurvey(campaign, survey, (async function* () {
    yield answers as never[];
  })(), { hide });
  writeFileSync(path.join(dir, "marktplatz/results/umfrage.json"), JSON.stringify(figures, null, 2) + "\n");
  const site = await buildInto(dir, { now: PUBLISHED });
  cleanup.push(() => site.remove());
  return { site, dir };
}

async function passesChecks(site: BuiltSite, dir: string): Promise<void> {
  const report = await htmlValidate.validateString(site.read(URL));
  expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
  const result = await audit({ siteDir: site.outDir, campaignsDir: dir, include: (t) => t.kind === "page" && t.url === URL });
  expect(result.urls).toEqual([URL]);
  expect(result.issues.map((i) => `${i.code} ${i.selector}: ${i.message}`)).toEqual([]);
}

const question = ($: CheerioAPI, id: string) => $(`section[aria-labelledby="frage-umfrage-${id}"]`);

describe("results page edge cases, built", () => {
  it("a survey nobody took part in says so, and each question says nobody answered it, with no table or chart", async () => {
    const { site, dir } = await siteWith([]);
    const $ = site.load(URL);
    const survey = $('section[aria-labelledby="ergebnis-umfrage"]');
    expect(survey.children("p.kern-body").first().text().trim()).toBe("An dieser Umfrage hat niemand teilgenommen.");
    const questions = survey.find("section.mr-results__question");
    expect(questions.length).toBeGreaterThan(10);
    questions.each((_, q) => expect($(q).children("p.kern-body").first().text().trim()).toBe("Niemand hat diese Frage beantwortet."));
    expect(survey.find("table, svg, .mr-results__chart")).toHaveLength(0);
    // No "NaN", no "0 %" of nobody, no empty median.
    expect(survey.text()).not.toMatch(/NaN|undefined|Median|%/);
    // The map's figures are still there.
    expect($('section[aria-labelledby="ergebnis-karte"] table')).toHaveLength(1);
    await passesChecks(site, dir);
  }, 240_000);

  it("a follow-up question nobody was asked says nobody answered it; the others show their figures", async () => {
    // 300 people, none in a group: "gruppe_groesse" and "gruppe_termin" (shown only for gruppe = ja) stay unanswered.
    const answers = Array.from({ length: 300 }, (_, i) => {
      const a = marktplatzAnswers(i);
      for (const key of Object.keys(a)) if (key.startsWith("gruppe_")) delete a[key];
      if (a.gruppe) a.gruppe = "nein";
      return a;
    });
    const { site, dir } = await siteWith(answers);
    const $ = site.load(URL);
    expect($('section[aria-labelledby="ergebnis-umfrage"] > p.kern-body').first().text().trim()).toBe("300 Personen haben an der Umfrage teilgenommen.");
    for (const id of ["gruppe_groesse", "gruppe_termin"]) {
      expect(question($, id).children("p.kern-body").first().text().trim(), id).toBe("Niemand hat diese Frage beantwortet.");
      expect(question($, id).find("table, svg"), id).toHaveLength(0);
    }
    const gruppe = question($, "gruppe");
    expect(gruppe.find("tbody tr").map((_, tr) => $(tr).find("td").first().text()).get().map(Number).reduce((a, b) => a + b, 0)).toBe(answers.filter((a) => a.gruppe).length);
    expect(question($, "bezug").find("svg rect").length).toBeGreaterThan(3);
    await passesChecks(site, dir);
  }, 240_000);
});
