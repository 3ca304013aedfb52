// One worker of `mitreden results` on a big survey (parallel.ts): counts one range of the survey's
// responses in a store of its own and hands back its tally's counts. Runs the compiled module.
import { parentPort, workerData } from "node:worker_threads";
import type { SurveyPageModel } from "../../campaign/model.js";
import { openStore, type OpenStoreOptions, type ResponseRange } from "../store/index.js";
import { createSurveyTally } from "./aggregate.js";

export interface CountJob {
  store: OpenStoreOptions;
  campaign: string;
  page: SurveyPageModel;
  hide: string[];
  range: ResponseRange;
}

const job = workerData as CountJob;
const store = await openStore(job.store);
try {
  const tally = createSurveyTally(job.page, { hide: job.hide });
  for await (const batch of store.answerBatches(job.campaign, job.page.id, job.range)) for (const answers of batch) tally.add(answers);
  parentPort!.postMessage(tally.counts());
} finally {
  await store.close();
}
