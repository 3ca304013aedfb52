// A worker of `mitreden results` on a big survey (parallel.ts): counts ranges of a survey's
// responses in a store connection of its own and hands back each tally's counts. It starts with
// the command and loads its modules while the command reads the campaign; it opens the store with
// its first range, when the command's own thread has opened (and, if need be, migrated) it.
// Runs the compiled module.
import { parentPort, workerData } from "node:worker_threads";
import type { SurveyPageModel } from "../../campaign/model.js";
import { openStore, type OpenStoreOptions, type ResponseRange, type Store } from "../store/index.js";
import { createSurveyTally, type TallyCounts } from "./aggregate.js";

export interface CountJob {
  store: OpenStoreOptions;
  campaign: string;
  page: SurveyPageModel;
  hide: string[];
  range: ResponseRange;
}

/** One answer per job, in the jobs' order; `null` ends the worker. */
export type CountAnswer = { counts: TallyCounts } | { error: string };

/** What the command told the worker when it started it: which store it will read. */
export interface CounterStart {
  postgres: boolean;
}

// The store's library loads now, while the command reads its campaign (node-postgres takes about
// a tenth of a second), not when the first range arrives. A failure shows when the store opens.
void ((workerData as CounterStart | null)?.postgres ? import("../store/postgres.js") : import("../store/sqlite.js")).catch(() => undefined);

let store: Promise<Store> | undefined;
let queue = Promise.resolve();

parentPort!.on("message", (job: CountJob | null) => {
  queue = queue.then(async () => {
    if (job === null) {
      await (await store?.catch(() => undefined))?.close();
      parentPort!.close();
      return;
    }
    try {
      store ??= openStore(job.store);
      const tally = createSurveyTally(job.page, { hide: job.hide });
      for await (const batch of (await store).answerBatches(job.campaign, job.page.id, job.range)) for (const answers of batch) tally.add(answers);
      parentPort!.postMessage({ counts: tally.counts() } satisfies CountAnswer);
    } catch (error) {
      parentPort!.postMessage({ error: (error as Error).message } satisfies CountAnswer);
    }
  });
});
