// `mitreden results` on a big survey counts on every core: the responses are cut into ranges of
// arrival (Store.responseRanges), a worker thread counts each range in a store connection of its
// own, and the tallies' counts add up in order (docs/adr/021-results-and-open-data.md). Parsing
// each response's answers is most of the work, and it divides.
import { availableParallelism } from "node:os";
import type { CampaignModel, SurveyPageModel } from "../../campaign/model.js";
import type { SurveyResultsFile } from "../../campaign/results-file.js";
import { packagePath } from "../../package-root.js";
import { allSettled } from "../../parallel.js";
import { startJobThread, ThreadStopped } from "../../worker-jobs.js";
import type { OpenStoreOptions, Store } from "../store/index.js";
import { aggregateSurvey, createSurveyTally, surveyResultsFile } from "./aggregate.js";
import type { CounterStart, CountJob, SliceCounts } from "./count-worker.js";
import { countSlices, SLICES_PER_PART, sliced } from "./slices.js";

/**
 * Below this many responses one thread counts: a worker takes about 60 ms to start and open its
 * store (and ≈ 10 MB), the time of counting some 8,000 responses, so small surveys gain nothing.
 */
export const PARALLEL_FROM = 20_000;

/** Threads that count by default, this one included: one per core, at most 4. */
export function defaultCountingThreads(): number {
  return Math.min(availableParallelism(), 4);
}

export interface CountOptions {
  hide: string[];
  /** How many threads count; default: defaultCountingThreads() from PARALLEL_FROM responses on, else 1. */
  workers?: number;
  /**
   * Workers started before the count (startCounters), so that they load while the command reads
   * its campaign; without them, the count starts its own and ends them.
   */
  counters?: Counters;
}

export async function countSurvey(store: Store, location: OpenStoreOptions, campaign: CampaignModel, page: SurveyPageModel, options: CountOptions): Promise<SurveyResultsFile> {
  const alone = () => aggregateSurvey(campaign, page, store.answerBatches(campaign.slug, page.id), { hide: options.hide });
  const parts = options.workers ?? (options.counters ? options.counters.size + 1 : defaultCountingThreads());
  if (parts < 2) return alone();
  const ranges = await store.responseRanges(campaign.slug, page.id, parts);
  const responses = ranges.reduce((sum, range) => sum + range.rows, 0);
  if (ranges.length < 2 || (options.workers === undefined && responses < PARALLEL_FROM)) return alone();
  // This thread and a worker for each further range take slices from one shared counter (slices.ts).
  const workers = ranges.length - 1;
  const counters = options.counters && options.counters.size >= workers ? options.counters : startCounters(workers, location);
  try {
    const job: CountJob = {
      store: location,
      campaign: campaign.slug,
      page,
      hide: options.hide,
      slices: ranges.flatMap((range) => sliced(range, SLICES_PER_PART)),
      next: new SharedArrayBuffer(4),
      lanes: location.databaseUrl ? 2 : 1,
    };
    // Every thread ends before the count fails (this one's failure first): none outlives the command.
    const [own, ...theirs] = await allSettled([countSlices(store, job), ...Array.from({ length: workers }, (_, i) => counters.count(i, job))]);
    const counted = [...own, ...theirs.flat()].sort(([a], [b]) => a - b);
    if (counted.length !== job.slices.length) throw new Error(`Counting ${campaign.slug}/${page.id}: ${counted.length} of ${job.slices.length} parts were counted.`);
    // In the slices' order, so that the same store and the same number of threads give the same file.
    const tally = createSurveyTally(page, { hide: options.hide });
    for (const [, counts] of counted) tally.merge(counts);
    return surveyResultsFile(campaign, page, tally);
  } finally {
    if (counters !== options.counters) await counters.close();
  }
}

/** Worker threads that count slices of surveys, a job at a time. */
export interface Counters {
  readonly size: number;
  /** The counts of the slices of `job` that worker number `worker` took, by slice number. */
  count(worker: number, job: CountJob): Promise<SliceCounts>;
  /** Ends the workers once their jobs are done; resolves when they have stopped. */
  close(): Promise<void>;
}

/**
 * Starts `size` counting workers at once: each loads its modules and the library of the store at
 * `location` (≈ 150 ms) while the caller goes on, and opens the store with its first job.
 */
export function startCounters(size: number, location: OpenStoreOptions): Counters {
  const workerData: CounterStart = { postgres: Boolean(location.databaseUrl) };
  // The compiled module, also when this one runs from TypeScript source under the test runner
  // (npm test builds first).
  const file = packagePath("dist/collector/results/count-worker.js");
  const workers = Array.from({ length: size }, () => startJobThread<CountJob, SliceCounts>(file, { name: "the counting worker", workerData }));
  return {
    size,
    // A slice's failure names the survey and the slice already (slices.ts); a worker's, the survey.
    count: (worker, job) =>
      workers[worker]!.run(job).catch((error: Error) => {
        throw error instanceof ThreadStopped ? new Error(`Counting ${job.campaign}/${job.page.id} failed: ${error.message}`, { cause: error }) : error;
      }),
    close: async () => {
      await Promise.all(workers.map((w) => w.end()));
    },
  };
}
