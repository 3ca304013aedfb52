// The tables a results page publishes as open data, made from the committed results files (never
// from a database): a survey's aggregates one row per counted answer ("long" format, so every
// question type fits the same columns), a map's counts per category, and its approved contributions.
// Labels are in the campaign's default language; ids stay as in campaign.json, so the columns mean
// the same whatever the language. What every column means: the `openData.column.*` texts.
import type { Locale, MapPageModel, SurveyPageModel } from "../../campaign/model.js";
import { OTHER_KEY, type MapResultsFile, type PublishedContribution, type QuestionFigures, type SurveyResultsFile } from "../../campaign/results-file.js";
import type { CsvCell } from "../../csv.js";
import { message, translate, uiLocaleFor, type MessageKey } from "../../i18n/index.js";
import { markdownToText } from "../../pages/markdown.js";

export type TableName = "aggregates" | "categories" | "contributions";

export interface Table {
  name: TableName;
  /** Column names: snake_case ids, the same in every language; the data dictionary explains each. */
  columns: readonly string[];
  rows: CsvCell[][];
}

/** The dictionary text of a table's column: `openData.column.<column>`, unless the column means something else in that table. */
export function columnText(table: TableName, column: string): MessageKey {
  if (table === "categories" && column === "share") return "openData.column.categoryShare";
  return `openData.column.${column}` as MessageKey;
}

export const SURVEY_COLUMNS = ["source", "question_id", "question", "question_type", "responses", "answered", "answer", "answer_label", "position", "bin_from", "bin_to", "count", "share", "mean", "median", "min", "max"] as const;
export const CATEGORY_COLUMNS = ["source", "category", "category_label", "count", "share", "approved", "received"] as const;
export const CONTRIBUTION_COLUMNS = ["source", "id", "category", "category_label", "status", "status_label", "comment", "city_answer", "place", "place_label", "description", "longitude", "latitude"] as const;

type SurveyRow = Partial<Record<(typeof SURVEY_COLUMNS)[number], CsvCell>>;

/** Four decimals: enough for a share or a mean, and the same bytes on every machine. */
function rounded(value: number | null | undefined): number | undefined {
  return value === null || value === undefined ? undefined : Math.round(value * 10_000) / 10_000;
}

function share(count: number, of: number): number | undefined {
  return of > 0 ? rounded(count / of) : undefined;
}

/** A survey's aggregates, one row per counted answer; a question without rows (nobody answered) still gets one. */
export function surveyTable(page: SurveyPageModel, figures: SurveyResultsFile, hide: readonly string[], locale: Locale): Table {
  const rows = figures.questions.filter((f) => !hide.includes(f.id)).flatMap((f) => {
    const question = page.questions.find((q) => q.id === f.id);
    const base: SurveyRow = { source: page.id, question_id: f.id, question: markdownToText(question?.label[locale] ?? f.id), question_type: f.type, responses: f.responses, answered: f.answered };
    const optionLabel = (value: string) =>
      value === OTHER_KEY ? message(uiLocaleFor(locale), "results.other") : ((question && "options" in question ? question.options.find((o) => o.value === value)?.label[locale] : undefined) ?? value);
    const answers = answerRows(f, optionLabel, question?.type === "location" ? (id) => question.map.places.find((p) => p.id === id)?.label[locale] ?? id : (id) => id, uiLocaleFor(locale));
    return (answers.length ? answers : [{ count: 0 }]).map((row) => SURVEY_COLUMNS.map((c) => ({ ...base, ...row })[c]));
  });
  return { name: "aggregates", columns: SURVEY_COLUMNS, rows };
}

function answerRows(f: QuestionFigures, optionLabel: (value: string) => string, placeLabel: (id: string) => string, ui: Locale): SurveyRow[] {
  switch (f.type) {
    case "single":
    case "select":
    case "multiple":
      return Object.entries(f.counts).map(([value, count]) => ({ answer: value, answer_label: optionLabel(value), count, share: share(count, f.answered) }));
    case "scale":
      return Object.entries(f.counts).map(([step, count]) => ({ answer: step, answer_label: step, count, share: share(count, f.answered), mean: rounded(f.mean), median: f.median ?? undefined }));
    case "ranking":
      return Object.entries(f.positions).flatMap(([value, counts]) =>
        counts.map((count, i) => ({ answer: value, answer_label: optionLabel(value), position: i + 1, count, share: share(count, f.answered), mean: rounded(f.average[value]) })),
      );
    case "number": {
      const stats = { mean: rounded(f.mean), median: rounded(f.median), min: f.min ?? undefined, max: f.max ?? undefined };
      return f.bins.map((b) => ({ bin_from: b.from, bin_to: b.to, count: b.count, share: share(b.count, f.answered), ...stats }));
    }
    case "date":
      return Object.entries(f.months).map(([month, count]) => ({ answer: month, answer_label: month, count, share: share(count, f.answered) }));
    case "location":
      return [
        ...Object.entries(f.places).map(([id, count]) => ({ answer: id, answer_label: placeLabel(id), count, share: share(count, f.answered) })),
        { answer: "point", answer_label: message(ui, "results.location.point"), count: f.point, share: share(f.point, f.answered) },
        { answer: "description", answer_label: message(ui, "results.location.description"), count: f.description, share: share(f.description, f.answered) },
      ];
    case "text":
    case "textarea":
      // Free text is never published; only how many wrote something.
      return [{ count: f.answered }];
  }
}

/** A map's approved contributions per category. */
export function categoryTable(page: MapPageModel, figures: MapResultsFile, locale: Locale): Table {
  const label = (id: string) => page.map.categories.find((c) => c.id === id)?.label[locale] ?? id;
  const rows = Object.entries(figures.categories).map(([id, count]) => [page.id, id, label(id), count, share(count, figures.approved), figures.approved, figures.received]);
  return { name: "categories", columns: CATEGORY_COLUMNS, rows };
}

/** Where a contribution is: its point, else its chosen place's, else nowhere (words only). */
export function contributionPoint(page: MapPageModel, item: PublishedContribution): [number, number] | undefined {
  return item.point ?? (item.place ? page.map.places.find((p) => p.id === item.place)?.coordinates : undefined);
}

/** One contribution's columns but the coordinates: the CSV's row and the GeoJSON feature's properties. */
export function contributionProperties(page: MapPageModel, item: PublishedContribution, locale: Locale): Record<string, string | null> {
  const ui = uiLocaleFor(locale);
  return {
    source: page.id,
    id: item.id,
    category: item.category,
    category_label: page.map.categories.find((c) => c.id === item.category)?.label[locale] ?? item.category,
    status: item.status,
    status_label: translate(ui, `desk.publicStatus.${item.status}`),
    comment: item.comment,
    city_answer: item.answer ?? null,
    place: item.place ?? null,
    place_label: item.place ? (page.map.places.find((p) => p.id === item.place)?.label[locale] ?? item.place) : null,
    description: item.description ?? null,
  };
}

/** A map's approved contributions (those the results file publishes), with their coordinates. */
export function contributionTable(page: MapPageModel, figures: MapResultsFile, locale: Locale): Table {
  const rows = figures.items.map((item) => {
    const properties = contributionProperties(page, item, locale);
    const point = contributionPoint(page, item);
    return CONTRIBUTION_COLUMNS.map((c) => (c === "longitude" ? point?.[0] : c === "latitude" ? point?.[1] : properties[c]));
  });
  return { name: "contributions", columns: CONTRIBUTION_COLUMNS, rows };
}
