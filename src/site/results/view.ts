// What a results page shows, decided here and drawn by templates/pages/results.njk: per source page
// its figures (from campaigns/<slug>/results/<page-id>.json, never from a database), per question a
// table of rows and the bars of its chart. Bar lengths are proportional to the counts in the table:
// the chart is the table drawn, the table its accessible equivalent.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { CampaignModel, Locale, MapPageModel, ResultsPageModel, SurveyPageModel } from "../../campaign/model.js";
import { averagePosition, OTHER_KEY, resultsFilePath, type MapResultsFile, type QuestionFigures, type SurveyResultsFile } from "../../campaign/results-file.js";
import { formatNumber } from "../../i18n/format.js";
import { intlLocale, message, translate } from "../../i18n/index.js";
import { markdownToText } from "../../pages/markdown.js";

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

export interface SourceView {
  id: string;
  title: string;
  type: "survey" | "map";
  /** No results file yet: the page says so. */
  missing: boolean;
  intro?: string;
  questions: QuestionView[];
  map?: MapView;
}

export interface MapView {
  categories: ResultRow[];
  groups: { status: string; label: string; items: { category: string; comment: string; place?: string; answer?: string }[] }[];
}

export interface ResultsView {
  /** publishFrom has come. */
  published: boolean;
  publishFrom: string;
  sources: SourceView[];
}

export function resultsView(campaign: CampaignModel, page: ResultsPageModel, locale: Locale, ui: Locale, now: string): ResultsView {
  const published = Date.parse(now) >= Date.parse(page.publishFrom);
  const sources = published
    ? page.sources.flatMap((id): SourceView[] => {
        const source = campaign.pages.find((p): p is SurveyPageModel | MapPageModel => p.id === id && (p.type === "survey" || p.type === "map"));
        return source ? [sourceView(campaign, page, source, locale, ui)] : [];
      })
    : [];
  return { published, publishFrom: page.publishFrom, sources };
}

export function readFigures(campaign: CampaignModel, pageId: string): SurveyResultsFile | MapResultsFile | undefined {
  const file = path.join(campaign.dir, resultsFilePath(pageId));
  // Validation (src/campaign/checks/results.ts) has checked the file against the campaign.
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as SurveyResultsFile | MapResultsFile) : undefined;
}

function sourceView(campaign: CampaignModel, results: ResultsPageModel, source: SurveyPageModel | MapPageModel, locale: Locale, ui: Locale): SourceView {
  const figures = readFigures(campaign, source.id);
  const base = { id: source.id, title: source.title[locale] ?? source.id, type: source.type, missing: !figures, questions: [] };
  if (!figures) return base;
  if (figures.type === "map" && source.type === "map") return { ...base, intro: message(ui, "results.map.summary", { approved: formatNumber(figures.approved, ui), received: formatNumber(figures.received, ui) }), map: mapView(source, figures, locale, ui) };
  if (figures.type !== "survey" || source.type !== "survey") return base;
  const hidden = new Set(results.hide);
  const questions = figures.questions.filter((f) => !hidden.has(f.id)).map((f) => questionView(source, f, locale, ui));
  const intro = figures.responses === 0 ? message(ui, "results.survey.none") : translate(ui, "results.survey.responses", { count: figures.responses });
  return { ...base, intro, questions };
}

function percentFormat(ui: Locale) {
  return new Intl.NumberFormat(intlLocale(ui), { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** Rows with bars proportional to their counts. */
function rowsOf(entries: [string, number][], of: number, ui: Locale, percent = true): ResultRow[] {
  const largest = Math.max(0, ...entries.map(([, n]) => n));
  const format = percentFormat(ui);
  return entries.map(([label, count]) => ({
    label,
    count,
    percent: percent && of > 0 ? format.format(count / of) : "",
    bar: largest === 0 ? 0 : Math.round((count / largest) * CHART.width * 100) / 100,
  }));
}

function questionView(page: SurveyPageModel, f: QuestionFigures, locale: Locale, ui: Locale): QuestionView {
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
      rows = rowsOf(Object.entries(f.counts).map(([step, count]) => [step, count]), f.answered, ui);
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

function mapView(page: MapPageModel, f: MapResultsFile, locale: Locale, ui: Locale): MapView {
  const categoryLabel = (id: string) => page.map.categories.find((c) => c.id === id)?.label[locale] ?? id;
  const categories = rowsOf(Object.entries(f.categories).map(([id, count]) => [categoryLabel(id), count]), f.approved, ui);
  const order = ["done", "partly", "planned", "in-review", "received", "not-possible"];
  const groups = order
    .map((status) => ({
      status,
      label: translate(ui, `results.status.${status}`),
      items: f.items
        .filter((item) => item.status === status)
        .map((item) => ({ category: categoryLabel(item.category), comment: item.comment, place: item.place ? (page.map.places.find((p) => p.id === item.place)?.label[locale] ?? item.place) : item.description, answer: item.answer })),
    }))
    .filter((g) => g.items.length > 0);
  return { categories, groups };
}
