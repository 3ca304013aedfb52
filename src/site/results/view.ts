// What a results page shows, decided here and drawn by templates/pages/results.njk: per source page
// its figures (from campaigns/<slug>/results/<page-id>.json, never from a database), per question a
// table of rows and the bars of its chart. Bar lengths are proportional to the counts in the table:
// the chart is the table drawn, the table its accessible equivalent.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { CampaignModel, Locale, MapPageModel, ResultsPageModel, SurveyPageModel } from "../../campaign/model.js";
import { resultsFilePath, type MapResultsFile, type SurveyResultsFile } from "../../campaign/results-file.js";
import { questionView, rowsOf, type QuestionView, type ResultRow } from "../../campaign/results-questions.js";
import { formatNumber } from "../../i18n/format.js";
import { message, translate } from "../../i18n/index.js";

// Shared with the desk's live figures (src/campaign/results-questions.ts).
export { CHART, type QuestionView, type ResultRow } from "../../campaign/results-questions.js";

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

function mapView(page: MapPageModel, f: MapResultsFile, locale: Locale, ui: Locale): MapView {
  const categoryLabel = (id: string) => page.map.categories.find((c) => c.id === id)?.label[locale] ?? id;
  const categories = rowsOf(Object.entries(f.categories).map(([id, count]) => [categoryLabel(id), count]), f.approved, ui);
  const order = ["done", "partly", "planned", "in-review", "received", "not-possible"];
  const groups = order
    .map((status) => ({
      status,
      // The words of the map page's list and the desk: one status reads the same wherever a citizen meets it.
      label: translate(ui, `desk.publicStatus.${status}`),
      items: f.items
        .filter((item) => item.status === status)
        .map((item) => ({ category: categoryLabel(item.category), comment: item.comment, place: item.place ? (page.map.places.find((p) => p.id === item.place)?.label[locale] ?? item.place) : item.description, answer: item.answer })),
    }))
    .filter((g) => g.items.length > 0);
  return { categories, groups };
}
