// The results file, campaigns/<slug>/results/<page-id>.json: what `mitreden results` writes from the
// store, a city reviews and commits, validation checks against the campaign, and the build renders
// and publishes as open data. Aggregates only (no survey free text), plus a map's approved
// contributions. One file per survey or map page; the same store gives the same bytes.
//
// Shared by the collector (writes it), the campaign checks (validate it) and the site (renders it),
// which never import each other: so it lives here, with the model. Types, the file's name, and the
// statistics the page derives from the counts.
import type { PublicStatus } from "./model.js";

/** The format's name and version, the first key of every file: a later mitreden can read older files. */
export const RESULTS_FORMAT = "mitreden-results/1";

/** Folder of the results files inside a campaign folder. */
export const RESULTS_FOLDER = "results";

/** Key of the "other" choice in `counts` (the value the form sends, src/forms/fields.ts OTHER_VALUE). */
export const OTHER_KEY = "__other";

interface FiguresBase {
  id: string;
  /** Responses in which the question was asked: all of them, or those whose showIf held. */
  responses: number;
  /** Responses that answered it. Percentages on the page are of this number. */
  answered: number;
}

/**
 * single, select, multiple: how often each option was chosen, keys in the question's option order,
 * "__other" last. For multiple choice a person may choose several: the counts add up to more than
 * `answered` (each is at most `answered`); for the others they add up to exactly `answered`.
 */
export interface ChoiceFigures extends FiguresBase {
  type: "single" | "select" | "multiple";
  counts: Record<string, number>;
}

/** scale: how often each step was chosen, every step from min to max (also those nobody chose). */
export interface ScaleFigures extends FiguresBase {
  type: "scale";
  counts: Record<string, number>;
  /** Of the steps chosen; null when nobody answered. */
  median: number | null;
  mean: number | null;
}

/**
 * ranking: for each option, how often it was put in position 1, 2, … (an array as long as there are
 * options). Every answer orders all options, so each option's counts and each position's counts
 * add up to `answered`.
 */
export interface RankingFigures extends FiguresBase {
  type: "ranking";
  positions: Record<string, number[]>;
  /** Each option's mean position (1 = first), null when nobody ranked; "how often first" is positions[option][0]. */
  average: Record<string, number | null>;
}

/** A range of a number question's histogram: from ≤ value < to; the last bin includes `to`. */
export interface NumberBin {
  from: number;
  to: number;
  count: number;
}

/**
 * number: smallest, largest, median and mean of the answers, and a histogram. `median` is exact
 * (aggregateSurvey counts every distinct value) unless `exact` is false: beyond 100,000 distinct
 * values the values are rounded to 4 significant digits first (docs/adr/021-results-and-open-data.md).
 * `integers`: every answer was a whole number (the page then writes bins as "10–19").
 * Statistics are null when nobody answered.
 */
export interface NumberFigures extends FiguresBase {
  type: "number";
  min: number | null;
  max: number | null;
  median: number | null;
  mean: number | null;
  integers: boolean;
  exact: boolean;
  bins: NumberBin[];
}

/** date: answers per calendar month, "YYYY-MM" in order. */
export interface DateFigures extends FiguresBase {
  type: "date";
  months: Record<string, number>;
}

/**
 * location: how the answers said where, each answer counted once: a named place of the map (by id,
 * in the map's order), else a point set on the map, else only words. Add up to `answered`. The
 * points and words themselves are not published.
 */
export interface LocationFigures extends FiguresBase {
  type: "location";
  places: Record<string, number>;
  point: number;
  description: number;
}

/** text, textarea: only how many answered; free text is never published from a survey. */
export interface TextFigures extends FiguresBase {
  type: "text" | "textarea";
}

export type QuestionFigures = ChoiceFigures | ScaleFigures | RankingFigures | NumberFigures | DateFigures | LocationFigures | TextFigures;

/** The question types with figures; e-mail and consent answers are personal or say nothing, and are left out. */
export const AGGREGATED_TYPES = ["single", "select", "multiple", "scale", "ranking", "number", "date", "location", "text", "textarea"] as const;

export interface SurveyResultsFile {
  format: typeof RESULTS_FORMAT;
  campaign: string;
  page: string;
  type: "survey";
  /** Every response stored for the survey. */
  responses: number;
  /** In the survey's question order; hidden questions (every results page's `hide`) left out. */
  questions: QuestionFigures[];
}

/** An approved contribution as published: what the map showed, and (from the desk) its public status and answer. */
export interface PublishedContribution {
  id: string;
  category: string;
  comment: string;
  /** The public status the city gave it in the desk; "received" until then. */
  status: PublicStatus;
  /** The city's answer ("Antwort der Stadt"), when there is one. */
  answer?: string;
  /** [lng, lat], six decimals. */
  point?: [number, number];
  place?: string;
  description?: string;
}

export interface MapResultsFile {
  format: typeof RESULTS_FORMAT;
  campaign: string;
  page: string;
  type: "map";
  /** Every contribution received (also those not approved). */
  received: number;
  approved: number;
  /** Approved contributions per category, in the map's category order. Add up to `approved`. */
  categories: Record<string, number>;
  /**
   * The approved contributions, in order of arrival; only when the map shows others' contributions
   * (contributions.public): otherwise people were not told that their words would be published.
   */
  items: PublishedContribution[];
}

export type ResultsFile = SurveyResultsFile | MapResultsFile;

/** campaigns/<slug>/results/<page-id>.json, relative to the campaign folder. */
export function resultsFilePath(pageId: string): string {
  return `${RESULTS_FOLDER}/${pageId}.json`;
}

/** Mean position of a ranking option (1 = first), null when nobody ranked. */
export function averagePosition(counts: readonly number[]): number | null {
  let n = 0;
  let sum = 0;
  counts.forEach((c, i) => {
    n += c;
    sum += c * (i + 1);
  });
  return n === 0 ? null : sum / n;
}

/** Median of a distribution given as (value, count) pairs in ascending order: the middle value, or the mean of the two middle ones. */
export function medianOf(pairs: readonly (readonly [number, number])[]): number | null {
  const n = pairs.reduce((sum, [, c]) => sum + c, 0);
  if (n === 0) return null;
  const at = (rank: number): number => {
    let seen = 0;
    for (const [value, count] of pairs) {
      seen += count;
      if (rank < seen) return value;
    }
    return pairs.at(-1)![0];
  };
  return n % 2 === 1 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
}

/** Mean of (value, count) pairs, null when empty. */
export function meanOf(pairs: readonly (readonly [number, number])[]): number | null {
  let n = 0;
  let sum = 0;
  for (const [value, count] of pairs) {
    n += count;
    sum += value * count;
  }
  return n === 0 ? null : sum / n;
}
