// The one aggregation (results files and the desk's live counts): counted as a person would count.
import { describe, expect, test } from "vitest";
import type { MapPageModel } from "../../src/campaign/model.js";
import type { Answers } from "../../src/forms/fields.js";
import { aggregateMap, aggregateSurvey, createSurveyTally } from "../../src/collector/results/aggregate.js";
import type { StoredContribution } from "../../src/collector/store/index.js";
import { exampleCampaign, surveyPage } from "./helpers/campaigns.js";
import { marktplatzAnswers } from "./helpers/seed.js";

const marktplatz = exampleCampaign("marktplatz");
const umfrage = surveyPage(marktplatz);
const karte = marktplatz.pages.find((p) => p.id === "karte") as MapPageModel;

async function* each<T>(items: T[]) {
  yield* items;
}
const figuresOf = (answers: Record<string, unknown>[], hide: string[] = []) => {
  const tally = createSurveyTally(umfrage, { hide });
  answers.forEach((a) => tally.add(a as Answers));
  return Object.fromEntries(tally.figures().map((f) => [f.id, f]));
};

describe("survey figures", () => {
  test("multiple choice counts people per option (an option sent twice counts once); percentages are of those who answered", () => {
    const f = figuresOf([{ nutzung: ["wochenmarkt", "parken", "wochenmarkt"] }, { nutzung: ["wochenmarkt", "__other"], nutzung__other: "Musik" }, { bezug: "altstadt" }]);
    expect(f.nutzung).toMatchObject({ responses: 3, answered: 2, counts: { wochenmarkt: 2, parken: 1, __other: 1, bus: 0 } });
    // Counts add up to more than those who answered: that is what the page's note explains.
    const sum = Object.values((f.nutzung as { counts: Record<string, number> }).counts).reduce((a, b) => a + b, 0);
    expect(sum).toBe(4);
  });

  test("single choice keeps the option order with “other” last, and counts add up to those who answered", () => {
    const f = figuresOf([{ bezug: "besuch" }, { bezug: "__other", bezug__other: "Marktbeschicker" }, { bezug: "besuch" }, {}]);
    expect(Object.keys((f.bezug as { counts: object }).counts)).toEqual(["altstadt", "stadtteil", "arbeit", "gewerbe", "besuch", "__other"]);
    expect(f.bezug).toMatchObject({ responses: 4, answered: 3, counts: { besuch: 2, __other: 1, altstadt: 0 } });
  });

  test("a scale gives every step (also unchosen ones), its median and mean", () => {
    const f = figuresOf([1, 2, 2, 5].map((zufriedenheit) => ({ zufriedenheit })));
    expect(f.zufriedenheit).toMatchObject({ answered: 4, counts: { 1: 1, 2: 2, 3: 0, 4: 0, 5: 1 }, median: 2, mean: 2.5 });
    expect(figuresOf([]).zufriedenheit).toMatchObject({ responses: 0, answered: 0, median: null, mean: null });
  });

  test("a ranking gives how often each option took each place, and its average place", () => {
    const order = ["gruen", "sitzen", "barrierefrei", "markt", "spielen", "autoparken", "radparken"];
    const f = figuresOf([{ prioritaeten: order }, { prioritaeten: [...order].reverse() }, { prioritaeten: order }]);
    const ranking = f.prioritaeten as { positions: Record<string, number[]>; average: Record<string, number> };
    expect(ranking.positions.gruen).toEqual([2, 0, 0, 0, 0, 0, 1]);
    expect(ranking.average.gruen).toBeCloseTo(3);
    expect(ranking.average.markt).toBe(4);
  });

  test("questions shown only after an answer count only those who were asked; number as a histogram with min, median, max; dates by month", () => {
    const f = figuresOf([
      { gruppe: "ja", gruppe_groesse: 2, gruppe_termin: "2027-03-24" },
      { gruppe: "ja", gruppe_groesse: 12, gruppe_termin: "2027-04-02" },
      { gruppe: "ja", gruppe_groesse: 40, gruppe_termin: "2027-04-09" },
      { gruppe: "ja" },
      { gruppe: "nein" },
      {},
    ]);
    expect(f.gruppe_groesse).toMatchObject({ responses: 4, answered: 3, min: 2, max: 40, median: 12, mean: 18, integers: true, exact: true });
    const bins = (f.gruppe_groesse as { bins: { from: number; to: number; count: number }[] }).bins;
    expect(bins.reduce((a, b) => a + b.count, 0)).toBe(3);
    expect(bins.find((b) => b.from <= 12 && 12 < b.to)!.count).toBe(1);
    expect(bins.at(-1)!.count).toBe(1);
    expect(f.gruppe_termin).toMatchObject({ responses: 4, answered: 3, months: { "2027-03": 1, "2027-04": 2 } });
  });

  test("a location counts a named place, else a point, else words; free text only how many answered; e-mail, consent and hidden questions left out", () => {
    const f = figuresOf(
      [{ lieblingsort: { place: "brunnen", description: "x" } }, { lieblingsort: { point: [7, 50.94] } }, { lieblingsort: { description: "Unter den Platanen" } }, { idee: "Mehr Bäume" }, { idee: "  " }, { email: "a@b.de", einwilligung: true }],
      ["drei_worte"],
    );
    expect(f.lieblingsort).toMatchObject({ answered: 3, places: { brunnen: 1, kirchgasse: 0 }, point: 1, description: 1 });
    expect(f.idee).toEqual({ id: "idee", type: "textarea", responses: 6, answered: 1 });
    expect(Object.keys(f)).not.toContain("email");
    expect(Object.keys(f)).not.toContain("einwilligung");
    expect(Object.keys(f)).not.toContain("drei_worte");
    expect(JSON.stringify(f)).not.toContain("Mehr Bäume");
  });

  test("a survey with no responses gives zero figures, not errors", async () => {
    const file = await aggregateSurvey(marktplatz, umfrage, each([[]]));
    expect(file).toMatchObject({ format: "mitreden-results/1", campaign: "marktplatz", page: "umfrage", type: "survey", responses: 0 });
    expect(file.questions.find((q) => q.id === "gruppe_groesse")).toMatchObject({ answered: 0, min: null, median: null, bins: [] });
  });
});

