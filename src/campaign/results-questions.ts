// One question's figures as a page shows them: a table of rows (label, count, share) with bar
// lengths, and the sentences around it. Drawn by the public results page
// (src/site/results/view.ts, templates/pages/results.njk) from the committed results file and by
// the desk's survey page (src/collector/desk/surveys.ts) from the live tally: the same words and
// numbers in both places. Here, beside the results file, because the site and the collector do not
// import each other.
import { scaleStepText, type Locale, type SurveyPageModel } from "./model.js";
import { averagePosition, OTHER_KEY, type QuestionFigures } from "./results-file.js";
import { formatNumber } from "../i18n/format.js";
import { intlLocale, message } from "../i18n/index.js";
import { markdownToText } from "../pages/markdown.js";

/** A bar's full length in SVG units (templates/pages/results.njk: viewBox 0 0 424 18, stretched over the row). */
export const CHART = { width: 424 } as const;

export interface ResultRow {
  label: string;
  count: number;
  /** "42,5 %" of those who answered; empty where a share means nothing (ranking). */
  percent: string;
  /** Bar length in SVG units, proportional to `count` (the largest count fills the row). */
  bar: number;
}

export interface QuestionView {
  id: string;
  label: string;
  type: QuestionFigures["type"];
  answered: number;
  responses: number;
  /** "42 von 50 Personen haben diese Frage beantwortet." */
  answeredText: string;
  /** Multiple choice: the note that shares add up to more than 100 %. */
  note?: string;
  /** Median, mean, min and max in words where the question has them. */
  summary?: string;
  /** Header of the table's columns. */
  columns: [string, string, string];
  rows: ResultRow[];
}

function percentFormat(ui: Locale) {
  return new Intl.NumberFormat(intlLocale(ui), { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** Rows with bars proportional to their counts. */
export function rowsOf(entries: [string, number][], of: number, ui: Locale, percent = true): ResultRow[] {
  const largest = Math.max(0, ...entries.map(([, n]) => n));
  const format = percentFormat(ui);
  return entries.map(([label, count]) => ({
    label,
    count,
    percent: percent && of > 0 ? format.format(count / of) : "",
    bar: largest === 0 ? 0 : Math.round((count / largest) * CHART.width * 100) / 100,
  }));
}

export function questionView(page: SurveyPageModel, f: QuestionFigures, locale: Locale, ui: Locale): QuestionView {
  const question = page.questions.find((q) => q.id === f.id);
  const label = markdownToText(question?.label[locale] ?? f.id);
  const optionLabel = (value: string) =>
    value === OTHER_KEY ? message(ui, "results.other") : ((question && "options" in question ? question.options.find((o) => o.value === value)?.label[locale] : undefined) ?? value);
  const n = (value: number | null) => (value === null ? "–" : formatNumber(Math.round(value * 100) / 100, ui));
  let rows: ResultRow[] = [];
  let summary: string | undefined;
  let columns: [string, string, string] = [message(ui, "results.table.option"), message(ui, "results.table.count"), message(ui, "results.table.percent")];
  switch (f.type) {
    case "single":
    case "select":
    case "multiple":
      rows = rowsOf(Object.entries(f.counts).map(([value, count]) => [optionLabel(value), count]), f.answered, ui);
      break;
    case "scale":
      // The ends with the campaign's words for them, as the form showed them: "1" alone says nothing.
      rows = rowsOf(Object.entries(f.counts).map(([step, count]) => [question?.type === "scale" ? scaleStepText(question, Number(step), locale) : step, count]), f.answered, ui);
      summary = message(ui, "results.scale.summary", { mean: n(f.mean), median: n(f.median) });
      break;
    case "ranking": {
      // How often each option came first (the bar), ordered by average place, best first.
      columns = [message(ui, "results.ranking.option"), message(ui, "results.ranking.first"), message(ui, "results.ranking.average")];
      const ranked = Object.entries(f.positions).sort(([, a], [, b]) => (averagePosition(a) ?? Infinity) - (averagePosition(b) ?? Infinity));
      rows = rowsOf(ranked.map(([value, places]) => [optionLabel(value), places[0] ?? 0]), f.answered, ui).map((row, i) => ({ ...row, percent: n(averagePosition(ranked[i]![1])) }));
      break;
    }
    case "number":
      rows = rowsOf(
        f.bins.map((b) => [f.integers ? message(ui, "results.number.bin", { from: formatNumber(b.from, ui), to: formatNumber(b.to - 1, ui) }) : message(ui, "results.number.bin", { from: formatNumber(b.from, ui), to: formatNumber(b.to, ui) }), b.count]),
        f.answered,
        ui,
      );
      summary = f.answered ? message(ui, "results.number.summary", { min: n(f.min), median: n(f.median), max: n(f.max) }) : undefined;
      break;
    case "date": {
      const month = new Intl.DateTimeFormat(intlLocale(ui), { month: "long", year: "numeric", timeZone: "UTC" });
      rows = rowsOf(Object.entries(f.months).map(([ym, count]) => [month.format(new Date(`${ym}-01T00:00:00Z`)), count]), f.answered, ui);
      break;
    }
    case "location": {
      const places = question?.type === "location" ? question.map.places : [];
      rows = rowsOf(
        [
          ...Object.entries(f.places).map(([id, count]): [string, number] => [places.find((p) => p.id === id)?.label[locale] ?? id, count]),
          [message(ui, "results.location.point"), f.point],
          [message(ui, "results.location.description"), f.description],
        ],
        f.answered,
        ui,
      );
      break;
    }
    case "text":
    case "textarea":
      summary = message(ui, "results.question.text");
      break;
  }
  return {
    id: f.id,
    label,
    type: f.type,
    answered: f.answered,
    responses: f.responses,
    answeredText: f.answered === 0 ? message(ui, "results.question.nobody") : message(ui, "results.question.answered", { answered: formatNumber(f.answered, ui), responses: formatNumber(f.responses, ui) }),
    // Nobody answered: no "Mittelwert –, Median –" and no note on shares after saying so.
    note: f.type === "multiple" && f.answered > 0 ? message(ui, "results.question.multiple") : undefined,
    summary: f.answered === 0 ? undefined : summary,
    columns,
    rows: f.answered === 0 ? [] : rows,
  };
}
