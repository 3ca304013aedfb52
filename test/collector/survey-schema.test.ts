// The answers schema and the form-field convention: the contract the browser form codes against.
import { describe, expect, test } from "vitest";
import { formToAnswers } from "../../src/forms/fields.js";
import { surveySchema } from "../../src/forms/survey-schema.js";
import { compileSurveyValidator } from "../../src/forms/validator.js";
import { exampleCampaign, fullMarktplatzAnswers, surveyPage } from "./helpers/campaigns.js";
import { fullMarktplatzForm } from "./helpers/collector.js";

const marktplatz = exampleCampaign("marktplatz");
const umfrage = surveyPage(marktplatz);
const validate = compileSurveyValidator(marktplatz, umfrage);

describe("surveySchema", () => {
  const schema = surveySchema(marktplatz, umfrage) as { properties: Record<string, Record<string, unknown>>; required: string[] };

  test("derives types, options and limits from the campaign", () => {
    expect(schema.properties.bezug!.enum).toEqual(["altstadt", "stadtteil", "arbeit", "gewerbe", "besuch", "__other"]);
    expect(schema.properties.drei_worte).toMatchObject({ type: "string", maxLength: 60 });
    expect(schema.properties.zufriedenheit).toMatchObject({ type: "integer", minimum: 1, maximum: 5 });
    expect(schema.properties.nutzung).toMatchObject({ type: "array", maxItems: 3, uniqueItems: true });
    expect(schema.properties.prioritaeten).toMatchObject({ minItems: 7, maxItems: 7, uniqueItems: true });
    expect(schema.properties.gruppe_termin).toMatchObject({ format: "date", formatMinimum: "2027-03-22", formatMaximum: "2027-04-09" });
    expect(schema.properties.einwilligung).toMatchObject({ const: true });
    expect(schema.required).toEqual(["bezug", "einwilligung"]);
  });

  test("accepts a complete answer that uses every question type", () => {
    expect(validate(fullMarktplatzAnswers())).toMatchObject({ valid: true });
  });

  test("forbids the answer to a question hidden by showIf", () => {
    const answers = { ...fullMarktplatzAnswers(), zufriedenheit: 4 };
    expect(validate(answers)).toEqual({ valid: false, issues: [{ field: "zufriedenheit_grund", reason: "hidden" }] });
    const noGroup = { ...fullMarktplatzAnswers(), gruppe: "nein" };
    const result = validate(noGroup);
    expect(result.valid ? [] : result.issues.map((i) => `${i.field}:${i.reason}`)).toEqual([
      "gruppe_name:hidden",
      "gruppe_groesse:hidden",
      "gruppe_termin:hidden",
    ]);
  });

  test("names each field and reason", () => {
    const answers: Record<string, unknown> = {
      ...fullMarktplatzAnswers(),
      bezug: "altstadt",
      nutzung: ["wochenmarkt", "flohmarkt"],
      nutzung__other: undefined,
      prioritaeten: ["gruen", "gruen", "sitzen", "barrierefrei", "markt", "spielen", "radparken"],
      lieblingsort: { point: [6.9, 50.9] },
      gruppe_groesse: 80,
      gruppe_termin: "2027-05-01",
      email: "kein-at-zeichen",
    };
    delete answers.nutzung__other;
    delete answers.einwilligung;
    const result = validate(answers);
    expect(result.valid ? [] : result.issues.map((i) => `${i.field}:${i.reason}`)).toEqual([
      "bezug__other:other-not-chosen",
      "nutzung:option",
      "prioritaeten:ranking-duplicate",
      "lieblingsort:outside-area",
      "gruppe_groesse:too-large",
      "gruppe_termin:too-late",
      "email:email",
      "einwilligung:consent",
    ]);
  });

  test("checks that a map point lies inside the area's polygon, not just its bounding box", () => {
    // Inside the bounding box of planungsgebiet.geojson, outside the polygon (its cut-off north-west corner).
    const corner = validate({ ...fullMarktplatzAnswers(), lieblingsort: { point: [6.99859, 50.94069] } });
    expect(corner).toMatchObject({ valid: false, issues: [{ field: "lieblingsort", reason: "outside-area" }] });
    expect(validate({ ...fullMarktplatzAnswers(), lieblingsort: { point: [7.0, 50.94] } })).toMatchObject({ valid: true });
  });
});

describe("formToAnswers", () => {
  test("turns the plain form's fields into the JSON answers", () => {
    const { answers, issues } = formToAnswers(umfrage, fullMarktplatzForm());
    expect(issues).toEqual([]);
    expect(answers).toEqual(fullMarktplatzAnswers());
  });

  test("ranking selects with a position twice or missing are errors; all empty is no answer", () => {
    const form = fullMarktplatzForm();
    expect(formToAnswers(umfrage, { ...form, prioritaeten__sitzen: "1" }).issues).toEqual([{ field: "prioritaeten", reason: "ranking-duplicate" }]);
    expect(formToAnswers(umfrage, { ...form, prioritaeten__sitzen: "" }).issues).toEqual([{ field: "prioritaeten", reason: "ranking-incomplete", limit: 7 }]);
    const empty = Object.fromEntries(Object.entries(form).map(([k, v]) => [k, k.startsWith("prioritaeten__") ? "" : v]));
    expect(formToAnswers(umfrage, empty).answers).not.toHaveProperty("prioritaeten");
  });

  test("reads numbers with a decimal comma, leaves empty fields out, reports unknown fields", () => {
    const { answers, issues } = formToAnswers(umfrage, { bezug: "altstadt", gruppe_groesse: "2,5", idee: "  ", lieblingsort__lng: "7,0001", lieblingsort__lat: "50.94", frage_gibt_es_nicht: "x" });
    expect(answers).toEqual({ bezug: "altstadt", gruppe_groesse: 2.5, lieblingsort: { point: [7.0001, 50.94] } });
    expect(issues).toEqual([{ field: "frage_gibt_es_nicht", reason: "unknown" }]);
  });
});
