// The one aggregation of survey answers and map contributions: `mitreden results` writes its figures
// to campaigns/<slug>/results/, and the desk shows the same figures live. Streaming: a tally takes one
// response at a time and keeps only counts, so memory does not grow with the number of responses
// (only a number question keeps its distinct values, capped: see NumberTally).
import type { CampaignModel, MapPageModel, PublicStatus, QuestionModel, SurveyPageModel } from "../../campaign/model.js";
import {
  AGGREGATED_TYPES,
  type DateFigures,
  type LocationFigures,
  type MapResultsFile,
  medianOf,
  meanOf,
  averagePosition,
  type NumberBin,
  type NumberFigures,
  OTHER_KEY,
  type PublishedContribution,
  type QuestionFigures,
  RESULTS_FORMAT,
  type SurveyResultsFile,
} from "../../campaign/results-file.js";
import type { Answers, LocationAnswer } from "../../forms/fields.js";
import type { StoredContribution } from "../store/types.js";

type Aggregated = Extract<QuestionModel, { type: (typeof AGGREGATED_TYPES)[number] }>;

/** Counts for one survey, fed one response at a time. */
export interface SurveyTally {
  /** Adds one response's answers. */
  add(answers: Answers): void;
  /** Responses added so far. */
  readonly responses: number;
  /** The figures so far, per question in the survey's order (hidden, e-mail and consent questions left out). */
  figures(): QuestionFigures[];
}

export interface TallyOptions {
  /** Question ids to leave out (the results pages' `hide`). */
  hide?: readonly string[];
}

export function createSurveyTally(page: SurveyPageModel, options: TallyOptions = {}): SurveyTally {
  const hidden = new Set(options.hide ?? []);
  const tallies = page.questions
    .filter((q): q is Aggregated => (AGGREGATED_TYPES as readonly string[]).includes(q.type) && !hidden.has(q.id))
    .map(questionTally);
  let responses = 0;
  return {
    add(answers) {
      responses++;
      for (const tally of tallies) tally.add(answers);
    },
    get responses() {
      return responses;
    },
    figures: () => tallies.map((t) => t.figures()),
  };
}

/** A survey's results file from its responses' answers, read a batch at a time (the store's answerBatches): memory stays flat. */
export async function aggregateSurvey(campaign: CampaignModel, page: SurveyPageModel, batches: AsyncIterable<Answers[]>, options: TallyOptions = {}): Promise<SurveyResultsFile> {
  const tally = createSurveyTally(page, options);
  for await (const batch of batches) for (const answers of batch) tally.add(answers);
  return { format: RESULTS_FORMAT, campaign: campaign.slug, page: page.id, type: "survey", responses: tally.responses, questions: tally.figures() };
}

/** A contribution as the desk may have it: its public status and the city's answer, once the desk stores them. */
type WithAnswer = StoredContribution & { publicStatus?: PublicStatus; answer?: string };

/**
 * A map's results file: how many were received and approved, approved per category, and (when the
 * map shows others' contributions) the approved ones with their public status and the city's answer.
 */
