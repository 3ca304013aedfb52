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
  /** The counts so far as plain data, as a worker hands them over (aggregateSurvey in parallel). */
  counts(): TallyCounts;
  /** Adds counts of other responses of the same survey, made by another tally with the same options. */
  merge(counts: TallyCounts): void;
}

/** A tally's counts as plain data: numbers, lists and records of numbers, per question in order. */
export interface TallyCounts {
  responses: number;
  questions: unknown[];
}

export interface TallyOptions {
  /** Question ids to leave out (the results pages' `hide`). */
  hide?: readonly string[];
}

export function createSurveyTally(page: SurveyPageModel, options: TallyOptions = {}): SurveyTally {
  const hidden = new Set(options.hide ?? []);
  const counted = page.questions.filter((q): q is Aggregated => (AGGREGATED_TYPES as readonly string[]).includes(q.type) && !hidden.has(q.id));
  const tallies = counted.map(questionTally);
  // Each answer a tally needs (its own, and the earlier one its showIf looks at) goes to a slot: the
  // answers are walked once per response instead of asked for by name, which costs more than the
  // counting when answers differ in their keys from response to response.
  const slotOf = new Map<string, number>();
  const slot = (id: string) => slotOf.get(id) ?? (slotOf.set(id, slotOf.size), slotOf.size - 1);
  const own = counted.map((q) => slot(q.id));
  const earlier = counted.map((q) => (q.showIf ? slot(q.showIf.question) : -1));
  const values: unknown[] = Array.from({ length: slotOf.size });
  let responses = 0;
  return {
    add(answers) {
      responses++;
      values.fill(undefined);
      for (const key in answers) {
        const i = slotOf.get(key);
        if (i !== undefined) values[i] = answers[key];
      }
      for (let i = 0; i < tallies.length; i++) tallies[i]!.add(values[own[i]!], earlier[i]! < 0 ? undefined : values[earlier[i]!]);
    },
    get responses() {
      return responses;
    },
    figures: () => tallies.map((t) => t.figures()),
    counts: () => ({ responses, questions: tallies.map((t) => t.counts()) }),
    merge(counts) {
      responses += counts.responses;
      tallies.forEach((t, i) => t.merge(counts.questions[i]));
    },
  };
}

/** A survey's results file from its responses' answers, read a batch at a time (the store's answerBatches): memory stays flat. */
export async function aggregateSurvey(campaign: CampaignModel, page: SurveyPageModel, batches: AsyncIterable<Answers[]>, options: TallyOptions = {}): Promise<SurveyResultsFile> {
  const tally = createSurveyTally(page, options);
  for await (const batch of batches) for (const answers of batch) tally.add(answers);
  return surveyResultsFile(campaign, page, tally);
}

export function surveyResultsFile(campaign: CampaignModel, page: SurveyPageModel, tally: SurveyTally): SurveyResultsFile {
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
  /** One response's answer to the question, and (for a question with showIf) the earlier answer it depends on. */
  add(answer: unknown, earlier: unknown): void;
  figures(): QuestionFigures;
  counts(): unknown;
  merge(counts: unknown): void;
}

/** Whether the question was put to this person: no showIf, or the earlier answer equals (or includes) one of its values. */
function asked(q: QuestionModel, earlier: unknown): boolean {
  if (!q.showIf) return true;
  if (earlier === undefined) return false;
  return Array.isArray(earlier) ? earlier.some((v) => q.showIf!.values.includes(v)) : q.showIf.values.includes(earlier as string | number | boolean);
}

/**
 * A question's counts live in one record of numbers (and records and lists of numbers), so that
 * tallies of parts of the responses add up by adding their records.
 */
