// `mitreden results` on a big survey counts on every core: the responses are cut into ranges of
// arrival (Store.responseRanges), a worker thread counts each range in a store connection of its
// own, and the tallies' counts add up in order (docs/adr/021-results-and-open-data.md). Parsing
// each response's answers is most of the work, and it divides.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { CampaignModel, SurveyPageModel } from "../../campaign/model.js";
import type { SurveyResultsFile } from "../../campaign/results-file.js";
import { packagePath } from "../../package-root.js";
import type { OpenStoreOptions, Store } from "../store/index.js";
import { aggregateSurvey, createSurveyTally, surveyResultsFile, type TallyCounts } from "./aggregate.js";
import type { CountJob } from "./count-worker.js";

/**
 * Below this many responses one thread counts: a worker takes about 60 ms to start and open its
 * store (and ≈ 10 MB), the time of counting some 8,000 responses, so small surveys gain nothing.
 */
export const PARALLEL_FROM = 20_000;

export interface CountOptions {
  hide: string[];
  /** How many threads count; default: one per core (at most 4) from PARALLEL_FROM responses on, else 1. */
  workers?: number;
}

export async function countSurvey(store: Store, location: OpenStoreOptions, campaign: CampaignModel, page: SurveyPageModel, options: CountOptions): Promise<SurveyResultsFile> {
  const alone = () => aggregateSurvey(campaign, page, store.answerBatches(campaign.slug, page.id), { hide: options.hide });
  const parts = options.workers ?? Math.min(availableParallelism(), 4);
  if (parts < 2) return alone();
  const ranges = await store.responseRanges(campaign.slug, page.id, parts);
  const responses = ranges.reduce((sum, range) => sum + range.rows, 0);
  if (ranges.length < 2 || (options.workers === undefined && responses < PARALLEL_FROM)) return alone();
  // This thread counts the first range itself, a worker each further one.
  const [first, ...rest] = ranges;
  const counting = rest.map((range) => countInWorker({ store: location, campaign: campaign.slug, page, hide: options.hide, range }));
  const tally = createSurveyTally(page, { hide: options.hide });
  try {
    for await (const batch of store.answerBatches(campaign.slug, page.id, first)) for (const answers of batch) tally.add(answers);
  } finally {
    // A failure here still waits for the workers, so none outlives the command.
    await Promise.allSettled(counting);
  }
  // In the ranges' order, so that the same store and the same number of workers give the same file.
  for (const counts of await Promise.all(counting)) tally.merge(counts);
  return surveyResultsFile(campaign, page, tally);
}

function countInWorker(job: CountJob): Promise<TallyCounts> {
  return new Promise((resolve, reject) => {
    // The compiled module, also when this one runs from TypeScript source under the test runner
    // (npm test builds first).
    const worker = new Worker(packagePath("dist/collector/results/count-worker.js"), { workerData: job });
    let counts: TallyCounts | undefined;
    const part = `${job.campaign}/${job.page.id} (arrival numbers ${job.range.after + 1} to ${job.range.upTo})`;
    worker.once("message", (message: TallyCounts) => (counts = message));
    worker.once("error", (error) => reject(new Error(`Counting ${part} failed: ${error.message}`, { cause: error })));
    worker.once("exit", (code) => (counts ? resolve(counts) : reject(new Error(`Counting ${part} stopped with exit code ${code}.`))));
  });
}