export async function aggregateMap(campaign: CampaignModel, page: MapPageModel, contributions: AsyncIterable<StoredContribution>): Promise<MapResultsFile> {
  const categories: Record<string, number> = Object.fromEntries(page.map.categories.map((c) => [c.id, 0]));
  const items: PublishedContribution[] = [];
  let received = 0;
  let approved = 0;
  for await (const c of contributions as AsyncIterable<WithAnswer>) {
    received++;
    if (c.status !== "approved") continue;
    approved++;
    categories[c.category] = (categories[c.category] ?? 0) + 1;
    if (!page.map.contributions.public) continue;
    const item: PublishedContribution = { id: c.id, category: c.category, comment: c.comment, status: c.publicStatus ?? "received" };
    if (c.point) item.point = [round6(c.point[0]), round6(c.point[1])];
    if (c.place) item.place = c.place;
    if (c.description) item.description = c.description;
    if (c.answer) item.answer = c.answer;
    items.push(item);
  }
  return { format: RESULTS_FORMAT, campaign: campaign.slug, page: page.id, type: "map", received, approved, categories, items };
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

interface QuestionTally {
  add(answers: Answers): void;
  figures(): QuestionFigures;
}

/** Whether the question was put to this person: no showIf, or the earlier answer equals (or includes) one of its values. */
function asked(q: QuestionModel, answers: Answers): boolean {
  if (!q.showIf) return true;
  const earlier = answers[q.showIf.question];
  if (earlier === undefined) return false;
  return Array.isArray(earlier) ? earlier.some((v) => q.showIf!.values.includes(v)) : q.showIf.values.includes(earlier as string | number | boolean);
}

function questionTally(q: Aggregated): QuestionTally {
  let responses = 0;
  let answered = 0;
  const count = (answers: Answers, record: (answer: unknown) => boolean) => {
    if (!asked(q, answers)) return;
    responses++;
    const answer = answers[q.id];
    if (answer !== undefined && answer !== null && answer !== "" && record(answer)) answered++;
  };
  const base = () => ({ id: q.id, responses, answered });
  switch (q.type) {
    case "single":
    case "select":
    case "multiple": {
      const counts: Record<string, number> = Object.fromEntries([...q.options.map((o) => o.value), ...("other" in q && q.other ? [OTHER_KEY] : [])].map((v) => [v, 0]));
      const bump = (value: string) => (counts[value] = (counts[value] ?? 0) + 1);
      return {
        add: (answers) =>
          count(answers, (answer) => {
            if (q.type !== "multiple") return typeof answer === "string" && bump(answer) > 0;
            // Each option once per person, however the browser sent it: counts are of people.
            const chosen = new Set(Array.isArray(answer) ? answer.filter((v): v is string => typeof v === "string") : []);
            chosen.forEach(bump);
            return chosen.size > 0;
          }),
        figures: () => ({ ...base(), type: q.type, counts: { ...counts } }),
      };
    }
    case "scale": {
      const counts: Record<string, number> = {};
      for (let step = q.min; step <= q.max; step++) counts[String(step)] = 0;
      return {
        add: (answers) => count(answers, (answer) => typeof answer === "number" && (counts[String(answer)] = (counts[String(answer)] ?? 0) + 1) > 0),
        figures: () => {
          const pairs = Object.entries(counts).map(([step, n]) => [Number(step), n] as const).sort(([a], [b]) => a - b);
          return { ...base(), type: "scale", counts: { ...counts }, median: medianOf(pairs), mean: meanOf(pairs) };
        },
      };
    }
    case "ranking": {
      const positions: Record<string, number[]> = Object.fromEntries(q.options.map((o) => [o.value, q.options.map(() => 0)]));
      return {
        add: (answers) =>
          count(answers, (answer) => {
            if (!Array.isArray(answer) || answer.length === 0) return false;
            answer.forEach((value, i) => {
              const row = positions[value as string];
              if (row && i < row.length) row[i]!++;
            });
            return true;
          }),
        figures: () => ({
          ...base(),
          type: "ranking",
          positions: Object.fromEntries(Object.entries(positions).map(([k, v]) => [k, [...v]])),
          average: Object.fromEntries(Object.entries(positions).map(([k, v]) => [k, averagePosition(v)])),
        }),
      };
    }
    case "number": {
      const values = new NumberTally();
      return {
        add: (answers) => count(answers, (answer) => typeof answer === "number" && Number.isFinite(answer) && (values.add(answer), true)),
        figures: () => ({ ...base(), ...values.figures() }),
      };
    }
    case "date": {
      const months: Record<string, number> = {};
      return {
        add: (answers) =>
          count(answers, (answer) => {
            if (typeof answer !== "string" || !/^\d{4}-\d{2}/.test(answer)) return false;
            months[answer.slice(0, 7)] = (months[answer.slice(0, 7)] ?? 0) + 1;
            return true;
          }),
        figures: (): DateFigures => ({ ...base(), type: "date", months: Object.fromEntries(Object.entries(months).sort(([a], [b]) => a.localeCompare(b))) }),
      };
    }
    case "location": {
      const places: Record<string, number> = Object.fromEntries(q.map.places.map((p) => [p.id, 0]));
      let point = 0;
      let description = 0;
      return {
        add: (answers) =>
          count(answers, (answer) => {
            const where = answer as LocationAnswer;
            if (where.place) places[where.place] = (places[where.place] ?? 0) + 1;
            else if (where.point) point++;
            else if (where.description) description++;
            else return false;
            return true;
          }),
        figures: (): LocationFigures => ({ ...base(), type: "location", places: { ...places }, point, description }),
      };
    }
    case "text":
    case "textarea":
      return {
        add: (answers) => count(answers, (answer) => typeof answer === "string" && answer.trim() !== ""),
        figures: () => ({ ...base(), type: q.type }),
      };
  }
}

/** Distinct values beyond which a number question's values are rounded (4 significant digits): memory stays bounded. */
export const EXACT_NUMBER_LIMIT = 100_000;

/** A number question's answers as (value, count): exact median and histogram without keeping every answer. */
class NumberTally {
  private counts = new Map<number, number>();
  private exact = true;
  private integers = true;
  private sum = 0;
  private n = 0;
  private min = Infinity;
  private max = -Infinity;

  add(value: number): void {
    this.n++;
    this.sum += value;
    this.min = Math.min(this.min, value);
    this.max = Math.max(this.max, value);
    if (!Number.isInteger(value)) this.integers = false;
    const key = this.exact ? value : Number(value.toPrecision(4));
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    if (this.exact && this.counts.size > EXACT_NUMBER_LIMIT) {
      this.exact = false;
      const rounded = new Map<number, number>();
      for (const [v, c] of this.counts) rounded.set(Number(v.toPrecision(4)), (rounded.get(Number(v.toPrecision(4))) ?? 0) + c);
      this.counts = rounded;
    }
  }

  figures(): Omit<NumberFigures, "id" | "responses" | "answered"> {
    const pairs = [...this.counts].sort(([a], [b]) => a - b);
    const empty = this.n === 0;
    return {
      type: "number",
      min: empty ? null : this.min,
      max: empty ? null : this.max,
      median: medianOf(pairs),
      mean: empty ? null : this.sum / this.n,
      integers: this.integers,
      exact: this.exact,
      bins: empty ? [] : bins(pairs, this.min, this.max, this.integers),
    };
  }
}

/** Up to 10 bins of a "nice" width (1, 2 or 5 × a power of ten; whole numbers for whole answers). */
function bins(pairs: [number, number][], min: number, max: number, integers: boolean): NumberBin[] {
  const span = max - min;
  let width = nice(span / 10);
  if (integers) width = Math.max(1, Math.ceil(width));
  if (span === 0) width = 1;
  const start = Math.floor(min / width) * width;
  const count = Math.max(1, Math.floor((max - start) / width) + (integers || (max - start) % width !== 0 ? 1 : 0));
  const result: NumberBin[] = Array.from({ length: count }, (_, i) => ({ from: tidy(start + i * width), to: tidy(start + (i + 1) * width), count: 0 }));
  for (const [value, n] of pairs) result[Math.min(count - 1, Math.floor((value - start) / width))]!.count += n;
  return result;
}

function nice(raw: number): number {
  if (raw <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].find((f) => f * power >= raw)!;
  return step * power;
}

/** 0.30000000000000004 → 0.3 */
const tidy = (n: number) => Number(n.toPrecision(12));