function questionTally(q: Aggregated): QuestionTally {
  const tally = <C extends { responses: number; answered: number }>(c: C, record: (answer: unknown) => boolean, figures: () => QuestionFigures): QuestionTally => ({
    add(answer, earlier) {
      if (!asked(q, earlier)) return;
      c.responses++;
      if (answer !== undefined && answer !== null && answer !== "" && record(answer)) c.answered++;
    },
    figures,
    counts: () => c,
    merge: (other) => addCounts(c, other as C),
  });
  const base = (c: { responses: number; answered: number }) => ({ id: q.id, responses: c.responses, answered: c.answered });
  switch (q.type) {
    case "single":
    case "select":
    case "multiple": {
      const c = { responses: 0, answered: 0, counts: Object.fromEntries([...q.options.map((o) => o.value), ...("other" in q && q.other ? [OTHER_KEY] : [])].map((v) => [v, 0])) as Record<string, number> };
      const bump = (value: string) => (c.counts[value] = (c.counts[value] ?? 0) + 1);
      const record =
        q.type !== "multiple"
          ? (answer: unknown) => typeof answer === "string" && bump(answer) > 0
          : (answer: unknown) => {
              if (!Array.isArray(answer)) return false;
              // Each option once per person, however the browser sent it: counts are of people.
              let chosen = 0;
              for (let i = 0; i < answer.length; i++) {
                const value: unknown = answer[i];
                if (typeof value === "string" && answer.indexOf(value) === i) chosen += bump(value) > 0 ? 1 : 0;
              }
              return chosen > 0;
            };
      return tally(c, record, () => ({ ...base(c), type: q.type, counts: { ...c.counts } }));
    }
    case "scale": {
      const c = { responses: 0, answered: 0, counts: {} as Record<string, number> };
      for (let step = q.min; step <= q.max; step++) c.counts[String(step)] = 0;
      return tally(
        c,
        (answer) => typeof answer === "number" && (c.counts[String(answer)] = (c.counts[String(answer)] ?? 0) + 1) > 0,
        () => {
          const pairs = Object.entries(c.counts)
            .map(([step, n]) => [Number(step), n] as const)
            .sort(([a], [b]) => a - b);
          return { ...base(c), type: "scale", counts: { ...c.counts }, median: medianOf(pairs), mean: meanOf(pairs) };
        },
      );
    }
    case "ranking": {
      const c = { responses: 0, answered: 0, positions: Object.fromEntries(q.options.map((o) => [o.value, q.options.map(() => 0)])) as Record<string, number[]> };
      return tally(
        c,
        (answer) => {
          if (!Array.isArray(answer) || answer.length === 0) return false;
          answer.forEach((value, i) => {
            const row = c.positions[value as string];
            if (row && i < row.length) row[i]!++;
          });
          return true;
        },
        () => ({
          ...base(c),
          type: "ranking",
          positions: Object.fromEntries(Object.entries(c.positions).map(([k, v]) => [k, [...v]])),
          average: Object.fromEntries(Object.entries(c.positions).map(([k, v]) => [k, averagePosition(v)])),
        }),
      );
    }
    case "number": {
      const c = { responses: 0, answered: 0 };
      const values = new NumberTally();
      const counting = tally(c, (answer) => typeof answer === "number" && Number.isFinite(answer) && (values.add(answer), true), () => ({ ...base(c), ...values.figures() }));
      return {
        ...counting,
        counts: () => ({ ...c, values: values.counts() }),
        merge(other) {
          const { values: theirs, ...counted } = other as typeof c & { values: NumberCounts };
          addCounts(c, counted);
          values.merge(theirs);
        },
      };
    }
    case "date": {
      const c = { responses: 0, answered: 0, months: {} as Record<string, number> };
      return tally(
        c,
        (answer) => {
          if (typeof answer !== "string" || !/^\d{4}-\d{2}/.test(answer)) return false;
          c.months[answer.slice(0, 7)] = (c.months[answer.slice(0, 7)] ?? 0) + 1;
          return true;
        },
        (): DateFigures => ({ ...base(c), type: "date", months: Object.fromEntries(Object.entries(c.months).sort(([a], [b]) => a.localeCompare(b))) }),
      );
    }
    case "location": {
      const c = { responses: 0, answered: 0, places: Object.fromEntries(q.map.places.map((p) => [p.id, 0])) as Record<string, number>, point: 0, description: 0 };
      return tally(
        c,
        (answer) => {
          const where = answer as LocationAnswer;
          if (where.place) c.places[where.place] = (c.places[where.place] ?? 0) + 1;
          else if (where.point) c.point++;
          else if (where.description) c.description++;
          else return false;
          return true;
        },
        (): LocationFigures => ({ ...base(c), type: "location", places: { ...c.places }, point: c.point, description: c.description }),
      );
    }
    case "text":
    case "textarea": {
      const c = { responses: 0, answered: 0 };
      return tally(c, (answer) => typeof answer === "string" && answer.trim() !== "", () => ({ ...base(c), type: q.type }));
    }
  }
}

/** Adds `from`'s numbers into `into`, member by member (records and lists alike); members only `from` has are taken over. */
function addCounts(into: Record<string, unknown> | unknown[], from: Record<string, unknown> | unknown[]): void {
  const target = into as Record<string, unknown>;
  for (const [key, value] of Object.entries(from)) {
    if (typeof value === "number") target[key] = ((target[key] as number | undefined) ?? 0) + value;
    else if (value && typeof value === "object") {
      if (target[key] === undefined) target[key] = Array.isArray(value) ? [] : {};
      addCounts(target[key] as Record<string, unknown>, value as Record<string, unknown>);
    }
  }
}

/** Distinct values beyond which a number question's values are rounded (4 significant digits): memory stays bounded. */
export const EXACT_NUMBER_LIMIT = 100_000;

/** A number question's tally as plain data. */
interface NumberCounts {
  pairs: [number, number][];
  exact: boolean;
  integers: boolean;
  sum: number;
  n: number;
  min: number;
  max: number;
}

/** A number question's answers as (value, count): exact median and histogram without keeping every answer. */
class NumberTally {
  private values = new Map<number, number>();
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
    this.count(value, 1);
  }

  counts(): NumberCounts {
    return { pairs: [...this.values], exact: this.exact, integers: this.integers, sum: this.sum, n: this.n, min: this.min, max: this.max };
  }

  merge(other: NumberCounts): void {
    this.n += other.n;
    this.sum += other.sum;
    this.min = Math.min(this.min, other.min);
    this.max = Math.max(this.max, other.max);
    this.integers &&= other.integers;
    if (!other.exact) this.round();
    for (const [value, times] of other.pairs) this.count(value, times);
  }

  private count(value: number, times: number): void {
    const key = this.exact ? value : Number(value.toPrecision(4));
    this.values.set(key, (this.values.get(key) ?? 0) + times);
    if (this.exact && this.values.size > EXACT_NUMBER_LIMIT) this.round();
  }

  private round(): void {
    if (!this.exact) return;
    this.exact = false;
    const rounded = new Map<number, number>();
    for (const [v, c] of this.values) rounded.set(Number(v.toPrecision(4)), (rounded.get(Number(v.toPrecision(4))) ?? 0) + c);
    this.values = rounded;
  }

  figures(): Omit<NumberFigures, "id" | "responses" | "answered"> {
    const pairs = [...this.values].sort(([a], [b]) => a - b);
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
