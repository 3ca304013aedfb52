// A scale's ends carry the campaign's words for them (minLabel, maxLabel): on the survey's form and
// in the results' tables and charts alike, in the page's language. A results row "1" alone does
// not say whether 1 is good or bad.
import { beforeAll, describe, expect, it } from "vitest";
import { loadSiteModel } from "../../src/campaign/index.js";
import { scaleStepText, type SiteModel, type SurveyPageModel } from "../../src/campaign/model.js";
import { questionView } from "../../src/campaign/results-questions.js";

let survey: SurveyPageModel;
let scale: Extract<SurveyPageModel["questions"][number], { type: "scale" }>;

beforeAll(async () => {
  const { model } = (await loadSiteModel("campaigns", { now: new Date("2027-03-20T10:00:00+01:00") })) as { model: SiteModel };
  survey = model.campaigns.find((c) => c.slug === "marktplatz")!.pages.find((p): p is SurveyPageModel => p.id === "umfrage")!;
  scale = survey.questions.find((q): q is typeof scale => q.type === "scale")!;
});

describe("scale steps", () => {
  it("name the ends with the campaign's words, the steps between by number", () => {
    expect([1, 2, 3, 4, 5].map((step) => scaleStepText(scale, step, "de"))).toEqual(["1 – gar nicht zufrieden", "2", "3", "4", "5 – sehr zufrieden"]);
    expect(scaleStepText({ ...scale, minLabel: undefined, maxLabel: undefined }, 1, "de")).toBe("1");
  });

  it("label the results' rows (and so the chart's bars) as the form labelled the choices", () => {
    const view = questionView(survey, { id: scale.id, type: "scale", responses: 10, answered: 9, counts: { 1: 2, 2: 1, 3: 0, 4: 4, 5: 2 }, median: 4, mean: 3.33 }, "de", "de");
    expect(view.rows.map((r) => [r.label, r.count])).toEqual([
      ["1 – gar nicht zufrieden", 2],
      ["2", 1],
      ["3", 0],
      ["4", 4],
      ["5 – sehr zufrieden", 2],
    ]);
  });
});