test("tallies of parts of the responses, merged, give the figures of one tally of all (as workers count in parallel)", () => {
  const answers = [
    ...Array.from({ length: 3000 }, (_, i) => marktplatzAnswers(i)),
    { gruppe: "ja", gruppe_groesse: 2.5, nutzung: ["bus", "bus"] },
    { gruppe: "ja", gruppe_groesse: -7 },
    { zufriedenheit: 9, bezug: "unbekannt" },
  ] as Answers[];
  const whole = createSurveyTally(umfrage);
  answers.forEach((a) => whole.add(a));
  // Uneven parts, one of them empty; counts travel as plain data, as between threads.
  const cuts = [0, 0, 1, 1234, 1900, answers.length];
  const merged = createSurveyTally(umfrage);
  for (let i = 1; i < cuts.length; i++) {
    const part = createSurveyTally(umfrage);
    answers.slice(cuts[i - 1], cuts[i]).forEach((a) => part.add(a));
    merged.merge(structuredClone(part.counts()));
  }
  expect(merged.responses).toBe(answers.length);
  expect(merged.figures()).toEqual(whole.figures());
  expect(merged.figures().find((f) => f.id === "gruppe_groesse")).toMatchObject({ type: "number", integers: false, min: -7 });
});

test("a map's results: received and approved, approved per category, the approved ones with their public status and the city's answer", async () => {
  const base = { campaign: "marktplatz", page: "karte", locale: "de", receivedAt: "2027-03-20T09:00:00.000Z", channel: "script", verified: true, version: 1 } as const;
  const contributions = [
    { ...base, seq: 1, id: "a", category: "idee", comment: "Mehr Schatten", point: [7.0000001, 50.94] as [number, number], status: "approved", publicStatus: "planned", answer: "Wir pflanzen zwölf Bäume." },
    { ...base, seq: 2, id: "b", category: "problem", comment: "Werbung", status: "rejected", reason: "advertising" },
    { ...base, seq: 3, id: "c", category: "lob", comment: "Schöner Markt", place: "wochenmarkt", status: "approved" },
    { ...base, seq: 4, id: "d", category: "idee", comment: "Noch offen", status: "pending" },
  ] as unknown as StoredContribution[];
  const file = await aggregateMap(marktplatz, karte, each(contributions));
  expect(file).toMatchObject({ received: 4, approved: 2, categories: { idee: 1, problem: 0, lob: 1 } });
  expect(file.items).toEqual([
    { id: "a", category: "idee", comment: "Mehr Schatten", status: "planned", answer: "Wir pflanzen zwölf Bäume.", point: [7, 50.94] },
    { id: "c", category: "lob", comment: "Schöner Markt", status: "received", place: "wochenmarkt" },
  ]);
  const hiddenMap = { ...karte, map: { ...karte.map, contributions: { ...karte.map.contributions, public: false } } };
  expect((await aggregateMap(marktplatz, hiddenMap, each(contributions))).items).toEqual([]);
});
