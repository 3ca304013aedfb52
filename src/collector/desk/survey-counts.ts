// The desk's live counts of a survey: per question by the tally `mitreden results` uses for the
// results page, and the responses per day. A survey in its weeks of collecting gets responses all
// the time, so counts kept until the next response would be counted again on nearly every view:
// with 100,000 responses about a second of the collector's time per view. Instead, the counts are
// kept with what they were counted from (ResponsesSums), and a later view counts only the
// responses that arrived since. Only when the responses counted before changed (one removed or
// redacted, or one committed late with an earlier number) are all counted again.
import type { CampaignModel, SurveyPageModel } from "../../campaign/model.js";
import type { QuestionFigures } from "../../campaign/results-file.js";
import { createSurveyTally, type TallyCounts } from "../results/aggregate.js";
import type { Store, ResponsesSums, ResponsesSummary } from "../store/index.js";
import { localTime } from "../surveys/export.js";

export interface SurveyCounts {
  responses: number;
  figures: QuestionFigures[];
  /** Responses per calendar day in the campaign's time zone ("2027-03-15"), in order. */
  perDay: [day: string, count: number][];
}

interface Kept {
  /** The store's version of the survey when it was last looked at: unchanged, nothing to count. */
  version: string;
  /** The highest arrival number counted, and what the responses up to it were when counted. */
  upTo: number;
  counted: ResponsesSums;
  tally: TallyCounts;
  perDay: Map<string, number>;
  shown: SurveyCounts;
}

/** Counts kept per campaign model (a reloaded campaign may have other questions) and survey. */
const keptByModel = new WeakMap<object, Map<string, Kept>>();
/** A count under way per survey: a second view at the same moment waits for it instead of counting too. */
const counting = new WeakMap<object, Map<string, Promise<Kept>>>();

/**
 * The survey's counts as the store holds them now. `model` is the campaigns' model the page
 * belongs to: counts are kept per model.
 */
export async function surveyCounts(store: Store, model: object, campaign: CampaignModel, page: SurveyPageModel): Promise<SurveyCounts> {
  const key = `${campaign.slug}/${page.id}`;
  const running = mapOf(counting, model);
  for (;;) {
    const pending = running.get(key);
    if (!pending) break;
    await pending.catch(() => undefined);
  }
  const kept = mapOf(keptByModel, model);
  const update = (async () => {
    const known = kept.get(key);
    // One read tells both whether anything changed and whether what was counted is still as it was.
    const summary = await store.responsesSummary(campaign.slug, page.id, known?.upTo ?? 0);
    const version = versionOf(summary);
    if (known?.version === version) return known;
    const fresh = known && sameSums(summary.upTo, known.counted) ? await count(store, campaign, page, version, known) : await count(store, campaign, page, version);
    kept.set(key, fresh);
    return fresh;
  })();
  running.set(key, update);
  try {
    return (await update).shown;
  } finally {
    if (running.get(key) === update) running.delete(key);
  }
}

/** Counts the responses after `from`'s (all of them without `from`) and adds `from`'s counts; `from` itself is left as it is. */
async function count(store: Store, campaign: CampaignModel, page: SurveyPageModel, version: string, from?: Kept): Promise<Kept> {
  const tally = createSurveyTally(page);
  const perDay = new Map(from?.perDay);
  const counted: ResponsesSums = { ...(from?.counted ?? { rows: 0, versions: 0, seqs: 0 }) };
  let upTo = from?.upTo ?? 0;
  if (from) tally.merge(from.tally);
  for await (const batch of store.responseBatches(campaign.slug, page.id, from ? { after: from.upTo } : {}))
    for (const response of batch) {
      tally.add(response.answers);
      // The local date, from the export's cached zone offsets: Intl per response costs more than the counting.
      const day = localTime(response.receivedAt, campaign.timezone).slice(0, 10);
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
      counted.rows++;
      counted.versions += response.version;
      counted.seqs += response.seq;
      upTo = Math.max(upTo, response.seq);
    }
  const days = [...perDay.entries()].sort(([a], [b]) => a.localeCompare(b));
  return { version, upTo, counted, tally: tally.counts(), perDay, shown: { responses: tally.responses, figures: tally.figures(), perDay: days } };
}

/** Changes whenever a response of the survey arrives, is removed or redacted. */
function versionOf({ all }: ResponsesSummary): string {
  return `${all.rows}/${all.last}/${all.versions}/${all.seqs}`;
}

function sameSums(a: ResponsesSums, b: ResponsesSums): boolean {
  return a.rows === b.rows && a.versions === b.versions && a.seqs === b.seqs;
}

function mapOf<T>(maps: WeakMap<object, Map<string, T>>, model: object): Map<string, T> {
  let map = maps.get(model);
  if (!map) maps.set(model, (map = new Map()));
  return map;
}
