// The downloads of a results page, made once per build from the committed results files: per survey
// its aggregates (CSV, CSV for German Excel, JSON), per map its counts per category and, where the
// map publishes them, its approved contributions (CSV, CSV for German Excel, GeoJSON); a data
// dictionary per table; and dcat.jsonld, the DCAT-AP.de description of them all. The site build
// writes them next to the results page (write.ts); the page lists them with their sizes (view.ts).
import type { CampaignModel, Locale, MapPageModel, ResultsPageModel, SurveyPageModel } from "../../campaign/model.js";
import type { MapResultsFile, SurveyResultsFile } from "../../campaign/results-file.js";
import { pagePath } from "../../campaign/urls.js";
import { toCsv } from "../../csv.js";
import { translate } from "../../i18n/index.js";
import { readFigures } from "../results/view.js";
import { dcatDataset } from "./dcat.js";
import { MAP_JSON_FIELDS, SURVEY_JSON_FIELDS } from "./json-fields.js";
import { categoryTable, columnText, contributionPoint, contributionProperties, contributionTable, surveyTable, type Table, type TableName } from "./tables.js";

export type DownloadKind = "aggregates" | "aggregatesExcel" | "categories" | "categoriesExcel" | "contributions" | "contributionsExcel" | "json" | "geojson" | "dictionary";

export type DictionaryTable = TableName | "json";

export interface OpenDataFile {
  /** File name next to the results page; stable from build to build (page ids and fixed suffixes). */
  name: string;
  /** The survey or map page the data comes from. */
  source: string;
  kind: DownloadKind;
  /** The table a CSV or a dictionary is of ("json": the results file). */
  table?: DictionaryTable;
  format: "CSV" | "JSON" | "GeoJSON";
  mediaType: string;
  body: Buffer;
  /** File name of the data dictionary that explains this file's columns. */
  dictionary?: string;
}

export interface OpenData {
  /** Root-relative folder the files are written to: the results page in the campaign's default language. */
  folder: string;
  files: OpenDataFile[];
  /** dcat.jsonld: the dataset and one distribution per file. */
  dcat: Record<string, unknown>;
}

/** The DCAT-AP.de description's file name, next to the downloads. */
export const DCAT_FILE = "dcat.jsonld";

/** Dictionaries speak both languages whatever the page's: a portal's users need not read German. */
const DICTIONARY_LANGUAGES = ["de", "en"] as const;

const made = new WeakMap<ResultsPageModel, OpenData>();

/**
 * A results page's open data, or undefined before its publishFrom (nothing is published early).
 * Made once per page model: the page's route and the writer ask for the same bytes.
 */
export function openDataOf(campaign: CampaignModel, page: ResultsPageModel, now: string): OpenData | undefined {
  if (Date.parse(now) < Date.parse(page.publishFrom)) return undefined;
  let data = made.get(page);
  if (!data) {
    const files = page.sources.flatMap((id) => sourceFiles(campaign, page, id));
    data = { folder: pagePath(campaign, campaign.locale, page.id), files, dcat: dcatDataset(campaign, page, files) };
    made.set(page, data);
  }
  return data;
}

function sourceFiles(campaign: CampaignModel, results: ResultsPageModel, id: string): OpenDataFile[] {
  const source = campaign.pages.find((p): p is SurveyPageModel | MapPageModel => p.id === id && (p.type === "survey" || p.type === "map"));
  const figures = readFigures(campaign, id);
  if (!source || !figures) return [];
  const locale = campaign.locale;
  if (source.type === "survey" && figures.type === "survey") {
    const published: SurveyResultsFile = { ...figures, questions: figures.questions.filter((q) => !results.hide.includes(q.id)) };
    return [...tableFiles(surveyTable(source, figures, results.hide, locale), id, "aggregates", id), ...jsonFiles(published, id)];
  }
  if (source.type !== "map" || figures.type !== "map") return [];
  const files = [...jsonFiles(figures, id), ...tableFiles(categoryTable(source, figures, locale), id, "categories", `${id}-kategorien`)];
  // Contributions only where the map told people their words would be public (ADR 021).
  if (source.map.contributions.public) files.push(...tableFiles(contributionTable(source, figures, locale), id, "contributions", `${id}-beitraege`, [geojsonFile(source, figures, id, locale)]));
  return files;
}

/** A table as CSV (comma, UTF-8), as CSV for German Excel (BOM, ";", decimal comma), other forms of the same data, and last its data dictionary. */
function tableFiles(table: Table, source: string, kind: "aggregates" | "categories" | "contributions", base: string, others: OpenDataFile[] = []): OpenDataFile[] {
  const dictionary = `${base}-datenbeschreibung.csv`;
  const header = [...table.columns];
  const csv = (name: string, k: DownloadKind, text: string): OpenDataFile => ({ name, source, kind: k, table: table.name, format: "CSV", mediaType: "text/csv", body: Buffer.from(text), dictionary });
  return [
    csv(`${base}.csv`, kind, toCsv(table.rows, { header, bom: false })),
    csv(`${base}-excel.csv`, `${kind}Excel`, toCsv(table.rows, { header, bom: true, delimiter: ";", decimal: "," })),
    ...others,
    dictionaryFile(dictionary, source, table.name, "column", table.columns.map((c) => [c, columnText(table.name, c)])),
  ];
}

/** A results file as it is (it is the aggregates), with the dictionary of its fields. */
function jsonFiles(figures: SurveyResultsFile | MapResultsFile, source: string): OpenDataFile[] {
  const dictionary = `${source}-json-datenbeschreibung.csv`;
  const fields = figures.type === "survey" ? SURVEY_JSON_FIELDS : MAP_JSON_FIELDS;
  return [
    { name: `${source}.json`, source, kind: "json", table: "json", format: "JSON", mediaType: "application/json", body: Buffer.from(`${JSON.stringify(figures, null, 2)}\n`), dictionary },
    dictionaryFile(dictionary, source, "json", "field", fields),
  ];
}

/** What every column (or JSON field) means, one row each, in German and English. */
function dictionaryFile(name: string, source: string, table: DictionaryTable, what: "column" | "field", entries: readonly (readonly [string, string])[]): OpenDataFile {
  const rows = entries.map(([entry, key]) => [entry, ...DICTIONARY_LANGUAGES.map((l) => translate(l, key))]);
  const header = [what, ...DICTIONARY_LANGUAGES.map((l) => `description_${l}`)];
  return { name, source, kind: "dictionary", table, format: "CSV", mediaType: "text/csv", body: Buffer.from(toCsv(rows, { header })) };
}

/** The approved contributions as a FeatureCollection; one described only in words has no geometry (RFC 7946 allows null). */
function geojsonFile(page: MapPageModel, figures: MapResultsFile, source: string, locale: Locale): OpenDataFile {
  const collection = {
    type: "FeatureCollection",
    features: figures.items.map((item) => {
      const point = contributionPoint(page, item);
      return { type: "Feature", id: item.id, geometry: point ? { type: "Point", coordinates: point } : null, properties: contributionProperties(page, item, locale) };
    }),
  };
  return { name: `${source}-beitraege.geojson`, source, kind: "geojson", table: "contributions", format: "GeoJSON", mediaType: "application/geo+json", body: Buffer.from(`${JSON.stringify(collection)}\n`), dictionary: `${source}-beitraege-datenbeschreibung.csv` };
}
